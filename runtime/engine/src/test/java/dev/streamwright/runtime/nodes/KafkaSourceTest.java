package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSourceTest {

  private static NodeHarness transactions() {
    return NodeHarness.of(new KafkaSource())
        .set("topic", "transactions")
        .set(
            "columns",
            List.of(
                row("name", "user_id", "type", "STRING"),
                row("name", "amount", "type", "DOUBLE"),
                row("name", "transaction_time", "type", "TIMESTAMP(3)")));
  }

  @Test
  void declaredColumnsBecomeTheOutputSchema() {
    assertThat(transactions().derive().columns())
        .containsExactly("user_id STRING", "amount DOUBLE", "transaction_time TIMESTAMP(3)");
  }

  @Test
  void missingTopicIsAnError() {
    NodeHarness h = transactions().set("topic", " ");
    assertThat(h.derive().onlyError("topic")).contains("name the topic");
  }

  @Test
  void noColumnsIsAnError() {
    NodeHarness h = transactions().set("columns", List.of());
    assertThat(h.derive().onlyError("columns")).contains("declare the fields");
  }

  @Test
  void blankBootstrapServersComeFromTheEnvironment() {
    FakeRenderContext r =
        transactions()
            .set("bootstrapServers", "")
            .environment("kafka.bootstrap.servers", "broker:29092")
            .render();
    assertThat(r.ddl.get(0)).contains("'properties.bootstrap.servers' = 'broker:29092'");
  }

  @Test
  void withoutEnvironmentTheBrokersAreLocalhost() {
    assertThat(transactions().render().ddl.get(0))
        .contains("'properties.bootstrap.servers' = 'localhost:9092'");
  }

  @Test
  void theNodesOwnBrokersWinOverTheEnvironment() {
    FakeRenderContext r =
        transactions()
            .set("bootstrapServers", "kafka-1:9092")
            .environment("kafka.bootstrap.servers", "broker:29092")
            .render();
    assertThat(r.ddl.get(0)).contains("'properties.bootstrap.servers' = 'kafka-1:9092'");
  }

  @Test
  void groupIdDefaultsToStreamwrightAndTheNodeId() {
    assertThat(transactions().render().ddl.get(0))
        .contains("'properties.group.id' = 'streamwright-node1'");
  }

  @Test
  void groupOffsetsStartFromTheEarliestWhenTheGroupHasNone() {
    String ddl = transactions().set("startupMode", "group-offsets").render().ddl.get(0);
    assertThat(ddl)
        .contains("'scan.startup.mode' = 'group-offsets'")
        .contains("'properties.auto.offset.reset' = 'earliest'");
  }

  @Test
  void keyFieldsAreReadFromTheRecordKeyAsJson() {
    String ddl = transactions().set("keyFields", List.of("user_id")).render().ddl.get(0);
    assertThat(ddl)
        .contains("'key.format' = 'json'")
        .contains("'key.fields' = 'user_id'")
        .contains("'value.fields-include' = 'ALL'");
  }

  @Test
  void keyFieldThatIsNotDeclaredIsAnError() {
    String message =
        transactions().set("keyFields", List.of("account")).derive().onlyError("keyFields");
    assertThat(message).contains("'account'").contains("user_id STRING, amount DOUBLE");
  }

  @Test
  void recordTimestampAddsAMetadataColumn() {
    NodeHarness h = transactions().set("recordTimestamp", "kafka_time");
    assertThat(h.derive().columns()).contains("kafka_time TIMESTAMP_LTZ(3)");
    assertThat(h.render().ddl.get(0))
        .contains("`kafka_time` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'");
  }

  @Test
  void recordTimestampCanBeTheEventTime() {
    Schema out =
        transactions()
            .set("recordTimestamp", "kafka_time")
            .set("eventTime", "kafka_time")
            .derive()
            .out();
    assertThat(out.eventTime()).isEqualTo("kafka_time");
  }

  @Test
  void recordTimestampClashingWithAColumnIsAnError() {
    assertThat(
            transactions().set("recordTimestamp", "amount").derive().onlyError("recordTimestamp"))
        .contains("'amount' clashes");
  }

  @Test
  void eventTimeOfADoubleColumnIsAnError() {
    assertThat(transactions().set("eventTime", "amount").derive().onlyError("eventTime"))
        .contains("'amount' is DOUBLE");
  }

  @Test
  void extraOptionsCannotChangeTheConnector() {
    NodeHarness h = transactions().set("options", Map.of("connector", "upsert-kafka"));
    assertThat(h.derive().onlyError("options")).contains("'connector' is fixed to kafka");
  }

  @Test
  void extraOptionReplacingTheNodesOwnWinsWithAWarning() {
    NodeHarness h = transactions().set("options", Map.of("scan.startup.mode", "latest-offset"));
    assertThat(h.derive().onlyWarning("options"))
        .contains("'scan.startup.mode' replaces the node's own value 'earliest-offset'");
    assertThat(h.render().ddl.get(0)).contains("'scan.startup.mode' = 'latest-offset'");
  }

  @Test
  void rendersTheKafkaTable() {
    FakeRenderContext r =
        transactions()
            .set("keyFields", List.of("user_id"))
            .set("eventTime", "transaction_time")
            .set("watermarkDelay", "30s")
            .set("startupMode", "latest-offset")
            .set("options", Map.of("properties.security.protocol", "PLAINTEXT"))
            .render();
    assertThat(r.ddl)
        .containsExactly(
            """
            CREATE TEMPORARY TABLE `node1` (
              `user_id` STRING,
              `amount` DOUBLE,
              `transaction_time` TIMESTAMP(3),
              WATERMARK FOR `transaction_time` AS `transaction_time` - INTERVAL '30' SECOND
            ) WITH (
              'connector' = 'kafka',
              'format' = 'json',
              'json.ignore-parse-errors' = 'false',
              'key.fields' = 'user_id',
              'key.format' = 'json',
              'properties.bootstrap.servers' = 'localhost:9092',
              'properties.group.id' = 'streamwright-node1',
              'properties.security.protocol' = 'PLAINTEXT',
              'scan.startup.mode' = 'latest-offset',
              'topic' = 'transactions',
              'value.fields-include' = 'ALL'
            )""");
  }

  @Test
  void skipModeIgnoresParseErrors() {
    FakeRenderContext r = transactions().set("onMalformed", "skip").render();
    assertThat(r.ddl.get(0)).contains("'json.ignore-parse-errors' = 'true'");
    assertThat(transactions().render().ddl.get(0)).contains("'json.ignore-parse-errors' = 'false'");
  }

  @Test
  void deadLetterModeAddsTheMalformedOutput() {
    NodeHarness.Derived d =
        transactions()
            .set("onMalformed", "dead-letter")
            .set("eventTime", "transaction_time")
            .derive();
    assertThat(d.columns())
        .containsExactly("user_id STRING", "amount DOUBLE", "transaction_time TIMESTAMP(3)");
    assertThat(d.out().eventTime()).isEqualTo("transaction_time");
    assertThat(d.outputs().get("malformed").columns().stream().map(Object::toString))
        .containsExactly(
            "original_record STRING",
            "dlq_reason STRING",
            "kafka_partition INT",
            "kafka_offset BIGINT",
            "kafka_timestamp TIMESTAMP_LTZ(3)");
  }

  @Test
  void otherModesHaveNoMalformedOutput() {
    assertThat(transactions().derive().outputs()).containsOnlyKeys("out");
  }

  @Test
  void deadLetterModeReadsTheValueAsRawTextAndExtractsEachColumn() {
    FakeRenderContext r =
        transactions()
            .set("onMalformed", "dead-letter")
            .set("eventTime", "transaction_time")
            .render();
    String ddl = r.ddl.get(0);
    assertThat(ddl)
        .contains("'format' = 'raw'")
        .doesNotContain("json.ignore-parse-errors")
        .contains("`amount` AS TRY_CAST(JSON_VALUE(`__record_value`, '$.amount') AS DOUBLE)")
        .contains("`user_id` AS JSON_VALUE(`__record_value`, '$.user_id')")
        .contains(
            "COALESCE(TRY_CAST(REPLACE(REPLACE(JSON_VALUE(`__record_value`,"
                + " '$.transaction_time'), 'T', ' '), 'Z', '') AS TIMESTAMP(3))");
    // The reason is computed once, in a view both outputs read.
    assertThat(r.ddl.get(1))
        .startsWith("CREATE TEMPORARY VIEW `node1__checked` AS")
        .contains("'not a JSON object'")
        .contains("'field ''amount'' holds '")
        .contains("', expected a number'")
        .contains("'an object'")
        .contains("'an array'")
        .contains("'field ''transaction_time'' is missing or null")
        .contains("AS `__malformed_reason`");
    assertThat(r.views).hasSize(2);
    assertThat(r.views.get(0)).endsWith("WHERE `__malformed_reason` IS NULL");
    assertThat(r.views.get(1))
        .contains("`__malformed_reason` AS `dlq_reason`")
        .endsWith("WHERE `__malformed_reason` IS NOT NULL");
  }

  @Test
  void deadLetterModeChecksStringColumnsForNestedValuesOnlyWhenTheTextHasAny() {
    String checked = transactions().set("onMalformed", "dead-letter").render().ddl.get(1);
    assertThat(checked)
        .contains(
            "WHEN (LOCATE('[', `__record_value`) > 0 OR LOCATE('{', `__record_value`, 2) > 0)"
                + " AND (JSON_QUERY(`__record_value`, '$.user_id') IS NOT NULL)")
        .contains("', expected a string, number or boolean'");
  }

  @Test
  void deadLetterModeReadsWholeNumbersOnlyIntoIntegerColumns() {
    String ddl =
        transactions()
            .set("onMalformed", "dead-letter")
            .set("columns", List.of(row("name", "quantity", "type", "INT")))
            .render()
            .ddl
            .get(0);
    assertThat(ddl)
        .contains(
            "`quantity` AS TRY_CAST(REGEXP_EXTRACT(JSON_VALUE(`__record_value`, '$.quantity'),"
                + " '^\\s*([-+]?[0-9]+)(\\.0*)?\\s*$', 1) AS INT)");
  }

  @Test
  void whatAColumnExpectsIsNamedInWords() {
    assertThat(DeadLetterSql.expected("INT"))
        .isEqualTo("a whole number from -2147483648 to 2147483647");
    assertThat(DeadLetterSql.expected("DECIMAL(10,2)"))
        .isEqualTo("a number that fits DECIMAL(10,2)");
    assertThat(DeadLetterSql.expected("BOOLEAN")).isEqualTo("true or false");
    assertThat(DeadLetterSql.expected("TIMESTAMP(3)"))
        .isEqualTo("a timestamp like 2026-11-23 07:40:36.190");
  }

  @Test
  void stopAtLatestOffsetBoundsTheRead() {
    assertThat(transactions().set("stopAt", "latest-offset").render().ddl.get(0))
        .contains("'scan.bounded.mode' = 'latest-offset'");
    assertThat(transactions().render().ddl.get(0)).doesNotContain("scan.bounded.mode");
  }

  @Test
  void aBoundedEnvironmentBoundsEverySourceThatHasNoStopOfItsOwn() {
    FakeRenderContext r =
        transactions()
            .set("onMalformed", "dead-letter")
            .environment(KafkaSource.ENVIRONMENT_STOP_AT, KafkaSource.LATEST_OFFSET)
            .render();
    assertThat(r.ddl.get(0)).contains("'scan.bounded.mode' = 'latest-offset'");
  }

  @Test
  void isoTimestampsAreReadWithTheIsoStandard() {
    assertThat(
            transactions()
                .set("timestampFormat", "iso-8601")
                .set("keyFields", List.of("user_id"))
                .render()
                .ddl
                .get(0))
        .contains("'json.timestamp-format.standard' = 'ISO-8601'")
        .contains("'key.json.timestamp-format.standard' = 'ISO-8601'");
    assertThat(transactions().render().ddl.get(0)).doesNotContain("timestamp-format");
    assertThat(
            transactions()
                .set("timestampFormat", "iso-8601")
                .set("onMalformed", "dead-letter")
                .render()
                .ddl
                .get(0))
        .doesNotContain("timestamp-format");
  }

  @Test
  void deadLetterModeRefusesNestedColumns() {
    NodeHarness h =
        transactions()
            .set("onMalformed", "dead-letter")
            .set(
                "columns",
                List.of(
                    row("name", "user_id", "type", "STRING"),
                    row("name", "tags", "type", "ARRAY<STRING>")));
    assertThat(h.derive().onlyError("columns"))
        .contains("'tags' is ARRAY<STRING>")
        .contains("scalar columns only")
        .contains("set Malformed records to fail or skip");
  }

  @Test
  void deadLetterModeWarnsThatKeyColumnsComeFromTheValue() {
    NodeHarness h =
        transactions().set("onMalformed", "dead-letter").set("keyFields", List.of("user_id"));
    assertThat(h.derive().onlyWarning("keyFields"))
        .contains("reads every column from the record value");
    assertThat(h.render().ddl.get(0)).doesNotContain("key.fields");
  }
}
