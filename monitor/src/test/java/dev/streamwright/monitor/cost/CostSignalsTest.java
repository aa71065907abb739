package dev.streamwright.monitor.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CostSignalsTest {

  private static DeploymentCost cost(OptionalDouble projected) {
    Instant t = Instant.parse("2026-12-07T12:00:00Z");
    return new DeploymentCost(
        "fraud-1",
        "p",
        "USD",
        Optional.of(t),
        Optional.of(t),
        0.1,
        2,
        4,
        1,
        CostBreakdown.ZERO,
        0,
        0,
        0,
        projected,
        Duration.ofMinutes(15),
        Map.of());
  }

  @Test
  void theProjectionIsThePipelinesProjectedMonthlyCost() {
    assertThat(CostSignals.values(cost(OptionalDouble.of(123.5))))
        .containsExactly(
            Map.entry(SeriesKey.pipeline(Metric.PROJECTED_MONTHLY_COST, "fraud-1"), 123.5));
  }

  @Test
  void noProjectionYetGivesNoValue() {
    assertThat(CostSignals.values(cost(OptionalDouble.empty()))).isEmpty();
  }
}
