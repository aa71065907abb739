package dev.streamwright.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.generate.Event;
import dev.streamwright.runtime.generate.FraudTransactions;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.BusyCores;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fraud-detection sample end to end on a real broker and the embedded Flink: a small scripted
 * scenario from the sample's own generator (steady traffic, malformed records, a fraud burst) goes
 * into {@code transactions}; the sample pipeline, unchanged except for a bounded read, runs (its
 * data folder in target/) until its input ends; then every sink is compared with what this test
 * computes itself from the generated events: the dead-letter topic, the rule alerts, the scored
 * transactions and fraud alerts, and the hourly spend files.
 */
class FraudDetectionSampleIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final Path SAMPLE = Path.of("fraud-detection", "pipeline.json");
  private static final Duration WAIT = Duration.ofSeconds(180);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Timestamps as the generator writes them. */
  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(Locale.ROOT);

  private static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP", "CHF", "JPY");
  private static final List<String> SINK_TOPICS =
      List.of("transactions-dlq", "scored-transactions", "fraud-alerts", "fraud-rule-alerts");

  /** 4 minutes at 20 events/s: 6 malformed records at 0:30, a burst from 5 users at 1:00. */
  private static final String SCENARIO =
      """
      {"steps":[
        {"at":"30s","kind":"malformed","count":6},
        {"at":"1min","kind":"burst","users":5,"duration":"30s","factor":10}
      ]}
      """;

  private static List<Event> events;
  private static Map<String, List<ConsumerRecord<String, String>>> topics;
  private static Path offlineFolder;

  @BeforeAll
  static void runTheSample() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    Map<String, Integer> partitions = new TreeMap<>();
    partitions.put(FraudTransactions.TOPIC, 3);
    SINK_TOPICS.forEach(t -> partitions.put(t, 3));
    broker.createTopics(partitions);

    GeneratorConfig config =
        GeneratorConfig.of(7, 20, Duration.ofMinutes(4), Scenario.parse(SCENARIO))
            .withStartTime(GeneratorConfig.DEFAULT_START);
    events = new ArrayList<>();
    // Every core busy while the generator writes: the producer must land every record on a
    // loaded machine as on an idle one (docs/decisions/0014-generator-producer-under-load.md).
    try (BusyCores busy = BusyCores.start(Duration.ofMinutes(1));
        KafkaEventSink sink =
            KafkaEventSink.create(broker.bootstrapServers(), FraudTransactions.TOPIC)) {
      Iterator<Event> it = new FraudTransactions(config).events();
      while (it.hasNext()) {
        Event e = it.next();
        events.add(e);
        sink.send(e);
      }
      sink.flush();
      assertThat(sink.acknowledged()).isEqualTo(events.size());
    }

    // The offline table's ${data}/fraud-detection/hourly-spend, with the data folder in target/.
    Path dataFolder = FLINK.workDir().resolve("data");
    offlineFolder = dataFolder.resolve("fraud-detection").resolve("hourly-spend");
    Pipeline pipeline = new PipelineCodec().read(SAMPLE);
    for (Node n : pipeline.nodes()) {
      if (n.type().equals("kafka-source")) {
        // A bounded read: the job ends once it has read today's end offsets, closing every window.
        pipeline = pipeline.withNode(n.withProperty("stopAt", "latest-offset"));
      }
    }
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(
                pipeline,
                Map.of(
                    "kafka.bootstrap.servers",
                    broker.bootstrapServers(),
                    "models.dir",
                    Path.of("models").toAbsolutePath().toString(),
                    "data.dir",
                    dataFolder.toString()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    EmbeddedRuntime runtime = FLINK.runtime();
    Deployment d =
        runtime.deploy(
            c.result().orElseThrow(),
            new DeployOptions("fraud-detection-it", 2, Duration.ofSeconds(1), Map.of()));
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);
    if (!status.phase().isTerminal()) {
      runtime.stop(d, false);
    }
    assertThat(status.phase()).as(status.message()).isEqualTo(DeploymentStatus.Phase.FINISHED);
    topics = readAll(broker.bootstrapServers());
  }

  // ---- what the test expects, computed from the generated events ----

  /** A generated record the source parses: its fields, or why it is malformed. */
  private record Parsed(Event event, JsonNode json, String malformed) {

    String text(String field) {
      JsonNode v = json.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  private static Parsed parse(Event e) {
    JsonNode json;
    try {
      json = JSON.readTree(e.value());
    } catch (IOException ex) {
      return new Parsed(e, null, "not a JSON object");
    }
    if (json == null || !json.isObject()) {
      return new Parsed(e, null, "not a JSON object");
    }
    JsonNode amount = json.get("amount");
    if (amount != null && (amount.isContainerNode() || amount.isBoolean())) {
      String held =
          amount.isObject() ? "an object" : amount.isArray() ? "an array" : amount.toString();
      return new Parsed(e, json, "field 'amount' holds " + held + ", expected a number");
    }
    if (amount != null && !amount.isNull() && !amount.isNumber()) {
      try {
        Double.parseDouble(amount.asText());
      } catch (NumberFormatException ex) {
        // The reason shows the field's JSON text: a string in quotes.
        return new Parsed(e, json, "field 'amount' holds " + amount + ", expected a number");
      }
    }
    return new Parsed(e, json, null);
  }

  /** A row that passed validation, with its features computed as the pipeline defines them. */
  private record Scored(
      String id,
      String user,
      double amount,
      LocalDateTime time,
      double avg,
      long count,
      double ratio,
      double score) {}

  private static List<Parsed> parsed() {
    return events.stream().map(FraudDetectionSampleIT::parse).toList();
  }

  private static String ruleFailure(Parsed p) {
    if (p.text("transaction_id") == null) {
      return "transaction_id";
    }
    if (p.text("user_id") == null) {
      return "user_id";
    }
    String amount = p.text("amount");
    if (amount == null || Double.parseDouble(amount) < 0 || Double.parseDouble(amount) > 100000) {
      return "amount";
    }
    if (!CURRENCIES.contains(p.text("currency"))) {
      return "currency";
    }
    return null;
  }

  private static List<Parsed> validRows() {
    return parsed().stream().filter(p -> p.malformed() == null && ruleFailure(p) == null).toList();
  }

  /** Rolling features per user: RANGE 1 minute preceding on event time, peers included. */
  private static Map<String, Scored> scored() {
    Map<String, List<Parsed>> byUser = new TreeMap<>();
    validRows()
        .forEach(p -> byUser.computeIfAbsent(p.text("user_id"), u -> new ArrayList<>()).add(p));
    Map<String, Scored> out = new TreeMap<>();
    for (List<Parsed> rows : byUser.values()) {
      for (Parsed p : rows) {
        LocalDateTime t = time(p.text("transaction_time"));
        double sum = 0;
        long count = 0;
        for (Parsed q : rows) {
          LocalDateTime u = time(q.text("transaction_time"));
          if (!u.isAfter(t) && !u.isBefore(t.minusMinutes(1))) {
            sum += Double.parseDouble(q.text("amount"));
            count++;
          }
        }
        double amount = Double.parseDouble(p.text("amount"));
        double avg = sum / count;
        double ratio = amount / avg;
        // The fraud-scorer model (samples/models/fraud-scorer/card.json) sees float32 features.
        double score =
            1
                / (1
                    + Math.exp(
                        -(-6.5
                            + 0.002 * (float) amount
                            + 0.0005 * (float) avg
                            + 0.15 * (float) count
                            + 1.0 * (float) ratio)));
        out.put(
            p.text("transaction_id"),
            new Scored(
                p.text("transaction_id"), p.text("user_id"), amount, t, avg, count, ratio, score));
      }
    }
    return out;
  }

  private static LocalDateTime time(String text) {
    return LocalDateTime.parse(text, TIME);
  }

  /** A timestamp as the sinks write it: ISO-8601 with a fixed three fractional digits. */
  private static LocalDateTime written(String text) {
    assertThat(text).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    return LocalDateTime.parse(text);
  }

  // ---- the checks ----

  @Test
  void theDeadLetterTopicHoldsExactlyTheMalformedAndInvalidRecords() throws Exception {
    List<String> expectedMalformed = new ArrayList<>();
    List<String> expectedRejected = new ArrayList<>();
    for (Parsed p : parsed()) {
      if (p.malformed() != null) {
        expectedMalformed.add(p.malformed() + " | " + p.event().value());
      } else if (ruleFailure(p) != null) {
        expectedRejected.add(ruleFailure(p) + " | " + p.text("transaction_id"));
      }
    }
    assertThat(expectedMalformed).as("the scenario's broken records").hasSize(4);
    assertThat(expectedRejected).as("records without a user id").hasSize(2);

    List<String> malformed = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (ConsumerRecord<String, String> r : topics.get("transactions-dlq")) {
      JsonNode row = JSON.readTree(r.value());
      String reason = row.get("dlq_reason").asText();
      if (row.has("original_record")) {
        malformed.add(reason + " | " + row.get("original_record").asText());
      } else {
        assertThat(reason).as(r.value()).contains(": ");
        rejected.add(reason.split(":")[0] + " | " + row.get("transaction_id").asText());
      }
    }
    assertThat(malformed).containsExactlyInAnyOrderElementsOf(expectedMalformed);
    assertThat(rejected).containsExactlyInAnyOrderElementsOf(expectedRejected);
  }

  @Test
  void everyValidTransactionIsScoredWithItsRollingFeatures() throws Exception {
    Map<String, Scored> expected = scored();
    assertThat(expected).hasSizeGreaterThan(4000);
    Map<String, JsonNode> actual = new TreeMap<>();
    for (ConsumerRecord<String, String> r : topics.get("scored-transactions")) {
      JsonNode row = JSON.readTree(r.value());
      assertThat(actual.put(row.get("transaction_id").asText(), row)).as("duplicate").isNull();
    }
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Scored s : expected.values()) {
      JsonNode row = actual.get(s.id());
      assertThat(row.get("tx_count_1min").asLong()).as(s.id()).isEqualTo(s.count());
      assertThat(row.get("avg_1min_spend").asDouble()).as(s.id()).isCloseTo(s.avg(), within(1e-6));
      assertThat(row.get("amount_ratio").asDouble()).as(s.id()).isCloseTo(s.ratio(), within(1e-9));
      assertThat(row.get("fraud_score").asDouble()).as(s.id()).isCloseTo(s.score(), within(1e-6));
    }
  }

  @Test
  void fraudAlertsAreTheScoresAboveThreshold() throws Exception {
    Set<String> expected = new TreeSet<>();
    Set<String> borderline = new TreeSet<>();
    for (Scored s : scored().values()) {
      if (Math.abs(s.score() - 0.8) < 1e-6) {
        borderline.add(s.id());
      } else if (s.score() > 0.8) {
        expected.add(s.id());
      }
    }
    assertThat(expected).as("the burst must raise alerts").isNotEmpty();
    Set<String> actual = new TreeSet<>();
    for (ConsumerRecord<String, String> r : topics.get("fraud-alerts")) {
      JsonNode row = JSON.readTree(r.value());
      assertThat(row.get("fraud_score").asDouble()).isGreaterThan(0.8);
      actual.add(row.get("transaction_id").asText());
    }
    actual.removeAll(borderline);
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void ruleAlertsAreTheUserMinutesWithManyOrLargeTransactions() throws Exception {
    Map<String, double[]> perUserMinute = new TreeMap<>();
    for (Parsed p : validRows()) {
      LocalDateTime minute = time(p.text("transaction_time")).withSecond(0).withNano(0);
      double[] acc =
          perUserMinute.computeIfAbsent(p.text("user_id") + " " + minute, k -> new double[2]);
      acc[0]++;
      acc[1] += Double.parseDouble(p.text("amount"));
    }
    Map<String, double[]> expected = new TreeMap<>();
    perUserMinute.forEach(
        (k, v) -> {
          if (v[0] > 5 || v[1] > 1000) {
            expected.put(k, v);
          }
        });
    assertThat(expected).as("the burst must trip the rule").isNotEmpty();
    Map<String, JsonNode> actual = new TreeMap<>();
    for (ConsumerRecord<String, String> r : topics.get("fraud-rule-alerts")) {
      JsonNode row = JSON.readTree(r.value());
      String key = row.get("user_id").asText() + " " + written(row.get("window_start").asText());
      assertThat(actual.put(key, row)).as("duplicate " + key).isNull();
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (k, v) -> {
          assertThat(actual.get(k).get("tx_count").asLong()).as(k).isEqualTo((long) v[0]);
          assertThat(actual.get(k).get("total_amount").asDouble())
              .as(k)
              .isCloseTo(v[1], within(1e-6));
        });
  }

  @Test
  void theOfflineTableHoldsEachUsersHourlySpend() throws Exception {
    Map<String, double[]> expected = new HashMap<>();
    for (Parsed p : validRows()) {
      double[] acc = expected.computeIfAbsent(p.text("user_id"), u -> new double[2]);
      acc[0]++;
      acc[1] += Double.parseDouble(p.text("amount"));
    }
    Map<String, JsonNode> actual = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(offlineFolder)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .toList();
    }
    assertThat(files).as("committed files in " + offlineFolder).isNotEmpty();
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (!line.isBlank()) {
          JsonNode row = JSON.readTree(line);
          assertThat(written(row.get("window_start").asText()))
              .isEqualTo(LocalDateTime.ofInstant(GeneratorConfig.DEFAULT_START, ZoneOffset.UTC));
          assertThat(actual.put(row.get("user_id").asText(), row)).as("duplicate").isNull();
        }
      }
    }
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (user, v) -> {
          assertThat(actual.get(user).get("transaction_count").asLong())
              .as(user)
              .isEqualTo((long) v[0]);
          assertThat(actual.get(user).get("total_amount").asDouble())
              .as(user)
              .isCloseTo(v[1], within(1e-6));
        });
  }

  // ---- reading the topics ----

  private static Map<String, List<ConsumerRecord<String, String>>> readAll(String bootstrap) {
    Map<String, List<ConsumerRecord<String, String>>> out = new TreeMap<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      for (String topic : SINK_TOPICS) {
        List<TopicPartition> parts =
            consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))
            && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        out.put(topic, records);
      }
    }
    return out;
  }
}
