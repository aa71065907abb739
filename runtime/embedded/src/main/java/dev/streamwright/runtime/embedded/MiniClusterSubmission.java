package dev.streamwright.runtime.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Submits jobs straight to the runtime's MiniCluster, the way Flink's own local executor does for
 * the cluster it creates, but to the long-lived one.
 *
 * <p>Why not the {@code remote} executor at the MiniCluster's REST port: its job client opens a new
 * REST client (Netty event loop and thread pools) for every request, and a preview's collect
 * iterator makes several requests a second. Measured on a 2-core VM, one idle preview cost ~80
 * thread starts a second and ~30% of a core; with this executor, requests are method calls.
 */
final class MiniClusterSubmission implements PipelineExecutorServiceLoader {

  /** The {@code execution.target} that selects this executor. */
  static final String TARGET = "streamwright-embedded";

  private final MiniCluster cluster;

  MiniClusterSubmission(MiniCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
    return new PipelineExecutorFactory() {
      @Override
      public String getName() {
        return TARGET;
      }

      @Override
      public boolean isCompatibleWith(Configuration conf) {
        return TARGET.equals(conf.get(DeploymentOptions.TARGET));
      }

      @Override
      public PipelineExecutor getExecutor(Configuration conf) {
        return MiniClusterSubmission.this::submit;
      }
    };
  }

  @Override
  public Stream<String> getExecutorNames() {
    return Stream.of(TARGET);
  }

  private CompletableFuture<JobClient> submit(
      org.apache.flink.api.dag.Pipeline pipeline, Configuration conf, ClassLoader classLoader)
      throws Exception {
    StreamGraph graph = PipelineExecutorUtils.getStreamGraph(pipeline, conf);
    graph.setSavepointRestoreSettings(PreviewState.settle(graph));
    graph.serializeUserDefinedInstances();
    return cluster
        .submitJob(graph)
        .thenApply(
            submitted ->
                new MiniClusterJobClient(
                    submitted.getJobID(),
                    cluster,
                    classLoader,
                    MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
  }
}
