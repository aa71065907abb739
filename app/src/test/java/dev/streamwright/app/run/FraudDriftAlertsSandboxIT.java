package dev.streamwright.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.MonitorAlerts;
import dev.streamwright.monitor.MonitorSettings;
import dev.streamwright.monitor.MonitorTarget;
import dev.streamwright.monitor.alerts.AlertCenter;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.Condition;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.Scope;
import dev.streamwright.monitor.alerts.ScopeKind;
import dev.streamwright.monitor.alerts.Severity;
import dev.streamwright.monitor.alerts.channels.WebhookChannel;
import dev.streamwright.monitor.drift.DriftMethod;
import dev.streamwright.monitor.drift.DriftStatus;
import dev.streamwright.monitor.drift.MeasureResult;
import dev.streamwright.monitor.drift.live.ColumnLiveDrift;
import dev.streamwright.monitor.drift.live.DriftReport;
import dev.streamwright.monitor.drift.live.ModelNodeReferences;
import dev.streamwright.monitor.drift.live.WindowDrift;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.DataFolder;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelRegistry;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift and alerts end to end on the fraud-detection sample in the Kafka sandbox, through the same
 * run owner as {@code streamwright sandbox --speed 10}: the job's drift tap (2 s windows) compared
 * with the fraud-scorer model card, an {@link AlertCenter} fed by the monitor, and a webhook on
 * 127.0.0.1.
 *
 * <p>The tap's windows are in processing time, so which scenario rows a window holds is read off
 * the job's own output: the rows of {@code scored-transactions} the sink wrote during the window
 * (Kafka's create time) carry their event times. A window is judged only when all its rows lie
 * before the shift (and outside the burst, whose records are 900 to 4,900, far above the card's
 * largest amount, so amount drifts there too) or all lie after it.
 */
class FraudDriftAlertsSandboxIT {

  private static final double SPEED = 10;

  /**
   * The sample's scenario with two changes. Its burst is the 200 users at 20x of {@code
   * MonitorFraudSandboxIT} (the sample's 20 at 10x does not stand out of the checkpoint-paced lag).
   * Its shift is x2 rather than x1.4: against the card's quantile bins amount x1.4 has a PSI of
   * about 0.12 (moderate), x2 of about 0.53 (major). Obtained independently with numpy 2.4 from the
   * card's edges and the generator's amount model (log-normal, median 40 times a per-user level
   * exp(0.4 z), sigma 0.8):
   *
   * <pre>
   * e = card["edges"]; ref = [0] + card["counts"] + [0] (as shares)
   * x = round(min(20000, 40*exp(0.4*z1)*exp(0.8*z2)) * f, 2), 2e6 values
   * psi = sum((p - q) * ln(p / q)) over the 12 bins, empty shares 0.0001
   * f=1.0: 0.001; f=1.4: 0.117; f=2.0: 0.526
   * windows of 1,000 values, 3,000 draws: f=1.0 max 0.04; f=2.0 0.1% quantile 0.40, min 0.39
   * </pre>
   */
  private static final String SCENARIO =
      """
      {"steps":[
        {"at":"1min","kind":"malformed","count":5},
        {"at":"2min","kind":"late","fraction":0.02,"maxDelay":"20s"},
        {"at":"3min","kind":"burst","users":200,"duration":"1min","factor":20},
        {"at":"6min","kind":"shift","column":"amount","factor":2}
      ]}""";

  /** Scenario time of the steps, and how late a late event can be. */
  private static final Duration BURST_FROM = Duration.ofMinutes(3);

  private static final Duration BURST_TO = Duration.ofMinutes(4);
  private static final Duration SHIFT = Duration.ofMinutes(6);
  private static final Duration LATE = Duration.ofSeconds(20);

  /** 14 minutes of scenario: after the shift, more than 15 windows (the sliding view) of rows. */
  private static final Duration SCENARIO_LENGTH = Duration.ofMinutes(14);

  private static final String NODE = "fraud_score";
  private static final String COLUMN = "amount";
  private static final double MAJOR_PSI = 0.25;

  /**
   * Lag, in records, the burst exceeds and normal traffic does not. Offsets are committed with the
   * 5 s checkpoints, so lag is a saw-tooth: at 500 records/s it peaks near 2,600 (a commit 9 s late
   * would be needed to pass 4,500); at the burst's 2,400 records/s it passes 4,500 about 2 s after
   * each commit and stays above for the 3 s to the next (seen at load 19: peaks of 5,500 to
   * 16,000).
   */
  private static final long LAG_THRESHOLD = 4_500;

  /** Rows a window needs to be judged (the first and last windows are partial). */
  private static final long MIN_ROWS = 300;

  @TempDir Path tmp;

  /** A drift report as seen, with whether the drift rule was firing right after it was fed. */
  private record Seen(DriftReport report, boolean driftFiring) {}

  /** One row the job scored: when the sink wrote it, and its event time. */
  private record Scored(long written, long event) {}

  @Test
  void amountDriftsAfterTheShiftAndTheDriftAndLagAlertsReachTheWebhook() throws Exception {
    Path samples = Path.of("../samples").toAbsolutePath().normalize();
    Pipeline pipeline =
        new PipelineCodec()
            .read(samples.resolve("fraud-detection/pipeline.json"))
            .withDrift(DriftSettings.DEFAULTS.withWindow("2s"));
    Instant eventStart = Instant.now().minus(Duration.ofHours(1));
    GeneratorPlan plan =
        new GeneratorPlan(
            e ->
                GeneratorConfig.of(42, 50, SCENARIO_LENGTH, Scenario.parse(SCENARIO))
                    .withStartTime(eventStart),
            SPEED,
            false);

    List<String> posted = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/alerts",
        ex -> {
          posted.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
    URI hook = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");

    Rule driftRule =
        new Rule(
            "amount-drift",
            "amount's PSI against the model card",
            Metric.DRIFT_PSI,
            Scope.only(ScopeKind.COLUMN, NODE + "/" + COLUMN),
            Condition.parse(">= " + MAJOR_PSI),
            Duration.ZERO,
            Severity.WARNING,
            Duration.ofHours(1),
            List.of("hook"),
            true);
    Rule lagRule =
        new Rule(
            "burst-lag",
            "consumer lag of the burst",
            Metric.CONSUMER_LAG_RECORDS,
            Scope.every(ScopeKind.GROUP),
            Condition.parse("> " + LAG_THRESHOLD),
            Duration.ofSeconds(1),
            Severity.CRITICAL,
            Duration.ofHours(1),
            List.of("hook"),
            true);

    AtomicReference<Sandbox> sandbox = new AtomicReference<>();
    AtomicReference<GeneratorRun> generator = new AtomicReference<>();
    AtomicLong t0 = new AtomicLong();
    List<MonitorSnapshot> snapshots = new CopyOnWriteArrayList<>();
    List<Seen> reports = new CopyOnWriteArrayList<>();
    List<AlertEvent> events = new CopyOnWriteArrayList<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    List<ConsumerRecord<String, String>> scoredRecords;
    String deploymentId;
    long started = System.nanoTime();
    try (AlertCenter center = new AlertCenter(RuleSet.of(driftRule, lagRule));
        Runner runner =
            new Runner(
                new RuntimeHolder(
                    "embedded Flink", () -> new EmbeddedRuntime(tmp.resolve("flink"))),
                new SandboxHolder(() -> Sandbox.Settings.embedded(tmp)),
                RunCheck.create(NodeTypeRegistry.load()),
                Map.of(
                    ModelRegistry.ENVIRONMENT_KEY,
                    samples.resolve("models").toString(),
                    DataFolder.ENVIRONMENT_KEY,
                    tmp.resolve("data").toString()))) {
      center.putChannel(new WebhookChannel("hook", hook, Map.of()));
      center.addListener(events::add);
      Run run = runner.prepare(pipeline, RunOptions.plain().onSandbox(Optional.of(plan), false));
      try {
        Optional<Run.Started> ok =
            run.start(
                new RunListener() {
                  @Override
                  public void sandboxReady(Sandbox s) {
                    sandbox.set(s);
                  }

                  @Override
                  public void checked(RunCheck.Result result) {
                    problems.addAll(result.problems().stream().map(Object::toString).toList());
                  }

                  @Override
                  public void kafkaChecked(List<dev.streamwright.runtime.compile.Problem> found) {
                    problems.addAll(found.stream().map(Object::toString).toList());
                  }

                  @Override
                  public void generatorStarted(Generators.Entry entry, GeneratorRun g) {
                    t0.set(System.currentTimeMillis());
                    generator.set(g);
                  }
                });
        assertThat(ok).as("the run's problems: %s", problems).isPresent();
        deploymentId = run.deployment().id();
        try (Monitor monitor =
            Monitor.of(
                MonitorTarget.of(
                    run.deployment(), run.runtime(), run.pipeline(), run.compilation()),
                MonitorSettings.DEFAULTS.withInterval(Duration.ofSeconds(1)))) {
          monitor
              .drift()
              .references(
                  ModelNodeReferences.of(
                      run.pipeline(),
                      samples.resolve("models").toString(),
                      (model, version) -> Map.of(),
                      node -> Map.of()));
          MonitorAlerts.attach(monitor, center);
          monitor
              .onSnapshot(snapshots::add)
              .onDrift(
                  r ->
                      reports.add(
                          new Seen(
                              r,
                              center.firing().stream()
                                  .anyMatch(a -> a.rule().id().equals(driftRule.id())))))
              .start();
          long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
          while ((generator.get() == null || !generator.get().await(Duration.ofMillis(500)))
              && System.nanoTime() < deadline) {
            Thread.sleep(100);
          }
          assertThat(generator.get().state()).isEqualTo(GeneratorRun.State.FINISHED);
          // The rows the watermark releases are scored a few seconds later; then windows are empty.
          await(Duration.ofSeconds(45), () -> lastWindowRows(reports).orElse(-1L) == 0);
        }
        scoredRecords = readAll(sandbox.get().bootstrapServers(), "scored-transactions");
      } finally {
        if (run.deployment() != null) {
          run.stopJob();
        }
        run.close();
      }
      await(
          Duration.ofSeconds(20),
          () -> posted.size() >= events.stream().filter(AlertEvent::notifies).count());
    } finally {
      server.stop(0);
    }
    System.out.printf(
        "FraudDriftAlertsSandboxIT: ran %d s, %d drift reports, %d rows scored%n",
        (System.nanoTime() - started) / 1_000_000_000L, reports.size(), scoredRecords.size());

    List<Scored> scored = scored(scoredRecords);
    long shiftAt = eventStart.plus(SHIFT).toEpochMilli();
    long burstFrom = eventStart.plus(BURST_FROM).minus(LATE).toEpochMilli();
    long burstTo = eventStart.plus(BURST_TO).toEpochMilli();
    StringBuilder diagnosis = new StringBuilder();

    // The drift panel's figures: each closed window's PSI of amount against the card.
    TreeMap<Long, WindowDrift> windows = new TreeMap<>();
    for (Seen s : reports) {
      s.report()
          .column(NODE, COLUMN)
          .flatMap(ColumnLiveDrift::lastWindow)
          .ifPresent(w -> windows.put(w.start().toEpochMilli(), w));
    }
    List<MeasureResult> before = new ArrayList<>();
    List<Double> after = new ArrayList<>();
    List<Double> burst = new ArrayList<>();
    for (WindowDrift w : windows.values()) {
      Optional<MeasureResult> psi = w.drift().map(d -> d.measure(DriftMethod.PSI));
      String kind = classify(scored, w.start(), w.end(), shiftAt, burstFrom, burstTo);
      diagnosis.append(
          String.format(
              "  window %s +%5.1f s: %5d rows, PSI %s, %s%n",
              w.start(),
              (w.start().toEpochMilli() - t0.get()) / 1e3,
              w.rows(),
              psi.map(m -> String.format("%.3f %s", m.value(), m.status())).orElse("none"),
              kind));
      if (psi.isEmpty() || w.rows() < MIN_ROWS) {
        continue;
      }
      switch (kind) {
        case "before" -> before.add(psi.get());
        case "after" -> after.add(psi.get().value());
        case "burst" -> burst.add(psi.get().value());
        default -> {}
      }
    }
    diagnosis.append(lagLines(snapshots, t0.get()));
    System.out.print("FraudDriftAlertsSandboxIT windows:\n" + diagnosis);
    String why = diagnosis.toString();

    // A job that starts late on a busy machine reads the first minutes as a backlog, in fewer,
    // fuller windows: two are enough to show that normal traffic is not flagged.
    assertThat(before)
        .as("windows of normal traffic before the shift\n" + why)
        .hasSizeGreaterThan(1);
    assertThat(after).as("windows after the shift\n" + why).hasSizeGreaterThan(3);
    assertThat(before)
        .as("PSI before the shift\n" + why)
        .allMatch(m -> m.value() < MAJOR_PSI && m.status() != DriftStatus.MAJOR);
    assertThat(after).as("PSI after the shift\n" + why).allMatch(v -> v >= MAJOR_PSI);
    // The burst's amounts lie above the card's largest: a true drift, not the shift's.
    assertThat(burst).as("PSI in the burst\n" + why).anyMatch(v -> v >= MAJOR_PSI);

    // The drift alert: one notification, however long its condition held.
    List<AlertEvent> driftFired =
        events.stream()
            .filter(e -> e.rule().id().equals(driftRule.id()))
            .filter(e -> e.kind() == AlertEvent.Kind.FIRED)
            .toList();
    String alertsSeen = events.stream().map(AlertEvent::describe).toList() + "\n" + why;
    assertThat(driftFired).as(alertsSeen).isNotEmpty();
    assertThat(driftFired.stream().filter(AlertEvent::notifies)).as(alertsSeen).hasSize(1);
    assertThat(driftFired.get(0).notifies()).as(alertsSeen).isTrue();
    assertThat(events)
        .as(alertsSeen)
        .noneMatch(
            e -> e.rule().id().equals(driftRule.id()) && e.kind() == AlertEvent.Kind.REMINDED);
    // Once the sliding view holds only shifted rows, the shift alone keeps the alert firing.
    List<Seen> shiftedViews = new ArrayList<>();
    for (Seen s : reports) {
      Optional<WindowDrift> view = s.report().column(NODE, COLUMN).flatMap(ColumnLiveDrift::view);
      if (view.isPresent()
          && view.get().rows() >= MIN_ROWS
          && "after"
              .equals(
                  classify(
                      scored, view.get().start(), view.get().end(), shiftAt, burstFrom, burstTo))) {
        shiftedViews.add(s);
      }
    }
    assertThat(shiftedViews).as("views wholly after the shift\n" + why).isNotEmpty();
    assertThat(shiftedViews).as(alertsSeen).allMatch(Seen::driftFiring);

    // The lag alert: fired while the burst's records were waiting.
    List<AlertEvent> lagFired =
        events.stream()
            .filter(e -> e.rule().id().equals(lagRule.id()))
            .filter(e -> e.kind() == AlertEvent.Kind.FIRED && e.notifies())
            .toList();
    assertThat(lagFired).as(alertsSeen).hasSize(1);
    long lagAt = lagFired.get(0).at().toEpochMilli() - t0.get();
    assertThat(lagAt)
        .as("lag alert at +%d ms, the burst runs from +18 s to +24 s\n%s", lagAt, alertsSeen)
        .isBetween(18_000L, 36_000L);

    // The webhook received both, as alert documents.
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> docs = new ArrayList<>();
    for (String body : posted) {
      docs.add(json.readTree(body));
    }
    assertThat(docs).as(posted.toString()).hasSize(2);
    JsonNode driftDoc =
        docs.stream()
            .filter(d -> d.path("rule").path("id").asText().equals(driftRule.id()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no drift alert posted: " + posted));
    assertThat(driftDoc.path("kind").asText()).isEqualTo("fired");
    assertThat(driftDoc.path("metric").asText()).isEqualTo("drift_psi");
    assertThat(driftDoc.path("deployment").asText()).isEqualTo(deploymentId);
    assertThat(driftDoc.path("scope").path("instance").asText()).isEqualTo(NODE + "/" + COLUMN);
    assertThat(driftDoc.path("value").asDouble()).isGreaterThanOrEqualTo(MAJOR_PSI);
    JsonNode lagDoc =
        docs.stream()
            .filter(d -> d.path("rule").path("id").asText().equals(lagRule.id()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no lag alert posted: " + posted));
    assertThat(lagDoc.path("kind").asText()).isEqualTo("fired");
    assertThat(lagDoc.path("metric").asText()).isEqualTo("consumer_lag_records");
    assertThat(lagDoc.path("scope").path("kind").asText()).isEqualTo("group");
    assertThat(lagDoc.path("value").asDouble()).isGreaterThan(LAG_THRESHOLD);
  }

  /**
   * Which scenario rows a span of processing time holds, judged by the rows the sink wrote in it
   * (half a second before to 1.5 s after, for the sink's delay): {@code burst} when one of them
   * could be a burst record, {@code before} or {@code after} when all lie on one side of the shift,
   * else {@code mixed}; {@code unknown} when the sink wrote none.
   */
  private static String classify(
      List<Scored> scored, Instant from, Instant to, long shiftAt, long burstFrom, long burstTo) {
    long lo = from.toEpochMilli() - 500;
    long hi = to.toEpochMilli() + 1_500;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Scored s : scored) {
      if (s.written() >= lo && s.written() < hi) {
        min = Math.min(min, s.event());
        max = Math.max(max, s.event());
      }
    }
    if (min == Long.MAX_VALUE) {
      return "unknown";
    }
    if (max >= burstFrom && min < burstTo) {
      return "burst";
    }
    if (max < shiftAt) {
      return "before";
    }
    return min >= shiftAt ? "after" : "mixed";
  }

  private static Optional<Long> lastWindowRows(List<Seen> reports) {
    if (reports.isEmpty()) {
      return Optional.empty();
    }
    return reports
        .get(reports.size() - 1)
        .report()
        .column(NODE, COLUMN)
        .flatMap(ColumnLiveDrift::lastWindow)
        .map(WindowDrift::rows);
  }

  private static String lagLines(List<MonitorSnapshot> snapshots, long t0) {
    StringBuilder out = new StringBuilder("  total lag by poll (s since the generator started):");
    for (MonitorSnapshot s : snapshots) {
      if (s.kafka().connected() && !s.lag().isEmpty()) {
        out.append(
            String.format(
                " %.0f:%d", (s.at().toEpochMilli() - t0) / 1e3, s.lag().get(0).totalLag()));
      }
    }
    return out.append('\n').toString();
  }

  private static void await(Duration atMost, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return;
      }
      Thread.sleep(200);
    }
  }

  private static List<Scored> scored(List<ConsumerRecord<String, String>> records)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Scored> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      String time = json.readTree(r.value()).path("transaction_time").asText().replace(' ', 'T');
      long event =
          time.endsWith("Z")
              ? Instant.parse(time).toEpochMilli()
              : LocalDateTime.parse(time).toInstant(ZoneOffset.UTC).toEpochMilli();
      out.add(new Scored(r.timestamp(), event));
    }
    return out;
  }

  private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
