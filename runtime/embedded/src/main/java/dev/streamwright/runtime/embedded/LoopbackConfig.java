package dev.streamwright.runtime.embedded;

import dev.streamwright.runtime.api.DeployOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * The Flink configuration of the embedded runtime: everything bound to loopback, every file Flink
 * writes kept inside the runtime's work directory. A desktop studio must not open ports on the
 * network or litter the user's temp folder with Flink's 20 MB RPC jars.
 */
final class LoopbackConfig {

  static final String LOOPBACK = "127.0.0.1";

  /**
   * A failing preview should say why within seconds, not restart forever (Flink's default with
   * checkpointing on is unbounded exponential back-off); two quick retries still ride out a
   * transient Kafka hiccup. Users override it through {@link DeployOptions#configuration()}.
   */
  static final int RESTART_ATTEMPTS = 2;

  static final Duration RESTART_DELAY = Duration.ofSeconds(1);

  /**
   * How stale the job metrics Flink's REST API serves may be (Flink's default is 10 s): the studio
   * shows a model node's skipped rows and errors while the job runs, and polls every 2 s. The
   * refresh is one in-process call per task manager, and only happens when someone asks.
   */
  static final Duration METRICS_REFRESH = Duration.ofMillis(500);

  private LoopbackConfig() {}

  /** The MiniCluster's configuration. */
  static Configuration cluster(WorkDirs dirs, int slots) {
    Configuration conf = new Configuration();
    conf.set(JobManagerOptions.ADDRESS, LOOPBACK);
    conf.set(JobManagerOptions.BIND_HOST, LOOPBACK);
    conf.set(TaskManagerOptions.HOST, LOOPBACK);
    conf.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
    conf.set(RestOptions.ADDRESS, LOOPBACK);
    conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
    conf.set(RestOptions.PORT, 0);
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
    conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, METRICS_REFRESH);
    // Kerberos and Hadoop delegation tokens mean nothing on a desktop; off, Flink stops warning.
    conf.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, false);
    conf.set(CoreOptions.TMP_DIRS, dirs.tmp().toString());
    conf.set(WebOptions.TMP_DIR, dirs.web().toString());
    conf.set(WebOptions.UPLOAD_DIR, dirs.web().resolve("upload").toString());
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(dirs.checkpoints()));
    conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, uri(dirs.savepoints()));
    return conf;
  }

  /** The configuration of one deployment's job, submitted by {@link MiniClusterSubmission}. */
  static Configuration job(WorkDirs dirs, DeployOptions options, String jobName) {
    Configuration conf = new Configuration();
    conf.set(DeploymentOptions.TARGET, MiniClusterSubmission.TARGET);
    conf.set(DeploymentOptions.ATTACHED, true);
    conf.set(PipelineOptions.NAME, jobName);
    conf.set(CoreOptions.TMP_DIRS, dirs.tmp().toString());
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(dirs.checkpoints()));
    conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, uri(dirs.savepoints()));
    if (!options.checkpointInterval().isZero() && !options.checkpointInterval().isNegative()) {
      conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.checkpointInterval());
    }
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, RESTART_ATTEMPTS);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
    if (options.parallelism() > 0) {
      conf.set(CoreOptions.DEFAULT_PARALLELISM, options.parallelism());
    }
    if (options.restores()) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, options.restoreFrom());
    }
    conf.addAll(Configuration.fromMap(options.configuration()));
    return conf;
  }

  private static String uri(Path dir) {
    return dir.toUri().toString();
  }
}
