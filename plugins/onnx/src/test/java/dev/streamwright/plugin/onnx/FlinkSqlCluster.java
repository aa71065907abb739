package dev.streamwright.plugin.onnx;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Flink MiniCluster per test class, on loopback, with its files under {@code java.io.tmpdir}
 * (target/tmp in the build); {@link #newSession()} gives a fresh streaming SQL session on it.
 */
final class FlinkSqlCluster implements BeforeAllCallback, AfterAllCallback {

  private static final String LOOPBACK = "127.0.0.1";

  private MiniCluster cluster;
  private URI rest;
  private Path tmp;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    tmp = Files.createTempDirectory("flink-onnx-");
    Configuration conf = loopback();
    conf.set(CoreOptions.TMP_DIRS, tmp.toString());
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
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

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (cluster != null) {
      cluster.closeAsync().get(30, TimeUnit.SECONDS);
    }
    if (tmp != null) {
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A streaming table environment whose jobs run on this cluster with parallelism 1. */
  StreamTableEnvironment newSession() {
    Configuration conf = loopback();
    conf.set(DeploymentOptions.TARGET, "remote");
    conf.set(RestOptions.ADDRESS, rest.getHost());
    conf.set(RestOptions.PORT, rest.getPort());
    conf.set(CoreOptions.DEFAULT_PARALLELISM, 1);
    conf.set(CoreOptions.TMP_DIRS, tmp.toString());
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
    return StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
  }

  private static Configuration loopback() {
    Configuration conf = new Configuration();
    conf.set(JobManagerOptions.ADDRESS, LOOPBACK);
    conf.set(JobManagerOptions.BIND_HOST, LOOPBACK);
    conf.set(TaskManagerOptions.HOST, LOOPBACK);
    conf.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
    conf.set(RestOptions.ADDRESS, LOOPBACK);
    conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
    conf.set(RestOptions.PORT, 0);
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, false);
    return conf;
  }
}
