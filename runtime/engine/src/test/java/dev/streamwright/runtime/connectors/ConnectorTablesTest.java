package dev.streamwright.runtime.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a compiled pipeline's connector tables back, and blaming failures on Kafka nodes. */
class ConnectorTablesTest {

  private static CompiledPipeline mixed() {
    Node source =
        TestPipelines.source(
            "orders",
            "broker-a:9092,broker-b:9092",
            "orders",
            Map.of(
                "properties.security.protocol",
                "SASL_SSL",
                "properties.sasl.jaas.config",
                "x required username='it''s';"));
    Node alerts = TestPipelines.sink("alerts", "broker-a:9092", "order-alerts", "exactly-once");
    Node files = Node.of("archive", "file-sink", Map.of("path", "file:///data/archive"));
    Pipeline p =
        new Pipeline(
            "mixed",
            "mixed",
            "",
            1,
            List.of(),
            List.of(source, alerts, files),
            List.of(Edge.of("orders", "alerts"), Edge.of("orders", "archive")));
    return TestPipelines.compile(p);
  }

  @Test
  void readsEveryConnectorTableWithItsOptionsAndRole() {
    ConnectorTables tables = ConnectorTables.of(mixed());

    assertThat(tables.all())
        .extracting(ConnectorTable::nodeId)
        .containsExactly("orders", "alerts", "archive");
    ConnectorTable orders = tables.all().get(0);
    assertThat(orders.sink()).isFalse();
    assertThat(orders.isKafka()).isTrue();
    assertThat(orders.topics()).containsExactly("orders");
    assertThat(orders.bootstrapServers()).isEqualTo("broker-a:9092,broker-b:9092");
    // The user's extra options reach the client settings, quotes and all.
    assertThat(orders.clientProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", "x required username='it''s';")
        .doesNotContainKey("bootstrap.servers");

    ConnectorTable alerts = tables.all().get(1);
    assertThat(alerts.sink()).isTrue();
    assertThat(alerts.exactlyOnce()).isTrue();
    assertThat(alerts.topics()).containsExactly("order-alerts");

    ConnectorTable archive = tables.all().get(2);
    assertThat(archive.sink()).isTrue();
    assertThat(archive.isFiles()).isTrue();
    assertThat(archive.path()).isEqualTo("file:///data/archive");
    assertThat(tables.kafka())
        .extracting(ConnectorTable::nodeId)
        .containsExactly("orders", "alerts");
    assertThat(tables.sinks())
        .extracting(ConnectorTable::nodeId)
        .containsExactly("alerts", "archive");
  }

  @Test
  void theWithClauseIsFoundPastStringsThatLookLikeIt() {
    String sql =
        "CREATE TEMPORARY TABLE `t` (\n  `a` AS CONCAT('x) WITH (', `b`),\n  `b` STRING\n) WITH (\n"
            + "  'connector' = 'kafka',\n  'topic' = 'it''s'\n)";

    assertThat(ConnectorTables.withOptions(sql))
        .isEqualTo(Map.of("connector", "kafka", "topic", "it's"));
  }

  @Test
  void aPipelineWithoutConnectorsHasNoTables() {
    Pipeline p =
        new Pipeline(
            "p",
            "p",
            "",
            1,
            List.of(),
            List.of(TestPipelines.datagen("gen", 10), Node.of("preview", "preview-sink", Map.of())),
            List.of(Edge.of("gen", "preview")));
    ConnectorTables tables =
        ConnectorTables.of(
            new PipelineCompiler(NodeTypeRegistry.load())
                .compile(p, Map.of())
                .result()
                .orElseThrow());

    assertThat(tables.kafka()).isEmpty();
    assertThat(tables.sinks()).isEmpty();
  }

  @Test
  void aFailureNamingATopicIsBlamedOnTheNodeThatUsesIt() {
    ConnectorTables tables = ConnectorTables.of(mixed());

    assertThat(tables.blame("Failed to get metadata for topics [orders]."))
        .hasValueSatisfying(
            b -> {
              assertThat(b.table().nodeId()).isEqualTo("orders");
              assertThat(b.property()).isEqualTo("topic");
              assertThat(b.location()).isEqualTo("node 'orders', property 'topic'");
            });
    assertThat(tables.blame("Topic order-alerts not present in metadata after 60000 ms."))
        .hasValueSatisfying(b -> assertThat(b.table().nodeId()).isEqualTo("alerts"));
    assertThat(tables.blame("Expiring 3 record(s) for order-alerts-2:120001 ms has passed"))
        .hasValueSatisfying(b -> assertThat(b.table().nodeId()).isEqualTo("alerts"));
  }

  @Test
  void aFailureNamingABrokerAddressIsBlamedOnItsFirstNode() {
    ConnectorTables tables = ConnectorTables.of(mixed());

    assertThat(
            tables.blame("Connection to node -1 (broker-b/10.0.0.7:9092) could not be established"))
        .hasValueSatisfying(
            b -> {
              assertThat(b.table().nodeId()).isEqualTo("orders");
              assertThat(b.property()).isEqualTo("bootstrapServers");
              assertThat(b.topic()).isNull();
            });
  }

  @Test
  void wordsThatOnlyContainATopicNameBlameNothing() {
    ConnectorTables tables = ConnectorTables.of(mixed());

    // 'orders' inside other names, a port that only starts like the broker's: not theirs.
    assertThat(tables.blame("table default.orders__records failed; preorders; broker-a:90921"))
        .isEmpty();
    assertThat(tables.blame("")).isEmpty();
    assertThat(tables.blame(null)).isEmpty();
  }
}
