package dev.streamwright.runtime.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateCheckTest {

  private static final StateCheck CHECK = new StateCheck(CountingPipelines.TYPES);
  private static final String BROKER = "127.0.0.1:9092";

  private static Pipeline sample(String name) throws Exception {
    return new PipelineCodec().read(Path.of("../../samples", name, "pipeline.json"));
  }

  private static Pipeline replace(Pipeline p, String id, String property, Object value) {
    return p.withNode(p.node(id).orElseThrow().withProperty(property, value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quickstart", "fraud-detection", "call-center", "fleet-telemetry"})
  void aSampleUpgradedToItselfKeepsEveryState(String name) throws Exception {
    Pipeline p = sample(name);
    StateCheckResult r = CHECK.check(p, p);
    assertThat(r.losses()).isEmpty();
    assertThat(r.carriedOver()).isNotEmpty();
    assertThat(r.summary()).startsWith("Every stateful node keeps its state (");
  }

  @Test
  void theFraudSamplesStatefulNodesAreTheOnesItsTypesDeclare() throws Exception {
    Pipeline p = sample("fraud-detection");
    assertThat(CHECK.check(p, p).carriedOver())
        .containsExactlyInAnyOrder(
            "transactions",
            "hourly_spend",
            "rule_check",
            "user_features",
            "fraud_score",
            "offline_features");
  }

  @Test
  void aChangedFilterKeepsEveryState() throws Exception {
    Pipeline v1 = sample("fraud-detection");
    Pipeline v2 = replace(v1, "high_risk", "condition", "fraud_score > 0.6");
    assertThat(CHECK.check(v1, v2).losesState()).isFalse();
  }

  @Test
  void aChangedHavingKeepsTheWindowsState() throws Exception {
    Pipeline v1 = sample("fraud-detection");
    Pipeline v2 = replace(v1, "rule_check", "having", "COUNT(*) > 10");
    assertThat(CHECK.check(v1, v2).losesState()).isFalse();
  }

  @Test
  void aRemovedWindowAggregateLosesItsWindows() throws Exception {
    Pipeline v1 = sample("fraud-detection");
    Pipeline v2 = v1.withoutNode("hourly_spend");
    StateCheckResult r = CHECK.check(v1, v2);
    assertThat(r.losses())
        .containsExactly(
            new StateLoss(
                "hourly_spend",
                null,
                "node 'hourly_spend' (Window aggregate) is removed: its open windows and their"
                    + " partial aggregates are lost"));
    assertThat(r.summary())
        .isEqualTo(
            "The upgrade loses the state of 1 node:\n  node 'hourly_spend' (Window aggregate) is"
                + " removed: its open windows and their partial aggregates are lost");
  }

  @Test
  void aChangedWindowSizeNamesThePropertyAndBothValues() throws Exception {
    Pipeline v1 = sample("fraud-detection");
    Pipeline v2 = replace(v1, "hourly_spend", "size", "30min");
    assertThat(CHECK.check(v1, v2).losses())
        .containsExactly(
            new StateLoss(
                "hourly_spend",
                "size",
                "node 'hourly_spend' (Window aggregate) changes 'size' (1h -> 30min): the saved"
                    + " state no longer fits, its open windows and their partial aggregates are"
                    + " lost"));
  }

  @Test
  void changedAggregatesAreNamedByTheirProperty() throws Exception {
    Pipeline v1 = sample("quickstart");
    Pipeline v2 =
        replace(
            v1, "clicks_per_user", "aggregates", List.of(Map.of("function", "COUNT", "as", "n")));
    assertThat(CHECK.check(v1, v2).losses())
        .extracting(StateLoss::property, StateLoss::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "aggregates",
                "node 'clicks_per_user' (Window aggregate) changes 'aggregates': the saved state"
                    + " no longer fits, its open windows and their partial aggregates are lost"));
  }

  @Test
  void aRemovedRunningCountIsLostAndAChangedFilterBeforeItIsNot() {
    Pipeline v1 = CountingPipelines.counting("in", "amount > 10", "out");
    assertThat(CHECK.check(v1, CountingPipelines.counting("in", "amount > 5", "out")).losesState())
        .isFalse();
    assertThat(CHECK.check(v1, CountingPipelines.counting("in", null, "out")).losesState())
        .isFalse();
    assertThat(
            CHECK
                .check(v1, CountingPipelines.withoutAggregate("in", "amount > 10", "rows"))
                .losses())
        .extracting(StateLoss::message)
        .containsExactly(
            "node 'count_per_key' (SQL) is removed: its aggregates, joined rows or seen keys"
                + " (whatever the query keeps) are lost");
  }

  @Test
  void aChangedQueryIsTakenToLoseWhatItKeeps() {
    Pipeline v1 = CountingPipelines.counting("in", "amount > 10", "out");
    Pipeline v2 = CountingPipelines.counting("in", "amount > 10", "out", true);
    assertThat(CHECK.check(v1, v2).losses())
        .extracting(StateLoss::nodeId, StateLoss::property)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("count_per_key", "query"));
  }

  @Test
  void anotherTopicLosesTheSourcesReadPositions() {
    Pipeline v1 = CountingPipelines.counting("in", "amount > 10", "out");
    Pipeline v2 = CountingPipelines.counting("in-2", "amount > 10", "out");
    assertThat(CHECK.check(v1, v2).losses())
        .extracting(StateLoss::message)
        .containsExactly(
            "node 'events' (Kafka source) changes 'topic' (in -> in-2): the saved state no longer"
                + " fits, its read positions in the topic's partitions are lost");
  }

  @Test
  void anExactlyOnceSinkThatBecomesAtLeastOnceLosesItsTransactions() {
    Pipeline v1 =
        replace(
            CountingPipelines.withoutAggregate("in", "amount > 10", "rows"),
            "passed",
            "deliveryGuarantee",
            "exactly-once");
    Pipeline v2 = replace(v1, "passed", "deliveryGuarantee", "at-least-once");
    assertThat(CHECK.check(v1, v2).losses())
        .extracting(StateLoss::message)
        .containsExactly(
            "node 'passed' (Kafka sink) no longer keeps state: its open transactions are lost");
    assertThat(CHECK.check(v2, v1).losesState()).as("starting to keep state loses none").isFalse();
  }

  @Test
  void aNodeThatChangesTypeUnderTheSameIdLosesItsState() {
    Pipeline v1 = CountingPipelines.counting("in", "amount > 10", "out");
    Pipeline v2 =
        v1.withoutNode("count_per_key")
            .withNode(Node.of("count_per_key", "filter", Map.of("condition", "TRUE")))
            .withEdge(Edge.of("big", "count_per_key"))
            .withEdge(Edge.of("count_per_key", "counts"));
    assertThat(CHECK.check(v1, v2).losses())
        .extracting(StateLoss::message)
        .containsExactly(
            "node 'count_per_key' (SQL) becomes a Filter node: its aggregates, joined rows or"
                + " seen keys (whatever the query keeps) are lost");
  }

  @Test
  void withCompiledVersionsAChangedInputColumnTypeIsALoss() {
    Pipeline v1 = CountingPipelines.counting("in", "amount > 10", "out");
    Node events = v1.node("events").orElseThrow();
    Pipeline v2 =
        v1.withNode(
            events.withProperty(
                "columns",
                List.of(
                    Map.of("name", "k", "type", "STRING"),
                    Map.of("name", "amount", "type", "BIGINT"))));
    assertThat(CHECK.check(v1, v2).losesState()).as("by properties alone").isFalse();
    StateCheckResult r =
        CHECK.check(
            v1, CountingPipelines.compile(v1, BROKER), v2, CountingPipelines.compile(v2, BROKER));
    assertThat(r.losses())
        .extracting(StateLoss::message)
        .containsExactly(
            "node 'count_per_key' (SQL) gets input column 'amount' as BIGINT instead of INT: the"
                + " saved state no longer fits, its aggregates, joined rows or seen keys (whatever"
                + " the query keeps) are lost");
  }

  @Test
  void aNodeTypeThisStreamwrightDoesNotKnowCannotBeVouchedFor() {
    Pipeline v1 =
        new Pipeline(
            "p", "p", "", 1, List.of(), List.of(Node.of("x", "acme-join", Map.of())), List.of());
    assertThat(CHECK.check(v1, v1).losses())
        .extracting(StateLoss::message)
        .containsExactly(
            "node 'x' has type 'acme-join', which this Streamwright does not know: it cannot tell"
                + " whether its state carries over; install the plugin that provides it");
  }

  @Test
  void statelessTypesDeclareNoStateAndAggregatingTypesDo() {
    for (String id : List.of("filter", "project", "validate", "preview-sink", "print-sink")) {
      NodeType t = CountingPipelines.TYPES.find(id).orElseThrow();
      assertThat(t.state(new NodeProperties(Map.of(), t.properties())).keepsState())
          .as(id)
          .isFalse();
    }
    for (String id : List.of("window-aggregate", "over-features", "sql", "kafka-source")) {
      NodeType t = CountingPipelines.TYPES.find(id).orElseThrow();
      assertThat(t.state(new NodeProperties(Map.of(), t.properties())).keepsState())
          .as(id)
          .isTrue();
    }
  }
}
