package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.ClusterJob;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Targets on the shared dev cluster and compiled pipelines for the gateway runtime's tests. */
final class Clusters {

  private static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  private Clusters() {}

  /** The dev cluster as a target, its savepoints in its own folder. */
  static RemoteTarget target(DevCluster cluster, String kafka) {
    return target(cluster.gatewayUrl(), cluster.restUrl(), kafka, List.of(), savepoints(cluster));
  }

  static String savepoints(DevCluster cluster) {
    return cluster.folder().savepoints().toUri().toString();
  }

  static RemoteTarget target(
      URI gateway, URI rest, String kafka, List<String> jars, String savepointDir) {
    return new RemoteTarget(
        "dev-cluster", gateway, rest, kafka, Map.of(), jars, 1, savepointDir, Map.of(), Map.of());
  }

  /** The quickstart sample with its preview replaced by a print sink, which runs on a cluster. */
  static Pipeline quickstartWithPrintSink() throws Exception {
    Pipeline p = quickstart();
    Node preview = p.node("preview").orElseThrow();
    return p.withNode(new Node("preview", "print-sink", "Print", Map.of(), preview.position()));
  }

  static Pipeline quickstart() throws Exception {
    return new PipelineCodec().read(samples().resolve("quickstart/pipeline.json"));
  }

  private static Path samples() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (p.resolve("samples/quickstart/pipeline.json").toFile().isFile()) {
        return p.resolve("samples");
      }
    }
    throw new IllegalStateException("samples/ not found above " + here);
  }

  static CompiledPipeline compile(Pipeline pipeline, Map<String, String> environment) {
    Compilation c = new PipelineCompiler(TYPES).compile(pipeline, environment);
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    return c.result().orElseThrow();
  }

  /** The cluster's jobs of a deployment that have not ended. */
  static List<ClusterJob> live(GatewayRuntime runtime, String deploymentId) throws RuntimeFailure {
    return runtime.jobs().stream()
        .filter(j -> j.deploymentId().equals(deploymentId) && !j.status().phase().isTerminal())
        .toList();
  }

  /** Every job of the cluster that has not ended. */
  static List<ClusterJob> live(GatewayRuntime runtime) throws RuntimeFailure {
    return runtime.jobs().stream().filter(j -> !j.status().phase().isTerminal()).toList();
  }
}
