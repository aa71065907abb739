package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.monitor.cost.CostBreakdown;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.NodeCost;
import dev.streamwright.monitor.cost.PricePresets;
import dev.streamwright.monitor.cost.Showback;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The cost as {@code streamwright monitor} prints it, as text and JSON. */
class CostTextTest {

  private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

  static DeploymentCost cost(String id, double projected) {
    return new DeploymentCost(
        id,
        PricePresets.LOCAL_MACHINE.name(),
        "USD",
        Optional.of(T),
        Optional.of(T.plusSeconds(360)),
        0.1,
        1.5,
        3,
        0.25,
        // cpu used 0.0025, idle 0.0125, memory 0.0030, Kafka 0, checkpoints 0.0001
        new CostBreakdown(0.0025, 0.0125, 0.0030, 0, 0, 0, 0.0001),
        200_000,
        0,
        0,
        OptionalDouble.of(projected),
        Duration.ofMinutes(15),
        Map.of("orders", new NodeCost("orders", 0.25, 1.0, 0.0025, 0, 0)));
  }

  @Test
  void theScreenShowsAllocationIdleUsageUnitCostsAndNodesWithTheEstimateSaid() {
    String s =
        new CostText(Map.of("orders", "Orders"))
            .screen(cost("d1", 131.4), PricePresets.LOCAL_MACHINE);

    assertThat(s)
        .contains(
            "priced with Local machine, priced as AWS us-east-1, m7i on-demand (estimate), an"
                + " estimate with prices of 2026-12-07")
        .contains("requested 1.500 cores, 3.000 GiB  used 0.250 cores (busy time)")
        .contains(
            "allocation USD 0.0180 (CPU USD 0.0150, memory USD 0.00300), of it idle USD 0.0125")
        .contains("checkpoints USD 0.000100")
        // 0.0181 / 200 000 records x 10^6; nothing read from Kafka: no cost per GB
        .contains("total USD 0.0181  per million records USD 0.0905  per GB processed –")
        .contains("projected monthly USD 131.40 (the rate of the last 15 min x 730 h)")
        .containsPattern("Orders \\(orders\\)\\s+0\\.250\\s+100%\\s+USD 0\\.00250");
    assertThat(CostText.line(cost("d1", 131.4))).isEqualTo(" cost=USD 0.0181 monthly=USD 131.40");
  }

  @Test
  void theJsonCarriesTheSameFiguresAndNullForWhatIsUnknown() throws Exception {
    JsonNode j =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(CostJson.of(cost("d1", 131.4), PricePresets.LOCAL_MACHINE).toString());

    assertThat(j.path("prices").path("estimate").asBoolean()).isTrue();
    assertThat(j.path("prices").path("pricesTakenOn").asText()).isEqualTo("2026-12-07");
    assertThat(j.path("allocation").path("idle").asDouble()).isEqualTo(0.0125);
    assertThat(j.path("usage").path("checkpointStorage").asDouble()).isEqualTo(0.0001);
    assertThat(j.path("perMillionRecords").asDouble()).isCloseTo(0.0905, within());
    assertThat(j.path("perGbProcessed").isNull()).isTrue();
    assertThat(j.path("projectedMonthly").asDouble()).isEqualTo(131.4);
    assertThat(j.path("nodes").path("orders").path("cpuShare").asDouble()).isEqualTo(1.0);
  }

  @Test
  void smallAmountsKeepThreeSignificantDigits() {
    assertThat(CostText.money(0.00008194, "USD")).isEqualTo("USD 0.0000819");
    assertThat(CostText.money(0.5, "EUR")).isEqualTo("EUR 0.500");
    assertThat(CostText.money(0, "USD")).isEqualTo("USD 0.00");
    assertThat(CostText.money(1234.567, "USD")).isEqualTo("USD 1234.57");
  }

  @Test
  void showbackRowsAddUpByTag() {
    String s =
        CostText.showback(
            Showback.rows(
                "team",
                List.of(cost("d1", 100), cost("d2", 50), cost("d3", 7)),
                Map.of("d1", List.of("team:risk"), "d2", List.of("team=risk", "kafka"))));

    assertThat(s)
        .containsPattern("team\\s+risk\\s+d1, d2\\s+USD 0\\.0362\\s+USD 0\\.0250\\s+USD 150\\.00")
        .containsPattern("team\\s+untagged\\s+d3\\s+USD 0\\.0181");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
