package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.api.ClusterJob;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentDetails;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quickstart sample on the real dev cluster through its SQL Gateway: refused as it is (only a
 * preview), deployed with a print sink, followed over the REST API (status, details, the cluster's
 * jobs with their deployment ids, attach by job id) and cancelled.
 */
@ExtendWith(DevClusterExtension.class)
class GatewayRuntimeIT {

  @Test
  void theFactoryIsFoundAndChecksTheDevCluster(DevCluster cluster) {
    RemoteRuntimeFactory factory = RemoteRuntimeFactory.find().orElseThrow();

    EnvironmentCheck check = factory.check(Clusters.target(cluster, ""));

    assertThat(check.items())
        .extracting(EnvironmentCheck.Item::what)
        .contains("SQL Gateway", "Flink REST API", "Flink version");
    assertThat(check.ok()).as(check.toString()).isTrue();
    assertThat(check.items().get(0).detail()).contains(cluster.gatewayUrl().toString());
  }

  @Test
  void theQuickstartRunsOnTheClusterWithAPrintSink(DevCluster cluster) throws Exception {
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, ""))) {
      CompiledPipeline asIs = Clusters.compile(Clusters.quickstart(), Map.of());
      int liveBefore = Clusters.live(runtime).size();
      assertThatThrownBy(() -> runtime.deploy(asIs, DeployOptions.defaults()))
          .hasMessageContaining("previews run only on the embedded runtime")
          .hasMessageContaining("'quickstart'");
      assertThat(Clusters.live(runtime)).hasSize(liveBefore);

      CompiledPipeline printing = Clusters.compile(Clusters.quickstartWithPrintSink(), Map.of());
      long started = System.nanoTime();
      Deployment d = runtime.deploy(printing, DeployOptions.defaults());
      // Figures for docs/decisions/0017-gateway-clients.md.
      System.out.printf(
          "gateway runtime: deploy to RUNNING %d ms%n", (System.nanoTime() - started) / 1_000_000);

      assertThat(runtime.status(d).phase()).isEqualTo(Phase.RUNNING);
      DeploymentDetails details = runtime.details(d);
      assertThat(details.jobId()).isEqualTo(d.jobId());
      assertThat(details.jobName()).startsWith("streamwright-quickstart").contains(d.id());
      assertThat(details.status().phase()).isEqualTo(Phase.RUNNING);
      assertThat(details.restoredFrom()).isEmpty();
      assertThat(runtime.results(d, "preview").isEnded()).isTrue();
      assertThat(runtime.describe()).contains("previews run on the embedded runtime only");

      // Reconciling: the cluster itself says which deployment and pipeline the job runs.
      ClusterJob job =
          runtime.jobs().stream()
              .filter(j -> j.jobId().equals(d.jobId()))
              .findFirst()
              .orElseThrow();
      assertThat(job.deploymentId()).isEqualTo(d.id());
      assertThat(job.pipelineId()).isEqualTo("quickstart");
      assertThat(job.pipelineVersion()).isEqualTo(d.pipelineVersion());
      try (PipelineRuntime again =
          RemoteRuntimeFactory.find().orElseThrow().open(runtime.target())) {
        Deployment attached = again.attach(d.jobId());
        assertThat(attached.id()).isEqualTo(d.id());
        assertThat(attached.pipelineId()).isEqualTo("quickstart");
        assertThat(again.status(attached).phase()).isEqualTo(Phase.RUNNING);
      }

      assertThat(runtime.stop(d, false)).isEmpty();
      assertThat(runtime.awaitTermination(d, Duration.ofSeconds(30)).phase())
          .isEqualTo(Phase.STOPPED);
      assertThat(Clusters.live(runtime, d.id())).isEmpty();
      assertThat(runtime.stop(d, false)).isEqualTo(Optional.empty());
    }
  }
}
