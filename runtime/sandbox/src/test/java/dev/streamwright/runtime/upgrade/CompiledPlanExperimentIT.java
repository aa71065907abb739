package dev.streamwright.runtime.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.errors.FlinkErrors;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.api.CompiledPlan;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.PlanReference;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment behind decision 0018: which upgrades of a running SQL pipeline keep its state, as
 * plain SQL and as Flink's compiled plans ({@code COMPILE PLAN} / {@code EXECUTE PLAN}).
 *
 * <p>Each scenario runs v1 (events from Kafka, filter {@code amount > 10}, a running count per key
 * into upsert-kafka) over a first batch, stops it with a savepoint, adds a second batch and starts
 * v2 from the savepoint. The final counts tell what v2 restored: the aggregate's counts and the
 * source's offsets (KEPT), the offsets only (COUNTS LOST: v2 counts the second batch from 0), or
 * nothing (ALL LOST: v2 re-reads the topic from its start); or Flink refused the restore (FAILED).
 * The outcomes are asserted, so a Flink upgrade that changes them fails here and the decision is
 * revisited.
 */
class CompiledPlanExperimentIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @TempDir static Path work;

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int BATCH = 40;
  private static final IntPredicate V1_FILTER = a -> a > 10;

  private static MiniCluster cluster;

  /** The JSON of the plan compiled last, for {@link Mode#SAME_PLAN}. */
  private static String lastPlan;

  private static URI rest;
  private static final List<String> TABLE = new ArrayList<>();

  /** How a pipeline version is submitted. */
  enum Mode {
    /** Setup statements and the statement set, as the embedded runtime runs them. */
    SQL,
    /** The same with {@code table.exec.uid.generation = ALWAYS}. */
    SQL_WITH_UIDS,
    /**
     * The same with {@code table.exec.uid.generation = ALWAYS} and {@code table.exec.uid.format =
     * <transformation>}: uids without the exec node's number.
     */
    SQL_WITH_NAMED_UIDS,
    /** {@code StatementSet.compilePlan()}, its JSON loaded and executed. */
    PLAN,
    /** The JSON plan v1 ran from, executed again (Flink's own use: a new Flink, the same plan). */
    SAME_PLAN
  }

  /** What a restore gave. */
  enum Outcome {
    KEPT,
    COUNTS_LOST,
    ALL_LOST,
    FAILED,
    OTHER
  }

  @BeforeAll
  static void startCluster() throws Exception {
    Configuration conf = new Configuration();
    conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    conf.set(TaskManagerOptions.HOST, "127.0.0.1");
    conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(CoreOptions.TMP_DIRS, work.resolve("tmp").toString());
    cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .build());
    cluster.start();
    rest = cluster.getRestAddress().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    System.out.println("| scenario | v1 | v2 | outcome | counts after the second batch |");
    TABLE.forEach(System.out::println);
  }

  @Test
  void changedFilterAsPlainSqlKeepsTheCounts() throws Exception {
    assertThat(run("filter-sql", Mode.SQL, Mode.SQL, V2.CHANGED_FILTER)).isEqualTo(Outcome.KEPT);
  }

  @Test
  void changedFilterAsFreshlyCompiledPlansIsRefused() throws Exception {
    assertThat(run("filter-plan", Mode.PLAN, Mode.PLAN, V2.CHANGED_FILTER))
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void unchangedPipelineRecompiledIsRefused() throws Exception {
    assertThat(run("same-plan-fresh", Mode.PLAN, Mode.PLAN, V2.UNCHANGED))
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void unchangedPlanExecutedAgainKeepsTheCounts() throws Exception {
    assertThat(run("same-plan-json", Mode.PLAN, Mode.SAME_PLAN, V2.UNCHANGED))
        .isEqualTo(Outcome.KEPT);
  }

  @Test
  void changedFilterWithUidsAlwaysIsRefused() throws Exception {
    assertThat(run("filter-uids", Mode.SQL_WITH_UIDS, Mode.SQL_WITH_UIDS, V2.CHANGED_FILTER))
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void switchingFromPlainSqlToCompiledPlansIsRefused() throws Exception {
    assertThat(run("switch-sql-plan", Mode.SQL, Mode.PLAN, V2.CHANGED_FILTER))
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void removedFilterAsPlainSql() throws Exception {
    assertThat(run("nofilter-sql", Mode.SQL, Mode.SQL, V2.NO_FILTER)).isEqualTo(Outcome.KEPT);
  }

  @Test
  void removedFilterAsCompiledPlans() throws Exception {
    assertThat(run("nofilter-plan", Mode.PLAN, Mode.PLAN, V2.NO_FILTER)).isEqualTo(Outcome.FAILED);
  }

  @Test
  void removedAggregateAsPlainSql() throws Exception {
    assertThat(run("noagg-sql", Mode.SQL, Mode.SQL, V2.NO_AGGREGATE)).isEqualTo(Outcome.FAILED);
  }

  @Test
  void removedAggregateAsCompiledPlans() throws Exception {
    assertThat(run("noagg-plan", Mode.PLAN, Mode.PLAN, V2.NO_AGGREGATE)).isEqualTo(Outcome.FAILED);
  }

  @Test
  void addedBranchAsPlainSql() throws Exception {
    assertThat(run("branch-sql", Mode.SQL, Mode.SQL, V2.ADDED_BRANCH)).isEqualTo(Outcome.FAILED);
  }

  @Test
  void changedAggregateAsPlainSql() throws Exception {
    assertThat(run("sum-sql", Mode.SQL, Mode.SQL, V2.CHANGED_AGGREGATE)).isEqualTo(Outcome.FAILED);
  }

  @Test
  void changedFilterWithUidsNamedByTransformationOnly() throws Exception {
    assertThat(
            run(
                "filter-uid-names",
                Mode.SQL_WITH_NAMED_UIDS,
                Mode.SQL_WITH_NAMED_UIDS,
                V2.CHANGED_FILTER))
        .isEqualTo(Outcome.KEPT);
  }

  /** The v2 variants. */
  enum V2 {
    UNCHANGED,
    CHANGED_FILTER,
    NO_FILTER,
    NO_AGGREGATE,
    /** Every event also copied to another topic: a new branch out of the source. */
    ADDED_BRANCH,
    /** The aggregate also sums the amounts. */
    CHANGED_AGGREGATE
  }

  private Outcome run(String name, Mode v1Mode, Mode v2Mode, V2 variant) throws Exception {
    KafkaBroker broker = KAFKA.broker();
    String input = name + "-in";
    String output = name + "-out";
    String output2 = name + "-out2";
    broker.createTopics(Map.of(input, 1, output, 1, output2, 1));
    Events.produce(broker, input, 0, BATCH, false);

    CompiledPipeline v1 =
        CountingPipelines.compile(
            CountingPipelines.counting(input, "amount > 10", output), broker.bootstrapServers());
    String savepoint;
    try (Events.Output out = new Events.Output(broker, output)) {
      JobClient job = submit(v1, v1Mode, null);
      Map<String, Long> first = Events.counts(0, BATCH, V1_FILTER);
      assertThat(out.awaitUntil(o -> o.counts().equals(first), WAIT))
          .as("v1 counted the first batch: %s", out.counts())
          .isTrue();
      savepoint =
          job.stopWithSavepoint(
                  false,
                  work.resolve("savepoints").toUri().toString(),
                  SavepointFormatType.CANONICAL)
              .get(60, TimeUnit.SECONDS);
    }
    Events.produce(broker, input, BATCH, 2 * BATCH, true);

    IntPredicate v2Filter =
        switch (variant) {
          case UNCHANGED -> V1_FILTER;
          case CHANGED_FILTER -> a -> a > 5;
          case NO_FILTER -> a -> true;
          case NO_AGGREGATE -> a -> a > 10;
          case ADDED_BRANCH, CHANGED_AGGREGATE -> V1_FILTER;
        };
    Pipeline v2 =
        switch (variant) {
          case UNCHANGED -> CountingPipelines.counting(input, "amount > 10", output);
          case CHANGED_FILTER -> CountingPipelines.counting(input, "amount > 5", output);
          case NO_FILTER -> CountingPipelines.counting(input, null, output);
          case NO_AGGREGATE -> CountingPipelines.withoutAggregate(input, "amount > 10", output2);
          case ADDED_BRANCH -> CountingPipelines.withCopy(input, "amount > 10", output, output2);
          case CHANGED_AGGREGATE -> CountingPipelines.counting(input, "amount > 10", output, true);
        };
    String target = variant == V2.NO_AGGREGATE ? output2 : output;
    Outcome outcome;
    String detail;
    try (Events.Output out = new Events.Output(broker, target)) {
      JobClient job;
      try {
        job = submit(CountingPipelines.compile(v2, broker.bootstrapServers()), v2Mode, savepoint);
      } catch (Exception e) {
        outcome = Outcome.FAILED;
        detail = "refused at submission: " + shorten(FlinkErrors.rootMessage(e));
        TABLE.add(row(name, v1Mode, v2Mode, variant, outcome, detail));
        return outcome;
      }
      boolean ended = out.awaitUntil(o -> o.has(Events.END) || failed(job), WAIT);
      if (failed(job)) {
        outcome = Outcome.FAILED;
        detail = failure(job);
      } else if (!ended) {
        outcome = Outcome.OTHER;
        detail = "no end marker within " + WAIT.toSeconds() + " s: " + out.counts();
      } else if (variant == V2.NO_AGGREGATE) {
        outcome = Outcome.OTHER;
        detail =
            "runs without the aggregate; its counts are dropped (" + out.values().size() + " rows)";
      } else {
        Map<String, Long> counts = out.counts();
        Map<String, Long> second = Events.counts(BATCH, 2 * BATCH, v2Filter);
        Map<String, Long> kept = Events.plus(Events.counts(0, BATCH, V1_FILTER), second);
        Map<String, Long> allLost = Events.counts(0, 2 * BATCH, v2Filter);
        outcome =
            counts.equals(kept)
                ? Outcome.KEPT
                : counts.equals(second)
                    ? Outcome.COUNTS_LOST
                    : counts.equals(allLost) ? Outcome.ALL_LOST : Outcome.OTHER;
        detail = counts + " (kept would be " + kept + ")";
      }
      if (!job.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState()) {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
    }
    TABLE.add(row(name, v1Mode, v2Mode, variant, outcome, detail));
    return outcome;
  }

  private static String row(
      String name, Mode v1Mode, Mode v2Mode, V2 variant, Outcome outcome, String detail) {
    return String.join(
        " | ",
        "| " + name,
        v1Mode.name(),
        v2Mode + " " + variant,
        outcome.name(),
        detail.replace('|', '/').replace('\n', ' ') + " |");
  }

  private static String shorten(String m) {
    return m.length() > 400 ? m.substring(0, 400) + "..." : m;
  }

  private static boolean failed(JobClient job) {
    try {
      return job.getJobStatus().get(30, TimeUnit.SECONDS) == JobStatus.FAILED;
    } catch (Exception e) {
      return false;
    }
  }

  private static String failure(JobClient job) {
    try {
      job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
      return "no failure";
    } catch (Exception e) {
      return "failed while running: " + shorten(FlinkErrors.rootMessage(e));
    }
  }

  private static JobClient submit(CompiledPipeline pipeline, Mode mode, String restoreFrom)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(DeploymentOptions.TARGET, "remote");
    conf.set(RestOptions.ADDRESS, rest.getHost());
    conf.set(RestOptions.PORT, rest.getPort());
    conf.set(CoreOptions.DEFAULT_PARALLELISM, 1);
    conf.set(PipelineOptions.NAME, "experiment");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    if (restoreFrom != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
    }
    if (mode == Mode.SQL_WITH_UIDS || mode == Mode.SQL_WITH_NAMED_UIDS) {
      conf.setString("table.exec.uid.generation", "ALWAYS");
    }
    if (mode == Mode.SQL_WITH_NAMED_UIDS) {
      conf.setString("table.exec.uid.format", "<transformation>");
    }
    TableEnvironment tEnv =
        TableEnvironment.create(
            EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(conf).build());
    for (SqlStatement s : pipeline.statements()) {
      tEnv.executeSql(s.sql());
    }
    StatementSet set = tEnv.createStatementSet();
    pipeline.inserts().forEach(s -> set.addInsertSql(s.sql()));
    TableResult result;
    if (mode == Mode.SAME_PLAN) {
      System.out.println("executing again: " + ExecNodes.summary(lastPlan));
      result = tEnv.loadPlan(PlanReference.fromJsonString(lastPlan)).execute();
    } else if (mode == Mode.PLAN) {
      CompiledPlan plan = set.compilePlan();
      String json = plan.asJsonString();
      lastPlan = json;
      System.out.println(
          "plan of "
              + pipeline.pipelineId()
              + " v"
              + pipeline.version()
              + ": "
              + ExecNodes.summary(json));
      result = tEnv.loadPlan(PlanReference.fromJsonString(json)).execute();
    } else {
      result = set.execute();
    }
    return result.getJobClient().orElseThrow();
  }
}
