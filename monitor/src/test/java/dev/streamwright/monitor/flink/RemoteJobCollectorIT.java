package dev.streamwright.monitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import dev.streamwright.runtime.gateway.GatewayRuntime;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Flink collectors against a job on a real session cluster, deployed through its SQL Gateway:
 * the gateway runtime names the cluster's REST API, its previews run as print tables named after
 * their nodes, and the same collectors map and poll the job as on the embedded runtime.
 */
@ExtendWith(DevClusterExtension.class)
class RemoteJobCollectorIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  static Pipeline numbers() {
    Node numbers =
        Node.of(
            "numbers",
            "datagen",
            Map.of(
                "columns",
                List.of(Map.of("name", "n", "type", "INT", "min", 1, "max", 100)),
                "rowsPerSecond",
                20));
    Node big = Node.of("big", "filter", Map.of("condition", "n > 10"));
    Node printed = Node.of("printed", "print-sink", Map.of());
    Node peek = Node.of("peek", "preview-sink", Map.of());
    return new Pipeline(
        "remote-numbers",
        "remote-numbers",
        "",
        1,
        List.of(),
        List.of(numbers, big, printed, peek),
        List.of(Edge.of("numbers", "big"), Edge.of("big", "printed"), Edge.of("numbers", "peek")));
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aRemoteJobIsMappedAndPolledThroughTheRuntimesRestEndpoint(DevCluster cluster)
      throws Exception {
    Pipeline pipeline = numbers();
    CompiledPipeline compiled = TestJobs.compile(pipeline, "127.0.0.1:9092");
    RemoteTarget target =
        new RemoteTarget(
            "dev-cluster",
            cluster.gatewayUrl(),
            cluster.restUrl(),
            "",
            Map.of(),
            List.of(),
            1,
            cluster.folder().savepoints().toUri().toString(),
            Map.of(),
            Map.of());
    try (GatewayRuntime runtime = new GatewayRuntime(target)) {
      Deployment d =
          runtime.deploy(
              compiled, new DeployOptions("remote-numbers", 1, Duration.ofSeconds(1), Map.of()));
      FlinkRestEndpoint endpoint = runtime.flinkRest().orElseThrow();
      assertThat(endpoint.url()).isEqualTo(cluster.restUrl());
      try (FlinkRestClient client = new FlinkRestClient(endpoint, Duration.ofSeconds(5))) {
        JsonNode plan = client.get("/jobs/" + d.jobId() + "/plan");
        Files.writeString(
            Files.createDirectories(Path.of("target", "recorded")).resolve("remote-plan.json"),
            plan.toPrettyString());
        VertexMap map =
            VertexMap.of(pipeline, ConnectorTables.of(compiled), d.previewSinks(), plan);
        for (Node n : pipeline.nodes()) {
          assertThat(map.vertices(n.id())).as("vertices of node '%s'", n.id()).isNotEmpty();
        }

        JobCollector collector = new JobCollector(client);
        long deadline = System.nanoTime() + WAIT.toNanos();
        JobPoll poll = null;
        while (System.nanoTime() < deadline) {
          poll = collector.poll(d.jobId(), map, Instant.now());
          if (poll.nodes().get("numbers").recordsInPerSecond() > 0
              && poll.nodes().get("peek").recordsInPerSecond() > 0
              && poll.job().checkpoints().completed() > 0) {
            break;
          }
          Thread.sleep(500);
        }
        assertThat(poll).isNotNull();
        assertThat(poll.job().state()).isEqualTo("RUNNING");
        assertThat(poll.nodes().get("numbers").recordsInPerSecond()).isPositive();
        assertThat(poll.nodes().get("peek").recordsInPerSecond()).isPositive();
        assertThat(poll.job().checkpoints().completed()).isPositive();
      } finally {
        runtime.stop(d, false);
      }
    }
  }
}
