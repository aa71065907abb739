package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quickstart sample on the real dev cluster through its SQL Gateway, unchanged: its preview
 * runs as a print sink whose rows reach the TaskManager's stdout; followed over the REST API
 * (status, details, the cluster's jobs with their deployment ids, attach by job id) and cancelled.
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
  void theQuickstartRunsUnchangedOnTheClusterItsPreviewPrinting(DevCluster cluster)
      throws Exception {
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, ""))) {
      CompiledPipeline asIs = Clusters.compile(Clusters.quickstart(), Map.of());
      assertThat(asIs.inserts()).as("the quickstart's only sink is its preview").isEmpty();
      Path stdout = cluster.folder().logs().resolve("taskmanager.out");
      long printedBefore = previewLines(stdout);

      long started = System.nanoTime();
      Deployment d = runtime.deploy(asIs, DeployOptions.defaults());
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
      assertThat(runtime.describe()).contains("previews print to the TaskManagers' stdout log");
      // The preview runs as a print sink named after its node: its window rows reach stdout.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (previewLines(stdout) <= printedBefore && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(previewLines(stdout))
          .as("rows printed as 'preview> ...' in %s", stdout)
          .isGreaterThan(printedBefore);

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

  /** The lines the print sink of node 'preview' wrote to the TaskManager's stdout. */
  private static long previewLines(Path stdout) throws IOException {
    if (!Files.exists(stdout)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(stdout)) {
      return lines.filter(l -> l.startsWith("preview>")).count();
    }
  }
}
