package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tiny pipeline per built-in node type (and a few variants), shared by the golden script test
 * and the planner check, so the scripts we compare are the scripts Flink accepted.
 */
final class GoldenPipelines {

  /**
   * A pipeline and the environment it is compiled for.
   *
   * @param name the golden file's base name
   */
  record Golden(String name, Pipeline pipeline, Map<String, String> environment) {
    @Override
    public String toString() {
      return name;
    }
  }

  private GoldenPipelines() {}

  static List<Golden> all() {
    List<Golden> all = new ArrayList<>();
    all.add(golden("datagen", clicks(), preview("clicks")));
    all.add(kafkaSource());
    all.add(kafkaSourceDeadLetter());
    all.add(
        golden(
            "filter",
            clicks(),
            node("expensive", "filter", "condition", "amount > 50 AND page <> 'home'"),
            preview("expensive")));
    all.add(
        golden(
            "project",
            clicks(),
            node(
                "shaped",
                "project",
                "columns",
                List.of(
                    row("name", "user", "expression", "UPPER(user_id)"),
                    row("name", "amount_eur", "expression", "amount * 0.92"),
                    row("name", "ts", "expression", "event_time"),
                    row("name", "page_hash", "expression", "HASH_CODE(page) % 16", "type", "INT"))),
            preview("shaped")));
    all.add(
        golden(
            "window-aggregate",
            clicks(),
            node(
                "per_user",
                "window-aggregate",
                "size",
                "10s",
                "keys",
                List.of("user_id"),
                "aggregates",
                List.of(
                    row("function", "COUNT", "as", "clicks"),
                    row("function", "SUM", "column", "amount", "as", "total"),
                    row("function", "AVG", "column", "amount", "as", "average"),
                    row("function", "COUNT_DISTINCT", "column", "page", "as", "pages"),
                    row("function", "LAST_VALUE", "column", "page", "as", "last_page")),
                "having",
                "COUNT(*) > 1 OR SUM(amount) > 100"),
            preview("per_user")));
    all.add(
        golden(
            "window-aggregate-hop",
            clicks(),
            node(
                "sliding",
                "window-aggregate",
                "window",
                "hop",
                "size",
                "1min",
                "slide",
                "10s",
                "keys",
                List.of("page"),
                "aggregates",
                List.of(
                    row("function", "MAX", "column", "amount", "as", "max_amount"),
                    row("function", "STDDEV_POP", "column", "amount", "as", "amount_stddev"))),
            preview("sliding")));
    all.add(
        golden(
            "window-aggregate-session",
            clicks(),
            node(
                "sessions",
                "window-aggregate",
                "window",
                "session",
                "gap",
                "250ms",
                "keys",
                List.of("user_id", "page"),
                "aggregates",
                List.of(row("function", "COUNT", "column", "amount", "as", "n")),
                "having",
                "COUNT(*) > 1"),
            preview("sessions")));
    all.add(
        golden(
            "window-aggregate-session-one-key",
            clicks(),
            node(
                "visits",
                "window-aggregate",
                "window",
                "session",
                "time",
                "processing",
                "gap",
                "150s",
                "keys",
                List.of("user_id"),
                "aggregates",
                List.of(row("function", "MIN", "column", "amount", "as", "smallest"))),
            preview("visits")));
    all.add(
        golden(
            "over-features",
            clicks(),
            node(
                "rolling",
                "over-features",
                "partitionBy",
                List.of("user_id"),
                "range",
                "1min",
                "features",
                List.of(
                    row("function", "AVG", "column", "amount", "as", "avg_1min_spend"),
                    row("function", "COUNT", "as", "tx_count_1min"),
                    row("function", "STDDEV_POP", "column", "amount", "as", "amount_stddev"))),
            preview("rolling")));
    all.add(
        golden(
            "over-features-rows",
            clicks(),
            node(
                "recent",
                "over-features",
                "partitionBy",
                List.of("user_id"),
                "time",
                "processing",
                "frame",
                "rows",
                "rows",
                5L,
                "features",
                List.of(row("function", "SUM", "column", "amount", "as", "last_6_total"))),
            preview("recent")));
    all.add(
        golden(
            "sql",
            clicks(),
            node(
                "totals",
                "sql",
                "query",
                "SELECT user_id, COUNT(*) AS clicks, SUM(amount) AS total\n"
                    + "FROM {{in}}\n"
                    + "WHERE page <> 'a;b'\n"
                    + "GROUP BY user_id",
                "columns",
                List.of(
                    row("name", "user_id", "type", "STRING"),
                    row("name", "clicks", "type", "BIGINT"),
                    row("name", "total", "type", "DOUBLE")),
                "updating",
                true),
            node("printed", "print-sink")));
    all.add(golden("preview-sink", clicks(), node("latest", "preview-sink", "maxRows", 50L)));
    all.add(golden("print-sink", clicks(), node("printed", "print-sink")));
    all.add(
        golden(
            "file-sink",
            clicks(),
            node("archive", "file-sink", "path", "file:///tmp/streamwright/clicks")));
    all.add(kafkaSink());
    all.add(upsertKafkaSink());
    all.add(quickstart());
    all.add(validate());
    all.add(modelScore());
    all.add(modelScoreDeadLetter());
    return all;
  }

  /** Click events: the datagen node most goldens start from. */
  private static Node clicks() {
    return node(
        "clicks",
        "datagen",
        "columns",
        List.of(
            row("name", "id", "type", "BIGINT", "kind", "sequence", "start", 1L, "end", 1000000L),
            row("name", "user_id", "type", "STRING", "length", 4L),
            row(
                "name",
                "page",
                "type",
                "STRING",
                "kind",
                "expression",
                "expression",
                "ELT(CAST(MOD(id, 3) AS INT) + 1, 'home', 'cart', 'checkout')"),
            row("name", "amount", "type", "DOUBLE", "min", 1L, "max", 200L),
            row("name", "event_time", "type", "TIMESTAMP(3)")),
        "rowsPerSecond",
        20L,
        "eventTime",
        "event_time",
        "watermarkDelay",
        "2s",
        "procTime",
        "proc_time");
  }

  private static Golden kafkaSource() {
    Node source =
        node(
            "transactions",
            "kafka-source",
            "topic",
            "transactions",
            "columns",
            List.of(
                row("name", "transaction_id", "type", "STRING"),
                row("name", "user_id", "type", "STRING"),
                row("name", "amount", "type", "DOUBLE"),
                row("name", "currency", "type", "STRING"),
                row("name", "transaction_time", "type", "TIMESTAMP(3)")),
            "keyFields",
            List.of("user_id"),
            "eventTime",
            "transaction_time",
            "watermarkDelay",
            "30s",
            "recordTimestamp",
            "kafka_time");
    return golden("kafka-source", Map.of(), source, node("printed", "print-sink"));
  }

  /** Dead-letter mode: well-formed rows to a print sink, malformed records to another. */
  private static Golden kafkaSourceDeadLetter() {
    Node source =
        node(
            "transactions",
            "kafka-source",
            "topic",
            "transactions",
            "onMalformed",
            "dead-letter",
            "columns",
            List.of(
                row("name", "transaction_id", "type", "STRING"),
                row("name", "amount", "type", "DOUBLE"),
                row("name", "approved", "type", "BOOLEAN"),
                row("name", "merchant name", "type", "STRING"),
                row("name", "transaction_time", "type", "TIMESTAMP(3)")),
            "eventTime",
            "transaction_time",
            "watermarkDelay",
            "30s");
    Node valid = node("printed", "print-sink");
    Node malformed = node("dead_letters", "print-sink");
    Pipeline pipeline =
        new Pipeline(
            "golden-kafka-source-dead-letter",
            "Golden kafka-source dead-letter",
            "A Kafka source sending malformed records to a dead-letter output",
            1,
            List.of("golden"),
            List.of(source, valid, malformed),
            List.of(
                Edge.of(source.id(), valid.id()),
                new Edge(source.id(), "malformed", malformed.id(), "in")));
    return new Golden("kafka-source-dead-letter", pipeline, Map.of());
  }

  private static Golden kafkaSink() {
    Node sink =
        node(
            "alerts",
            "kafka-sink",
            "topic",
            "click-alerts",
            "keyFields",
            List.of("user_id"),
            "deliveryGuarantee",
            "exactly-once");
    return golden(
        "kafka-sink", Map.of("kafka.bootstrap.servers", "127.0.0.1:39092"), clicks(), sink);
  }

  /** Clicks and spend per user, a running GROUP BY, kept current in a compacted topic. */
  private static Golden upsertKafkaSink() {
    Node totals =
        node(
            "totals",
            "sql",
            "query",
            "SELECT user_id, COUNT(*) AS clicks, SUM(amount) AS total\n"
                + "FROM {{in}}\n"
                + "GROUP BY user_id",
            "columns",
            List.of(
                row("name", "user_id", "type", "STRING"),
                row("name", "clicks", "type", "BIGINT"),
                row("name", "total", "type", "DOUBLE")),
            "updating",
            true);
    Node sink =
        node(
            "per_user",
            "upsert-kafka-sink",
            "topic",
            "clicks-per-user",
            "keyFields",
            List.of("user_id"),
            "deliveryGuarantee",
            "exactly-once",
            "bufferFlush",
            "1s");
    return golden(
        "upsert-kafka-sink",
        Map.of("kafka.bootstrap.servers", "127.0.0.1:39092"),
        clicks(),
        totals,
        sink);
  }

  /** The studio's first-run sample: datagen clicks, a 10-second count per user, a preview. */
  private static Golden quickstart() {
    Node source =
        node(
            "clicks",
            "datagen",
            "columns",
            List.of(
                row("name", "user_id", "type", "STRING", "length", 1L),
                row("name", "page", "type", "STRING", "length", 6L),
                row("name", "event_time", "type", "TIMESTAMP(3)")),
            "rowsPerSecond",
            5L,
            "eventTime",
            "event_time");
    Node counts =
        node(
            "counts",
            "window-aggregate",
            "size",
            "10s",
            "keys",
            List.of("user_id"),
            "aggregates",
            List.of(row("function", "COUNT", "as", "clicks")));
    return golden("quickstart", Map.of(), source, counts, preview("counts"));
  }

  /** Validation rules on clicks: valid rows to a preview, rejected ones to a print sink. */
  private static Golden validate() {
    Node source = clicks();
    Node checked =
        node(
            "checked",
            "validate",
            "rules",
            List.of(
                row("column", "user_id", "rule", "not-null"),
                row("column", "amount", "rule", "range", "min", 0L, "max", 150.5),
                row("column", "page", "rule", "allowed", "values", "home,cart,checkout"),
                row("column", "id", "rule", "allowed", "values", "1,2,3"),
                row("column", "user_id", "rule", "regex", "pattern", "^[a-f0-9]{4}$")));
    Node valid = preview("checked");
    Node rejected = node("dead_letters", "print-sink");
    Pipeline pipeline =
        new Pipeline(
            "golden-validate",
            "Golden validate",
            "One validate node in a minimal pipeline",
            1,
            List.of("golden"),
            List.of(source, checked, valid, rejected),
            List.of(
                Edge.of(source.id(), checked.id()),
                new Edge(checked.id(), "valid", valid.id(), "in"),
                new Edge(checked.id(), "rejected", rejected.id(), "in")));
    return new Golden("validate", pipeline, Map.of());
  }

  /**
   * The fraud sample's model on generated features. {@code models.dir} is the repository's
   * samples/models, so the script holds an absolute path; the golden file has {@value
   * GoldenScriptTest#MODELS_DIR_PLACEHOLDER} in its place.
   */
  private static Golden modelScore() {
    Node features =
        node(
            "features",
            "datagen",
            "columns",
            List.of(
                row("name", "id", "type", "BIGINT", "kind", "sequence", "start", 1L, "end", 1000L),
                row("name", "amount", "type", "DOUBLE", "min", 1L, "max", 500L),
                row("name", "avg_1min_spend", "type", "DOUBLE", "min", 1L, "max", 300L),
                row("name", "tx_count_1min", "type", "BIGINT", "min", 1L, "max", 12L),
                row(
                    "name",
                    "ratio",
                    "type",
                    "DOUBLE",
                    "kind",
                    "expression",
                    "expression",
                    "amount / avg_1min_spend"),
                row("name", "event_time", "type", "TIMESTAMP(3)")),
            "rowsPerSecond",
            20L,
            "eventTime",
            "event_time",
            "watermarkDelay",
            "2s");
    Node scored =
        node(
            "scored",
            "model-score",
            "model",
            "fraud-scorer/fraud-scorer.onnx",
            "inputs",
            List.of(row("input", "amount_ratio", "column", "ratio")),
            "batchSize",
            32L,
            "maxInFlight",
            32L,
            "onInvalidInput",
            "fail");
    return golden(
        "model-score",
        Map.of("models.dir", GoldenScriptTest.SAMPLE_MODELS.toString()),
        features,
        scored,
        preview("scored"));
  }

  /** Dead-letter mode: scored rows to a preview, rows with an invalid feature to a print sink. */
  private static Golden modelScoreDeadLetter() {
    Node features =
        node(
            "features",
            "datagen",
            "columns",
            List.of(
                row("name", "amount", "type", "DOUBLE", "min", 1L, "max", 500L),
                row("name", "avg_1min_spend", "type", "DOUBLE", "min", 1L, "max", 300L),
                row("name", "tx_count_1min", "type", "INT", "min", 1L, "max", 12L),
                row("name", "amount_ratio", "type", "FLOAT", "min", 0L, "max", 5L)),
            "rowsPerSecond",
            20L,
            "procTime",
            "proc_time");
    Node scored =
        node(
            "scored",
            "model-score",
            "model",
            "fraud-scorer/fraud-scorer.onnx",
            "outputs",
            List.of(row("output", "fraud_score", "as", "risk", "type", "FLOAT")),
            "onInvalidInput",
            "dead-letter");
    Node valid = preview("scored");
    Node invalid = node("dead_letters", "print-sink");
    Pipeline pipeline =
        new Pipeline(
            "golden-model-score-dead-letter",
            "Golden model-score dead-letter",
            "A model-score node sending rows with invalid features to a dead-letter output",
            1,
            List.of("golden"),
            List.of(features, scored, valid, invalid),
            List.of(
                Edge.of(features.id(), scored.id()),
                Edge.of(scored.id(), valid.id()),
                new Edge(scored.id(), "invalid", invalid.id(), "in")));
    return new Golden(
        "model-score-dead-letter",
        pipeline,
        Map.of("models.dir", GoldenScriptTest.SAMPLE_MODELS.toString()));
  }

  private static Node preview(String id) {
    return node(id + "_preview", "preview-sink");
  }

  private static Node node(String id, String type, Object... properties) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < properties.length; i += 2) {
      values.put((String) properties[i], properties[i + 1]);
    }
    return Node.of(id, type, values);
  }

  private static Golden golden(String name, Node... chain) {
    return golden(name, Map.of(), chain);
  }

  /** A pipeline whose nodes form one chain, first to last. */
  private static Golden golden(String name, Map<String, String> environment, Node... chain) {
    List<Edge> edges = new ArrayList<>();
    for (int i = 1; i < chain.length; i++) {
      edges.add(Edge.of(chain[i - 1].id(), chain[i].id()));
    }
    Pipeline pipeline =
        new Pipeline(
            "golden-" + name,
            "Golden " + name,
            "One " + name + " node in a minimal pipeline",
            1,
            List.of("golden"),
            List.of(chain),
            edges);
    return new Golden(name, pipeline, environment);
  }
}
