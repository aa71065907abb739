package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpsertKafkaSinkTest {

  /** A running GROUP BY user_id: a changelog. */
  private static final Schema PER_USER =
      new Schema(
          List.of(
              new Column("user_id", "STRING"),
              new Column("clicks", "BIGINT"),
              new Column("total", "DOUBLE")),
          null,
          null,
          true);

  private static NodeHarness perUser() {
    return NodeHarness.of(new UpsertKafkaSink())
        .input(PER_USER)
        .set("topic", "clicks-per-user")
        .set("keyFields", List.of("user_id"));
  }

  @Test
  void rendersThePrimaryKeyJsonKeyAndWholeRowValueWithTheEnvironmentsBrokers() {
    FakeRenderContext r = perUser().environment("kafka.bootstrap.servers", "broker:29092").render();
    assertThat(r.ddl)
        .containsExactly(
            """
            CREATE TEMPORARY TABLE `node1` (
              `user_id` STRING,
              `clicks` BIGINT,
              `total` DOUBLE,
              PRIMARY KEY (`user_id`) NOT ENFORCED
            ) WITH (
              'connector' = 'upsert-kafka',
              'key.format' = 'json',
              'properties.bootstrap.servers' = 'broker:29092',
              'sink.delivery-guarantee' = 'at-least-once',
              'topic' = 'clicks-per-user',
              'value.fields-include' = 'ALL',
              'value.format' = 'json'
            )""");
    assertThat(r.inserts).containsExactly("INSERT INTO `node1`\nSELECT *\nFROM `upstream_in`");
  }

  @Test
  void theNodesOwnBrokersWinOverTheEnvironments() {
    String ddl =
        perUser()
            .set("bootstrapServers", "kafka-1:9092")
            .environment("kafka.bootstrap.servers", "broker:29092")
            .render()
            .ddl
            .get(0);
    assertThat(ddl).contains("'properties.bootstrap.servers' = 'kafka-1:9092'");
  }

  @Test
  void withoutAnyBrokersTheLocalDefaultIsUsed() {
    assertThat(perUser().render().ddl.get(0))
        .contains("'properties.bootstrap.servers' = 'localhost:9092'");
  }

  @Test
  void severalKeyColumnsFormACompositePrimaryKeyInTheirListedOrder() {
    Schema perUserAndPage =
        new Schema(
            List.of(
                new Column("user_id", "STRING"),
                new Column("page", "STRING"),
                new Column("clicks", "BIGINT")),
            null,
            null,
            true);
    String ddl =
        NodeHarness.of(new UpsertKafkaSink())
            .input(perUserAndPage)
            .set("topic", "t")
            .set("keyFields", List.of("page", "user_id"))
            .render()
            .ddl
            .get(0);
    assertThat(ddl).contains("  PRIMARY KEY (`page`, `user_id`) NOT ENFORCED\n)");
  }

  @Test
  void exactlyOnceUsesANodeTransactionPrefixAndABrokerFriendlyTimeout() {
    String ddl = perUser().set("deliveryGuarantee", "exactly-once").render().ddl.get(0);
    assertThat(ddl)
        .contains("'sink.delivery-guarantee' = 'exactly-once'")
        .contains("'sink.transactional-id-prefix' = 'streamwright-node1'")
        .contains("'properties.transaction.timeout.ms' = '900000'");
  }

  @Test
  void bufferingSetsBothFlushOptionsWithTheDefaultKeyCount() {
    String ddl = perUser().set("bufferFlush", "2s").render().ddl.get(0);
    assertThat(ddl)
        .contains("'sink.buffer-flush.interval' = '2 s'")
        .contains("'sink.buffer-flush.max-rows' = '1000'");
  }

  @Test
  void bufferingHonoursTheKeyCount() {
    String ddl = perUser().set("bufferFlush", "500ms").set("bufferRows", 50L).render().ddl.get(0);
    assertThat(ddl)
        .contains("'sink.buffer-flush.interval' = '500 ms'")
        .contains("'sink.buffer-flush.max-rows' = '50'");
  }

  @Test
  void withoutBufferingNoFlushOptionIsWritten() {
    assertThat(perUser().render().ddl.get(0)).doesNotContain("sink.buffer-flush");
  }

  @Test
  void aKeyCountWithoutABufferTimeIsAWarning() {
    assertThat(perUser().set("bufferRows", 10L).derive().onlyWarning("bufferRows"))
        .contains("no effect without bufferFlush");
  }

  @Test
  void aZeroBufferTimeIsAnError() {
    assertThat(perUser().set("bufferFlush", "0s").derive().onlyError("bufferFlush"))
        .contains("longer than zero");
  }

  @Test
  void aBufferOfNoKeysIsAnError() {
    assertThat(
            perUser()
                .set("bufferFlush", "1s")
                .set("bufferRows", 0L)
                .derive()
                .onlyError("bufferRows"))
        .contains("at least 1");
  }

  @Test
  void withoutKeyColumnsItSaysWhichColumnsThereAre() {
    NodeHarness h = NodeHarness.of(new UpsertKafkaSink()).input(PER_USER).set("topic", "t");
    assertThat(h.derive().onlyError("keyFields"))
        .contains("list the columns that identify a row")
        .contains("user_id STRING, clicks BIGINT, total DOUBLE");
  }

  @Test
  void aKeyColumnMissingFromTheInputIsAnError() {
    NodeHarness h = perUser().set("keyFields", List.of("uid"));
    assertThat(h.derive().onlyError("keyFields")).contains("'uid' is not a column of the input");
  }

  @Test
  void withoutTopicIsAnError() {
    NodeHarness h =
        NodeHarness.of(new UpsertKafkaSink()).input(PER_USER).set("keyFields", List.of("user_id"));
    assertThat(h.derive().onlyError("topic")).contains("name the topic");
  }

  @Test
  void aColumnOfUnknownTypeIsAnError() {
    Schema unknown =
        Schema.of(List.of(new Column("user_id", "STRING"), new Column("score", "UNKNOWN")))
            .withUpdating(true);
    NodeHarness h =
        NodeHarness.of(new UpsertKafkaSink())
            .input(unknown)
            .set("topic", "t")
            .set("keyFields", List.of("user_id"));
    assertThat(h.derive().onlyError(null))
        .contains("input column 'score' has a type only the Flink planner knows");
  }

  @Test
  void appendOnlyInputIsAWarningPointingToTheKafkaSink() {
    Schema appendOnly = PER_USER.withUpdating(false);
    NodeHarness h =
        NodeHarness.of(new UpsertKafkaSink())
            .input(appendOnly)
            .set("topic", "t")
            .set("keyFields", List.of("user_id"));
    assertThat(h.derive().onlyWarning(null)).contains("only appends rows").contains("kafka-sink");
  }

  @Test
  void updatingInputIsNeitherErrorNorWarning() {
    assertThat(perUser().derive().reported()).isEmpty();
  }

  @Test
  void theConnectorCannotBeChanged() {
    NodeHarness h = perUser().set("options", Map.of("connector", "kafka"));
    assertThat(h.derive().onlyError("options")).contains("fixed to upsert-kafka");
  }

  @Test
  void anExtraOptionOverridingTheNodesOwnIsAWarningAndWins() {
    NodeHarness h = perUser().set("options", Map.of("value.fields-include", "EXCEPT_KEY"));
    assertThat(h.derive().onlyWarning("options")).contains("'value.fields-include' replaces");
    assertThat(h.render().ddl.get(0)).contains("'value.fields-include' = 'EXCEPT_KEY'");
  }

  @Test
  void itsInputTakesUpdates() {
    assertThat(new UpsertKafkaSink().inputs().get(0).acceptsUpdates()).isTrue();
  }

  @Test
  void timesAreWrittenAsTextExceptTheKeyOfAnUpdatingInput() {
    Schema perWindow =
        new Schema(
            List.of(
                new Column("user_id", "STRING"),
                new Column("window_start", "TIMESTAMP(3)"),
                new Column("last_seen", "TIMESTAMP(3)")),
            null,
            null,
            true);
    FakeRenderContext r =
        NodeHarness.of(new UpsertKafkaSink())
            .input(perWindow)
            .set("topic", "per-window")
            .set("keyFields", List.of("user_id", "window_start"))
            .render();
    // Rendering the key would hide it from Flink, which would then keep every row in state.
    assertThat(r.ddl.get(0))
        .contains("`window_start` TIMESTAMP(3),\n  `last_seen` STRING,")
        .contains("'key.json.timestamp-format.standard' = 'ISO-8601'")
        .contains("'value.json.timestamp-format.standard' = 'ISO-8601'");
    assertThat(r.inserts.get(0))
        .contains("  `window_start`,\n")
        .contains("REPLACE(CAST(`last_seen` AS STRING), ' ', 'T') AS `last_seen`");

    Schema appendOnly = new Schema(perWindow.columns(), null, null, false);
    FakeRenderContext a =
        NodeHarness.of(new UpsertKafkaSink())
            .input(appendOnly)
            .set("topic", "per-window")
            .set("keyFields", List.of("user_id", "window_start"))
            .render();
    assertThat(a.ddl.get(0)).contains("`window_start` STRING,").doesNotContain("timestamp-format");
  }
}
