package dev.streamwright.monitor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ShowbackTest {

  /** A deployment that cost {@code cpu} in CPU and projects {@code monthly}. */
  private static DeploymentCost cost(String id, String currency, double cpu, double monthly) {
    return new DeploymentCost(
        id,
        "test",
        currency,
        Optional.empty(),
        Optional.empty(),
        1,
        2,
        4,
        1,
        new CostBreakdown(cpu, 0, 0, 0, 0, 0, 0),
        0,
        0,
        0,
        OptionalDouble.of(monthly),
        Duration.ofMinutes(15),
        Map.of());
  }

  private static final List<DeploymentCost> COSTS =
      List.of(
          cost("d1", "USD", 1.0, 10),
          cost("d2", "USD", 2.0, 20),
          cost("d3", "USD", 4.0, 40),
          cost("d4", "USD", 8.0, 80),
          cost("d5", "EUR", 16.0, 160));

  private static final Map<String, List<String>> TAGS =
      Map.of(
          "d1", List.of("kafka", "cost_center:fraud-ops"),
          "d2", List.of("Cost_Center = fraud-ops", "team:risk"),
          "d3", List.of("team=risk", "cost_center:"),
          "d5", List.of("cost_center:fraud-ops")); // d4 has no tags at all

  @Test
  void costsAddUpByTagValueWithTheUntaggedLast() {
    List<Showback.Row> rows = Showback.rows("cost_center", COSTS, TAGS);

    assertThat(rows)
        .extracting(Showback.Row::value, Showback.Row::currency, Showback.Row::deployments)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fraud-ops", "EUR", List.of("d5")),
            org.assertj.core.groups.Tuple.tuple("fraud-ops", "USD", List.of("d1", "d2")),
            // d3's cost_center has no value, d4 has no tags: both untagged
            org.assertj.core.groups.Tuple.tuple(Showback.UNTAGGED, "USD", List.of("d3", "d4")));
    // fraud-ops in USD: 1 + 2 = 3, projected 10 + 20 = 30; untagged: 4 + 8 = 12, 40 + 80 = 120
    assertThat(rows.get(1).cost().total()).isCloseTo(3.0, within(1e-12));
    assertThat(rows.get(1).projectedMonthly()).isCloseTo(30.0, within(1e-12));
    assertThat(rows.get(2).cost().total()).isCloseTo(12.0, within(1e-12));
    assertThat(rows.get(2).projectedMonthly()).isCloseTo(120.0, within(1e-12));
    assertThat(rows.get(0).cost().total()).as("euros are never added to dollars").isEqualTo(16.0);
  }

  @Test
  void eachKeyGroupsOnItsOwn() {
    List<Showback.Row> team = Showback.rows("TEAM", COSTS, TAGS);
    assertThat(team).extracting(Showback.Row::key).containsOnly("team");
    assertThat(team)
        .extracting(Showback.Row::value, Showback.Row::deployments)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("risk", List.of("d2", "d3")),
            org.assertj.core.groups.Tuple.tuple(Showback.UNTAGGED, List.of("d5")),
            org.assertj.core.groups.Tuple.tuple(Showback.UNTAGGED, List.of("d1", "d4")));
    assertThat(Showback.rows("project", COSTS, TAGS))
        .allMatch(r -> r.value().equals(Showback.UNTAGGED));
  }

  @Test
  void anUnknownKeyIsNamed() {
    assertThatThrownBy(() -> Showback.rows("owner", COSTS, TAGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'owner' is not a showback key; use one of cost_center, project, team");
    assertThat(Showback.value("team", List.of("team:a", "team:b"))).contains("a");
  }
}
