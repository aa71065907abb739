package dev.streamwright.runtime.embedded;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.errors.FlinkErrors;
import dev.streamwright.runtime.upgrade.RestoreFailures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.client.ClientUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a compiled pipeline into one Flink job on the embedded MiniCluster: its statements run in a
 * table environment, its inserts as one statement set, every preview as a collect sink whose rows a
 * {@link PreviewFeed} streams back, and the job is submitted straight to the cluster. A failure
 * names the node whose SQL Flink refused (or the insert whose sink it names), or says why a
 * savepoint could not be restored; the {@link EmbeddedRuntime} keeps the job that runs.
 */
final class JobSubmission {

  private static final Logger LOG = LoggerFactory.getLogger(JobSubmission.class);

  private static final Pattern SINK_TABLE =
      Pattern.compile("sink for writing table '(?:[^'.]+\\.[^'.]+\\.)?([^']+)'");

  /**
   * A submitted job and its preview feeds, not started yet.
   *
   * @param client the job's client
   * @param feeds by preview node id
   */
  record Submitted(JobClient client, Map<String, PreviewFeed> feeds) {}

  private JobSubmission() {}

  /**
   * Submits the pipeline as one job; with a savepoint to restore, waits until the job has restored
   * it.
   *
   * @param mc the running cluster
   * @param conf the job's configuration
   * @param drainWait how long a preview feed may take to stop when the submission fails
   * @throws RuntimeFailure naming the node whose SQL failed, or what is wrong with the savepoint
   */
  static Submitted submit(
      MiniCluster mc,
      Configuration conf,
      CompiledPipeline pipeline,
      DeployOptions opts,
      String jobName,
      Duration drainWait)
      throws RuntimeFailure {
    StreamExecutionEnvironment env =
        new StreamExecutionEnvironment(
            new MiniClusterSubmission(mc), conf, JobSubmission.class.getClassLoader());
    SqlStatement current = null;
    boolean submitting = false;
    try {
      StreamTableEnvironment tEnv =
          StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
      for (SqlStatement s : pipeline.statements()) {
        current = s;
        tEnv.executeSql(s.sql());
      }
      StreamStatementSet inserts = tEnv.createStatementSet();
      for (SqlStatement s : pipeline.inserts()) {
        current = s;
        inserts.addInsertSql(s.sql());
      }
      current = null;
      if (!pipeline.inserts().isEmpty()) {
        inserts.attachAsDataStream();
      }
      Map<String, PreviewFeed> feeds = new LinkedHashMap<>();
      // With exactly-once checkpoints, Flink's collect iterator releases rows only once a
      // checkpoint covers them: a live table would jump every 5 s. The iterator picks its
      // buffer from the mode when it is created, so previews are made under at-least-once
      // (rows as they come; after a restart a preview may show rows again) and the job then
      // runs with its own mode.
      CheckpointConfig checkpoints = env.getCheckpointConfig();
      CheckpointingMode jobMode = checkpoints.getCheckpointingConsistencyMode();
      checkpoints.setCheckpointingConsistencyMode(CheckpointingMode.AT_LEAST_ONCE);
      try {
        for (SqlStatement s : pipeline.previews()) {
          current = s;
          Table table = tEnv.sqlQuery(s.sql());
          List<String> columns = table.getResolvedSchema().getColumnNames();
          CloseableIterator<Row> rows = tEnv.toChangelogStream(table).collectAsync();
          List<Integer> digits =
              RowValues.fractionDigits(table.getResolvedSchema().getColumnDataTypes());
          feeds.putIfAbsent(s.nodeId(), new PreviewFeed(s.nodeId(), columns, digits, rows));
        }
      } finally {
        checkpoints.setCheckpointingConsistencyMode(jobMode);
      }
      current = null;
      submitting = true;
      JobClient client = env.executeAsync(jobName);
      if (opts.restores()) {
        awaitRestore(mc, client, feeds.values(), drainWait);
      }
      return new Submitted(client, feeds);
    } catch (Exception e) {
      SqlStatement blamed = current != null ? current : sinkNamedIn(pipeline, e).orElse(null);
      if (submitting) {
        LOG.warn("Submitting pipeline '{}' failed", pipeline.pipelineId(), e);
      } else {
        // The user's SQL was wrong: the studio shows the message; the trace is for support.
        LOG.info("Flink refused pipeline '{}'", pipeline.pipelineId(), e);
      }
      Optional<String> restore =
          opts.restores() ? RestoreFailures.describe(e, opts.restoreFrom()) : Optional.empty();
      if (restore.isPresent()) {
        throw new RuntimeFailure(restore.get(), e);
      }
      String where = blamed == null ? "" : "node '" + blamed.nodeId() + "': ";
      throw new RuntimeFailure(where + FlinkErrors.rootMessage(e), e);
    }
  }

  /**
   * Waits until a job started from a savepoint has restored it: Flink reads the savepoint while the
   * job initializes, after the submission was accepted, and a savepoint that does not fit fails the
   * job there. Throws that failure, so the deploy reports it instead of a job that fails later.
   */
  private static void awaitRestore(
      MiniCluster mc, JobClient client, Iterable<PreviewFeed> feeds, Duration drainWait)
      throws Exception {
    try {
      ClientUtils.waitUntilJobInitializationFinished(
          () -> mc.getJobStatus(client.getJobID()).get(),
          () -> mc.requestJobResult(client.getJobID()).get(),
          JobSubmission.class.getClassLoader());
    } catch (Exception e) {
      feeds.forEach(f -> f.close(drainWait));
      throw e;
    }
  }

  /**
   * The insert whose sink table an error names: sink connectors are only created when the whole
   * statement set is translated, so Flink's message is the one clue which insert it was.
   */
  private static Optional<SqlStatement> sinkNamedIn(CompiledPipeline pipeline, Throwable error) {
    for (Throwable t : FlinkErrors.chain(error)) {
      Matcher m = SINK_TABLE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        Pattern insert =
            Pattern.compile(
                "^\\s*INSERT\\s+INTO\\s+(?:[`\\w]+\\.)*`?" + Pattern.quote(m.group(1)) + "`?\\s",
                Pattern.CASE_INSENSITIVE);
        return pipeline.inserts().stream().filter(s -> insert.matcher(s.sql()).find()).findFirst();
      }
    }
    return Optional.empty();
  }
}
