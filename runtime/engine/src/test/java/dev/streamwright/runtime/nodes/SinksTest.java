package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinksTest {

  private static final Schema SCORED =
      new Schema(
          List.of(
              new Column("user_id", "STRING"),
              new Column("score", "DOUBLE"),
              new Column("event_time", "TIMESTAMP(3)"),
              new Column("proc_time", "TIMESTAMP_LTZ(3)")),
          "event_time",
          "proc_time",
          false);

  private static final Schema WITH_UNKNOWN =
      Schema.of(List.of(new Column("user_id", "STRING"), new Column("score", "UNKNOWN")));

  @Test
  void previewStreamsEveryInputColumnBack() {
    FakeRenderContext r = NodeHarness.of(new PreviewSink()).input(SCORED).render();
    assertThat(r.previews).containsExactly("SELECT *\nFROM `upstream_in`");
    assertThat(r.ddl).isEmpty();
    assertThat(r.inserts).isEmpty();
  }

  @Test
  void previewHasNoOutputs() {
    assertThat(NodeHarness.of(new PreviewSink()).input(SCORED).derive().outputs()).isEmpty();
  }

  @Test
  void previewKeepingNoRowsIsAnError() {
    NodeHarness h = NodeHarness.of(new PreviewSink()).input(SCORED).set("maxRows", 0L);
    assertThat(h.derive().onlyError("maxRows")).contains("at least 1");
  }

  @Test
  void previewAcceptsColumnsOfUnknownType() {
    assertThat(NodeHarness.of(new PreviewSink()).input(WITH_UNKNOWN).derive().reported()).isEmpty();
  }

  @Test
  void printDeclaresTimeAttributesAsPlainTypesAndInsertsEverything() {
    FakeRenderContext r = NodeHarness.of(new PrintSink()).input(SCORED).render();
    assertThat(r.ddl)
        .containsExactly(
            """
            CREATE TEMPORARY TABLE `node1` (
              `user_id` STRING,
              `score` DOUBLE,
              `event_time` TIMESTAMP(3),
              `proc_time` TIMESTAMP_LTZ(3)
            ) WITH (
              'connector' = 'print',
              'print-identifier' = 'node1'
            )""");
    assertThat(r.inserts).containsExactly("INSERT INTO `node1`\nSELECT *\nFROM `upstream_in`");
  }

  @Test
  void printOfAColumnOfUnknownTypeIsAnError() {
    String message = NodeHarness.of(new PrintSink()).input(WITH_UNKNOWN).derive().onlyError(null);
    assertThat(message).contains("input column 'score' has a type only the Flink planner knows");
  }

  /** SCORED as a JSON sink writes it: times as fixed-width ISO-8601 text. */
  private static final String SCORED_AS_TEXT =
      "INSERT INTO `node1`\n"
          + "SELECT\n"
          + "  `user_id`,\n"
          + "  `score`,\n"
          + "  REPLACE(CAST(`event_time` AS STRING), ' ', 'T') AS `event_time`,\n"
          + "  SUBSTRING(REPLACE(CAST(TIMESTAMPADD(MINUTE, TIMESTAMPDIFF(MINUTE,"
          + " TO_TIMESTAMP_LTZ(0, 3), FLOOR(`proc_time` TO MINUTE)), TIMESTAMP '1970-01-01"
          + " 00:00:00') AS STRING), ' ', 'T') FROM 1 FOR 16) || SUBSTRING(CAST(`proc_time` AS"
          + " STRING) FROM 17) || 'Z' AS `proc_time`\n"
          + "FROM `upstream_in`";

  @Test
  void fileSinkRollsOverQuicklyAndChecksAsOften() {
    FakeRenderContext r =
        NodeHarness.of(new FileSink()).input(SCORED).set("path", "/data/scores").render();
    assertThat(r.ddl.get(0))
        .endsWith(
            """
            ) WITH (
              'connector' = 'filesystem',
              'format' = 'json',
              'path' = '/data/scores',
              'sink.rolling-policy.check-interval' = '10 s',
              'sink.rolling-policy.rollover-interval' = '10 s'
            )""");
    assertThat(r.ddl.get(0)).contains("`event_time` STRING,\n  `proc_time` STRING\n)");
    assertThat(r.inserts).containsExactly(SCORED_AS_TEXT);
  }

  @Test
  void fileSinkWithALongRolloverChecksEveryMinute() {
    String ddl =
        NodeHarness.of(new FileSink())
            .input(SCORED)
            .set("path", "file:///data/scores")
            .set("rollover", "1h")
            .render()
            .ddl
            .get(0);
    assertThat(ddl)
        .contains("'sink.rolling-policy.check-interval' = '1 min'")
        .contains("'sink.rolling-policy.rollover-interval' = '1 h'");
  }

  @Test
  void fileSinkWithoutPathIsAnError() {
    assertThat(NodeHarness.of(new FileSink()).input(SCORED).derive().onlyError("path"))
        .contains("set the folder");
  }

  @Test
  void fileSinkWithARelativePathIsAWarning() {
    NodeHarness h = NodeHarness.of(new FileSink()).input(SCORED).set("path", "out/scores");
    assertThat(h.derive().onlyWarning("path")).contains("absolute path");
  }

  @Test
  void fileSinkWritesUnderTheEnvironmentsDataFolder() {
    NodeHarness h =
        NodeHarness.of(new FileSink())
            .input(SCORED)
            .set("path", "${data}/fraud/hourly")
            .environment("data.dir", "/home/ann/workspace/data/");
    assertThat(h.derive().reported()).isEmpty();
    assertThat(h.render().ddl.get(0)).contains("'path' = '/home/ann/workspace/data/fraud/hourly'");
  }

  @Test
  void fileSinkDataFolderMayBeAUri() {
    String ddl =
        NodeHarness.of(new FileSink())
            .input(SCORED)
            .set("path", "${data}/scores")
            .environment("data.dir", "s3://bucket/streamwright")
            .render()
            .ddl
            .get(0);
    assertThat(ddl).contains("'path' = 's3://bucket/streamwright/scores'");
  }

  @Test
  void fileSinkWithAnUnknownPlaceholderIsAnError() {
    NodeHarness h =
        NodeHarness.of(new FileSink())
            .input(SCORED)
            .set("path", "${home}/scores")
            .environment("data.dir", "/data");
    assertThat(h.derive().onlyError("path"))
        .contains("'${home}' is not a placeholder")
        .contains("${data}/features");
  }

  @Test
  void fileSinkUnderTheDataFolderOfAnEnvironmentWithoutOneIsAnError() {
    NodeHarness h = NodeHarness.of(new FileSink()).input(SCORED).set("path", "${data}/scores");
    assertThat(h.derive().onlyError("path")).contains("does not set (data.dir)");
  }

  @Test
  void fileSinkUnderARelativeDataFolderIsAWarningNamingTheFolder() {
    NodeHarness h =
        NodeHarness.of(new FileSink())
            .input(SCORED)
            .set("path", "${data}/scores")
            .environment("data.dir", "target/data");
    assertThat(h.derive().onlyWarning("path")).startsWith("'target/data/scores' is relative");
  }

  @Test
  void fileSinkOnlyTakesAppendOnlyInput() {
    assertThat(new FileSink().inputs().get(0).acceptsUpdates()).isFalse();
  }

  @Test
  void kafkaSinkRendersAtLeastOnceWithTheEnvironmentsBrokers() {
    FakeRenderContext r =
        NodeHarness.of(new KafkaSink())
            .input(SCORED)
            .set("topic", "scored")
            .set("keyFields", List.of("user_id"))
            .environment("kafka.bootstrap.servers", "broker:29092")
            .render();
    assertThat(r.ddl.get(0))
        .endsWith(
            """
            ) WITH (
              'connector' = 'kafka',
              'format' = 'json',
              'key.fields' = 'user_id',
              'key.format' = 'json',
              'properties.bootstrap.servers' = 'broker:29092',
              'sink.delivery-guarantee' = 'at-least-once',
              'topic' = 'scored',
              'value.fields-include' = 'ALL'
            )""");
    assertThat(r.ddl.get(0)).contains("`event_time` STRING,\n  `proc_time` STRING\n)");
    assertThat(r.inserts).containsExactly(SCORED_AS_TEXT);
  }

  @Test
  void kafkaSinkExactlyOnceUsesANodeTransactionPrefixAndABrokerFriendlyTimeout() {
    String ddl =
        NodeHarness.of(new KafkaSink())
            .input(SCORED)
            .set("topic", "scored")
            .set("deliveryGuarantee", "exactly-once")
            .render()
            .ddl
            .get(0);
    assertThat(ddl)
        .contains("'sink.transactional-id-prefix' = 'streamwright-node1'")
        .contains("'properties.transaction.timeout.ms' = '900000'");
  }

  @Test
  void kafkaSinkKeyFieldMissingFromTheInputIsAnError() {
    NodeHarness h =
        NodeHarness.of(new KafkaSink())
            .input(SCORED)
            .set("topic", "t")
            .set("keyFields", List.of("uid"));
    assertThat(h.derive().onlyError("keyFields")).contains("'uid' is not a column of the input");
  }

  @Test
  void kafkaSinkWithoutTopicIsAnError() {
    assertThat(NodeHarness.of(new KafkaSink()).input(SCORED).derive().onlyError("topic"))
        .contains("name the topic");
  }

  @Test
  void kafkaSinkCannotChangeTheConnector() {
    NodeHarness h =
        NodeHarness.of(new KafkaSink())
            .input(SCORED)
            .set("topic", "t")
            .set("options", Map.of("connector", "upsert-kafka"));
    assertThat(h.derive().onlyError("options")).contains("fixed to kafka");
  }

  @Test
  void kafkaSinkOnlyTakesAppendOnlyInput() {
    assertThat(new KafkaSink().inputs().get(0).acceptsUpdates()).isFalse();
  }

  @Test
  void printAndPreviewTakeUpdates() {
    assertThat(new PrintSink().inputs().get(0).acceptsUpdates()).isTrue();
    assertThat(new PreviewSink().inputs().get(0).acceptsUpdates()).isTrue();
  }

  @Test
  void aSinkWithoutTimesInsertsEverythingAsItIs() {
    FakeRenderContext r =
        NodeHarness.of(new KafkaSink())
            .input(Schema.of(List.of(new Column("user_id", "STRING"), new Column("n", "BIGINT"))))
            .set("topic", "counts")
            .render();
    assertThat(r.inserts).containsExactly("INSERT INTO `node1`\nSELECT *\nFROM `upstream_in`");
    assertThat(r.ddl.get(0)).doesNotContain("timestamp-format");
  }

  @Test
  void timesNestedInRowsAreLeftToTheFormatWrittenAsIso8601() {
    Schema nested =
        Schema.of(
            List.of(
                new Column("user_id", "STRING"),
                new Column("visits", "ARRAY<TIMESTAMP(3)>"),
                new Column("day", "DATE")));
    FakeRenderContext r =
        NodeHarness.of(new KafkaSink())
            .input(nested)
            .set("topic", "visits")
            .set("keyFields", List.of("user_id"))
            .render();
    assertThat(r.ddl.get(0))
        .contains("`visits` ARRAY<TIMESTAMP(3)>")
        .contains("`day` DATE")
        .contains("'json.timestamp-format.standard' = 'ISO-8601'")
        .contains("'key.json.timestamp-format.standard' = 'ISO-8601'");
    assertThat(r.inserts).containsExactly("INSERT INTO `node1`\nSELECT *\nFROM `upstream_in`");
  }
}
