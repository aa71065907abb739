package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.NewDeployment;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceDeployments;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.runtime.api.ClusterJob;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The lifecycle commands on the real dev cluster and the sandbox broker, run in-process as the
 * launcher runs them, one step after the other: deploy the quickstart (its preview printing) and
 * the fraud sample, list them RUNNING, stop with a savepoint, resume (the cluster confirms the
 * path), upgrade with a changed filter (a running count per key goes on), an upgrade that removes
 * the aggregate (refused, then accepted with --allow-state-loss), rollback (the counts go on from
 * the upgrade's savepoint), and an interrupted deploy adopted, not made twice.
 */
@ExtendWith(DevClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<String> KEYS = List.of("a", "b", "c");
  private static final Pattern DEPLOYMENT = Pattern.compile("(?m)^deployment (\\S+)$");
  private static final Pattern JOB = Pattern.compile("(?m)^job (\\S+)$");
  private static final Pattern SAVEPOINT = Pattern.compile("(?m)^savepoint (\\S+)$");

  private static Path data;
  private static Path files;
  private static DevCluster cluster;
  private static String counting;
  private static int sent; // events per key sent to 'clicks' so far
  private static final List<String> running = new ArrayList<>();

  /** What one command printed and returned. */
  record Result(int code, String out, String err) {
    String group(Pattern p) {
      Matcher m = p.matcher(out);
      assertThat(m.find()).as("%s in%n%s%n%s", p, out, err).isTrue();
      return m.group(1);
    }
  }

  @BeforeAll
  static void environment(DevCluster devCluster) throws Exception {
    cluster = devCluster;
    data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "lifecycle-it-");
    files = Files.createDirectories(data.resolve("pipelines"));
    KafkaBroker broker = KAFKA.broker();
    Map<String, Integer> topics = new TreeMap<>();
    for (String t :
        List.of(
            "transactions",
            "fraud-alerts",
            "fraud-rule-alerts",
            "transactions-dlq",
            "scored-transactions",
            "clicks",
            "counts",
            "passed")) {
      topics.put(t, 1);
    }
    broker.createTopics(topics);
    try (Workspace w = Workspace.open(data.resolve("workspace"), OpenMode.READ_WRITE)) {
      WorkspaceEnvironments.of(w)
          .add(
              RemoteEnvironment.builder("dev-cluster")
                  .gatewayUrl(cluster.gatewayUrl().toString())
                  .restUrl(cluster.restUrl().toString())
                  .kafkaBootstrapServers(broker.bootstrapServers())
                  .parallelism(1)
                  .savepointDir(cluster.folder().savepoints().toUri().toString())
                  .build());
    }
    PipelineCodec codec = new PipelineCodec();
    Files.writeString(files.resolve("v1.json"), codec.write(counting("amount >= 0")));
    Files.writeString(files.resolve("v2.json"), codec.write(counting("amount >= -1")));
    Files.writeString(files.resolve("v3.json"), codec.write(withoutAggregate()));
  }

  @AfterAll
  static void stopWhatRuns() {
    for (String id : running) {
      cli("stop", id);
    }
  }

  @Test
  @Order(1)
  void theQuickstartAndTheFraudSampleDeployAndRun() throws Exception {
    Result quickstart = cli("deploy", CliHarness.QUICKSTART.toString(), "--env", "dev-cluster");
    assertThat(quickstart.code()).as(quickstart.err()).isZero();
    assertThat(quickstart.group(JOB)).matches("[0-9a-f]{32}");
    assertThat(quickstart.err())
        .contains("Preview 'preview' runs as a print sink on the cluster")
        .contains("TaskManagers' stdout log");
    String q = quickstart.group(DEPLOYMENT);
    running.add(q);

    Result fraud =
        cli("deploy", "../samples/fraud-detection/pipeline.json", "--env", "dev-cluster");
    assertThat(fraud.code()).as(fraud.err()).isZero();
    String f = fraud.group(DEPLOYMENT);
    running.add(f);

    Result list = cli("deployments");
    System.out.println(list.out());
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("DEPLOYMENT", "UPTIME", "LAST CHECKPOINT", "SAVEPOINTS");
    JsonNode json = deployments();
    assertThat(state(json, q)).isEqualTo("RUNNING");
    assertThat(state(json, f)).isEqualTo("RUNNING");
    assertThat(find(json, q).path("jobId").asText()).isEqualTo(quickstart.group(JOB));
    assertThat(find(json, f).path("pipeline").asText()).isEqualTo("fraud-detection");

    // One snapshot of the fraud deployment's live figures, as JSON and as a screen.
    Result once = cli("monitor", f, "--once", "--format", "json", "--models", "../samples/models");
    assertThat(once.code()).as(once.err()).isZero();
    JsonNode snapshot = new com.fasterxml.jackson.databind.ObjectMapper().readTree(once.out());
    assertThat(snapshot.path("deployment").asText()).isEqualTo(f);
    assertThat(snapshot.path("flink").path("state").asText()).isEqualTo("CONNECTED");
    assertThat(snapshot.path("job").path("state").asText()).isEqualTo("RUNNING");
    assertThat(snapshot.path("nodes").has("transactions")).as(once.out()).isTrue();
    assertThat(snapshot.path("lag").get(0).path("node").asText()).isEqualTo("transactions");
    // Its cost, priced as the dev cluster is by default: the local machine's estimate.
    JsonNode cost = snapshot.path("cost");
    assertThat(cost.path("prices").path("name").asText())
        .as(once.out())
        .startsWith("Local machine");
    assertThat(cost.path("prices").path("estimate").asBoolean()).isTrue();
    assertThat(cost.path("requestedCores").asDouble()).isGreaterThanOrEqualTo(1.5);
    assertThat(cost.path("projectedMonthly").asDouble()).isPositive();
    assertThat(cost.path("nodes").has("transactions")).isTrue();
    Result screen = cli("monitor", f.substring(0, 6), "--once", "--models", "../samples/models");
    assertThat(screen.code()).as(screen.err()).isZero();
    assertThat(screen.out()).contains("deployment " + f, "Flink: connected", "NODE", "LAG group");
    assertThat(screen.out()).contains("COST  priced with Local machine", "projected monthly USD");
    assertThat(cli("monitor", "no-such-deployment", "--once").code()).isEqualTo(2);
    // What everything running costs, added up by team: the samples carry no team tag.
    Result costs =
        cli("cost", "--sample", "2s", "--models", "../samples/models", "--format", "json");
    assertThat(costs.code()).as(costs.err()).isZero();
    JsonNode costJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(costs.out());
    List<String> costed = new ArrayList<>();
    costJson.path("deployments").forEach(d -> costed.add(d.path("deployment").asText()));
    assertThat(costed).as(costs.out() + costs.err()).contains(q, f);
    JsonNode team = costJson.path("showback").path("team").get(0);
    assertThat(team.path("value").asText()).isEqualTo("untagged");
    assertThat(team.path("deployments").toString()).contains(q, f);
    assertThat(team.path("projectedMonthly").asDouble()).isPositive();
    Result costTable =
        cli("cost", "--sample", "1s", "--models", "../samples/models", "--by", "team");
    assertThat(costTable.out()).contains("PROJECTED MONTHLY", "SHOWBACK by team", "untagged");
    assertThat(cli("cost", "--by", "owner").err()).contains("not a showback key");
    Result noModels = cli("monitor", f, "--once");
    assertThat(noModels.code()).isEqualTo(3);
    assertThat(noModels.err()).contains("--models DIR").doesNotContain("\tat ");

    // A model pipeline resumes with its models: the record keeps the pipeline, not where they were.
    Result stopped = cli("stop", f, "--savepoint");
    assertThat(stopped.code()).as(stopped.err()).isZero();
    Result withoutModels = cli("resume", f);
    assertThat(withoutModels.code()).as(withoutModels.err()).isEqualTo(1);
    assertThat(withoutModels.err()).contains("fraud_score", "--models DIR").doesNotContain("\tat ");
    assertThat(state(deployments(), f)).isEqualTo("STOPPED");
    Result resumed = cli("resume", f, "--models", "../samples/models");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("restored from " + stopped.group(SAVEPOINT));

    // Plain stops free the slots; a prefix of the id is enough.
    assertThat(cli("stop", q.substring(0, 5)).code()).isZero();
    assertThat(cli("stop", f).code()).isZero();
    running.removeAll(List.of(q, f));
    JsonNode after = deployments();
    assertThat(state(after, q)).isEqualTo("STOPPED");
    assertThat(cli("deploy", CliHarness.QUICKSTART.toString(), "--env", "embedded").err())
        .contains("use 'streamwright run PIPELINE.json'");
  }

  @Test
  @Order(2)
  void stopWithSavepointThenResumeContinuesTheCounts() throws Exception {
    produce(10);
    Result deployed = cli("deploy", files.resolve("v1.json").toString(), "--env", "dev-cluster");
    assertThat(deployed.code()).as(deployed.err()).isZero();
    counting = deployed.group(DEPLOYMENT);
    running.add(counting);
    awaitCounts(0, sent);

    Result stopped = cli("stop", counting, "--savepoint");
    assertThat(stopped.code()).as(stopped.err()).isZero();
    String savepoint = stopped.group(SAVEPOINT);
    assertThat(Path.of(URI.create(savepoint)).resolve("_metadata")).isNotEmptyFile();
    assertThat(state(deployments(), counting)).isEqualTo("STOPPED");
    assertThat(liveJobs(counting)).isEmpty();

    int before = sent;
    long mark = endOffset("counts");
    produce(10);
    Result resumed = cli("resume", counting);
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("restored from " + savepoint);
    assertCountsContinue(mark, before);
  }

  @Test
  @Order(3)
  void anUpgradeWithAChangedFilterKeepsTheCounts() throws Exception {
    int before = sent;
    long mark = endOffset("counts");
    Result upgraded = cli("upgrade", counting, files.resolve("v2.json").toString());
    assertThat(upgraded.code()).as(upgraded.err()).isZero();
    produce(5); // read by the new version only
    assertThat(upgraded.err()).contains("keeps its state").contains("version 2");
    assertCountsContinue(mark, before);
    JsonNode d = find(deployments(), counting);
    assertThat(d.path("version").asInt()).isEqualTo(2);
    assertThat(d.path("savepoints")).hasSize(2);
  }

  @Test
  @Order(4)
  void anUpgradeThatRemovesTheAggregateIsRefusedUnlessTheLossIsAllowed() throws Exception {
    Result refused = cli("upgrade", counting, files.resolve("v3.json").toString());
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err())
        .contains("node 'count_per_key'")
        .contains("is removed")
        .contains("Nothing was stopped")
        .contains("--allow-state-loss");
    assertThat(state(deployments(), counting)).isEqualTo("RUNNING");
    assertThat(liveJobs(counting)).hasSize(1);

    long mark = endOffset("passed");
    Result accepted =
        cli("upgrade", counting, files.resolve("v3.json").toString(), "--allow-state-loss");
    assertThat(accepted.code()).as(accepted.err()).isZero();
    produce(5);
    // Only the new events pass: the source kept its offsets from the savepoint.
    assertThat(awaitRecords("passed", mark, KEYS.size() * 5)).hasSize(KEYS.size() * 5);
  }

  @Test
  @Order(5)
  void rollbackReturnsToTheCountingVersionFromTheUpgradesSavepoint() throws Exception {
    // The savepoint taken at the last upgrade holds the counts before the 5 events version 3 read.
    int before = sent - 5;
    long mark = endOffset("counts");
    produce(5);
    Result back = cli("rollback", counting);
    assertThat(back.code()).as(back.err()).isZero();
    assertThat(back.err()).contains("Rolled back 'counting' (version 2)");
    assertCountsContinue(mark, before);
    assertThat(find(deployments(), counting).path("version").asInt()).isEqualTo(2);
    Result again = cli("rollback", counting);
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  @Order(6)
  void aDeployInterruptedAfterItsSubmitIsAdoptedNotDuplicated() throws Exception {
    String json = Files.readString(CliHarness.QUICKSTART);
    DeploymentRecord record;
    try (Workspace w = Workspace.open(data.resolve("workspace"), OpenMode.READ_WRITE)) {
      record =
          WorkspaceDeployments.of(w)
              .create(new NewDeployment("quickstart", "Quickstart", 0, json, "dev-cluster"));
    }
    // The process that recorded it reached the cluster, then died before recording the job.
    String jobId;
    try (PipelineRuntime runtime = RemoteRuntimeFactory.find().orElseThrow().open(target())) {
      Pipeline quickstart = new PipelineCodec().parse(json);
      jobId =
          runtime
              .deploy(
                  new PipelineCompiler(NodeTypeRegistry.load())
                      .compile(quickstart)
                      .result()
                      .orElseThrow(),
                  DeployOptions.defaults().withDeploymentId(record.id()))
              .jobId();
    }
    running.add(record.id());

    JsonNode adopted = find(deployments(), record.id());
    assertThat(adopted.path("state").asText()).isEqualTo("RUNNING");
    assertThat(adopted.path("jobId").asText()).isEqualTo(jobId);
    assertThat(liveJobs(record.id())).as("one job, never two").hasSize(1);

    Result stopped = cli("stop", record.id(), "--savepoint");
    assertThat(stopped.code()).as(stopped.err()).isZero();
    running.remove(record.id());
    assertThat(liveJobs(record.id())).isEmpty();
  }

  // ---- the command line ----

  private static Result cli(String... args) {
    AppFolders folders = new AppFolders(data, data.resolve("logs"), data.resolve("tmp"));
    CliContext context =
        new CliContext(
            folders,
            () -> {
              throw new AssertionError("lifecycle commands never use the embedded runtime");
            },
            new ExitActions());
    CommandLine cli = Cli.create(context);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    long started = System.nanoTime();
    int code = cli.execute(args);
    System.out.printf(
        "streamwright %s -> %d in %d ms%n",
        String.join(" ", args), code, (System.nanoTime() - started) / 1_000_000);
    System.out.print(err.toString().indent(2) + out.toString().indent(2));
    return new Result(code, out.toString(), err.toString());
  }

  private static JsonNode deployments() throws Exception {
    Result r = cli("deployments", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no deployment " + id + " in " + list);
  }

  private static String state(JsonNode list, String id) {
    return find(list, id).path("state").asText();
  }

  private static RemoteTarget target() {
    return new RemoteTarget(
        "dev-cluster",
        cluster.gatewayUrl(),
        cluster.restUrl(),
        KAFKA.bootstrapServers(),
        Map.of(),
        List.of(),
        1,
        cluster.folder().savepoints().toUri().toString(),
        Map.of(),
        Map.of());
  }

  private static List<ClusterJob> liveJobs(String deploymentId) throws Exception {
    try (PipelineRuntime runtime = RemoteRuntimeFactory.find().orElseThrow().open(target())) {
      return runtime.jobs().stream()
          .filter(j -> j.deploymentId().equals(deploymentId))
          .filter(j -> !j.status().phase().isTerminal())
          .toList();
    }
  }

  // ---- the counting pipelines (as in decision 0018's experiment) ----

  private static Pipeline counting(String condition) {
    return new Pipeline(
        "counting",
        "Counting",
        "",
        1,
        List.of(),
        List.of(
            source(),
            Node.of("big", "filter", Map.of("condition", condition)),
            Node.of(
                "count_per_key",
                "sql",
                Map.of(
                    "query",
                    "SELECT k, COUNT(*) AS n FROM {{in}} GROUP BY k",
                    "columns",
                    List.of(column("k", "STRING"), column("n", "BIGINT")),
                    "updating",
                    true)),
            Node.of(
                "counts",
                "upsert-kafka-sink",
                Map.of(
                    "topic",
                    "counts",
                    "keyFields",
                    List.of("k"),
                    "deliveryGuarantee",
                    "at-least-once"))),
        List.of(
            Edge.of("events", "big"),
            Edge.of("big", "count_per_key"),
            Edge.of("count_per_key", "counts")));
  }

  private static Pipeline withoutAggregate() {
    return new Pipeline(
        "counting",
        "Counting",
        "",
        3,
        List.of(),
        List.of(
            source(),
            Node.of("big", "filter", Map.of("condition", "amount >= -1")),
            Node.of(
                "passed",
                "kafka-sink",
                Map.of("topic", "passed", "deliveryGuarantee", "at-least-once"))),
        List.of(Edge.of("events", "big"), Edge.of("big", "passed")));
  }

  private static Node source() {
    return Node.of(
        "events",
        "kafka-source",
        Map.of(
            "topic",
            "clicks",
            "columns",
            List.of(column("k", "STRING"), column("amount", "INT")),
            "startupMode",
            "earliest-offset"));
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  // ---- Kafka ----

  /** Sends {@code perKey} more events for each key. */
  private static void produce(int perKey) {
    Properties p = new Properties();
    p.put("bootstrap.servers", KAFKA.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < perKey; i++) {
        for (String k : KEYS) {
          producer.send(
              new ProducerRecord<>("clicks", k, "{\"k\":\"" + k + "\",\"amount\":" + i + "}"));
        }
      }
      producer.flush();
    }
    sent += perKey;
  }

  /**
   * The counts after {@code mark} start at {@code before + 1} for each key (the state came back)
   * and reach the number of events sent.
   */
  private static void assertCountsContinue(long mark, int before) throws Exception {
    Map<String, List<Long>> after = awaitCounts(mark, sent);
    for (String k : KEYS) {
      assertThat(after.get(k).get(0))
          .as("first count of '%s' after the change continues from %s", k, before)
          .isEqualTo(before + 1L);
    }
  }

  /** Counts per key from offset {@code from} on, until every key reached {@code total}. */
  private static Map<String, List<Long>> awaitCounts(long from, int total) throws Exception {
    Map<String, List<Long>> counts = new HashMap<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    try (KafkaConsumer<String, String> consumer = consumer("counts", from)) {
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() == null) {
            continue;
          }
          JsonNode v = JSON.readTree(r.value());
          counts
              .computeIfAbsent(v.path("k").asText(), k -> new ArrayList<>())
              .add(v.path("n").asLong());
        }
        if (KEYS.stream()
            .allMatch(k -> counts.containsKey(k) && counts.get(k).contains((long) total))) {
          return counts;
        }
      }
    }
    throw new AssertionError("counts did not reach " + total + " within " + WAIT + ": " + counts);
  }

  private static List<String> awaitRecords(String topic, long from, int n) {
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    try (KafkaConsumer<String, String> consumer = consumer(topic, from)) {
      while (values.size() < n && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }

  private static KafkaConsumer<String, String> consumer(String topic, long from) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    TopicPartition tp = new TopicPartition(topic, 0);
    c.assign(List.of(tp));
    c.seek(tp, from);
    return c;
  }

  private static long endOffset(String topic) {
    try (KafkaConsumer<String, String> c = consumer(topic, 0)) {
      TopicPartition tp = new TopicPartition(topic, 0);
      return c.endOffsets(List.of(tp)).get(tp);
    }
  }
}
