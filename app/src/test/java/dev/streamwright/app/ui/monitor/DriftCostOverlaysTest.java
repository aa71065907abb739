package dev.streamwright.app.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.ui.canvas.NodeOverlay;
import dev.streamwright.designer.ui.canvas.NodeOverlay.Level;
import dev.streamwright.monitor.cost.CostBreakdown;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.NodeCost;
import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.DriftMethod;
import dev.streamwright.monitor.drift.DriftStatus;
import dev.streamwright.monitor.drift.MeasureResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The canvas' drift badge on Model score nodes and cost after the records per second. */
class DriftCostOverlaysTest {

  private static ColumnDrift psi(String column, double value) {
    DriftStatus status = DriftMethod.PSI.status(value);
    return new ColumnDrift(
        column,
        DriftMethod.PSI,
        value,
        status,
        List.of(new MeasureResult(DriftMethod.PSI, value, status)),
        10_000,
        3_000,
        0);
  }

  private static DeploymentCost cost() {
    return new DeploymentCost(
        "fraud-1",
        "AWS",
        "USD",
        Optional.empty(),
        Optional.empty(),
        1,
        4,
        16,
        1,
        CostBreakdown.ZERO,
        0,
        0,
        0,
        OptionalDouble.empty(),
        Duration.ofMinutes(15),
        Map.of("fraud_score", new NodeCost("fraud_score", 0.7, 0.7, 0.42, 0.0, 0.0)));
  }

  @Test
  void aModelNodeShowsItsWorstColumnInItsStatusColour() {
    Map<String, NodeOverlay> base = Map.of("fraud_score", NodeOverlay.rate("1.2k/s", Level.OK));
    Map<String, NodeOverlay> out =
        DriftCostOverlays.with(
            base,
            Map.of(
                "fraud_score",
                List.of(psi("tx_count_1min", 0.02), psi("amount", 0.31), psi("merchant", 0.12))),
            null);

    NodeOverlay o = out.get("fraud_score");
    assertThat(o.badge()).isEqualTo("drift 2/3 · amount");
    assertThat(o.badgeLevel()).isEqualTo(Level.HIGH);
    assertThat(o.recordsPerSecond()).isEqualTo("1.2k/s");
    assertThat(o.tooltip().lines().toList())
        .containsExactly(
            "amount: psi 0.310 (major)",
            "merchant: psi 0.120 (moderate)",
            "tx_count_1min: psi 0.020 (no drift)");
  }

  @Test
  void undriftedColumnsReadGreenAndNodesGetTheirCost() {
    Map<String, NodeOverlay> out =
        DriftCostOverlays.with(
            Map.of("fraud_score", NodeOverlay.rate("1.2k/s", Level.OK)),
            Map.of("fraud_score", List.of(psi("amount", 0.05))),
            cost());

    NodeOverlay o = out.get("fraud_score");
    assertThat(o.badge()).isEqualTo("no drift");
    assertThat(o.badgeLevel()).isEqualTo(Level.OK);
    assertThat(o.recordsPerSecond()).isEqualTo("1.2k/s · USD 0.42");
    assertThat(o.tooltip()).startsWith("cost so far USD 0.42 (CPU USD 0.42, Kafka USD 0.00), 70%");
  }
}
