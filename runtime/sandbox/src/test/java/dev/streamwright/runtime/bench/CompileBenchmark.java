package dev.streamwright.runtime.bench;

import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times compile plus structural validation (property checks, edges, cycles, schema propagation, SQL
 * rendering) of a generated 500-node pipeline: the first call in a fresh JVM, then the median and
 * 90th percentile of warm calls, which is what an edit in the studio pays.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl runtime/sandbox -Pbench exec:exec
 * -Dbench.class=CompileBenchmark -Dbench.args="500 50"}
 */
public final class CompileBenchmark {

  private CompileBenchmark() {}

  public static void main(String[] args) {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Pipeline pipeline = GeneratedPipelines.branches(Math.max(1, nodes / GeneratedPipelines.BRANCH));
    PipelineCompiler compiler = new PipelineCompiler(NodeTypeRegistry.load());

    long t0 = System.nanoTime();
    Compilation first = compiler.compile(pipeline);
    double cold = (System.nanoTime() - t0) / 1e6;
    if (first.hasErrors()) {
      throw new IllegalStateException("generated pipeline is invalid: " + first.problems());
    }
    for (int i = 0; i < 20; i++) {
      compiler.compile(pipeline);
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      Compilation c = compiler.compile(pipeline);
      ms.add((System.nanoTime() - t) / 1e6);
      if (c.result().isEmpty()) {
        throw new IllegalStateException("compile produced no SQL");
      }
    }
    ms.sort(null);
    System.out.printf(
        Locale.ROOT,
        "nodes=%d statements=%d first=%.1f ms warm median=%.2f ms p90=%.2f ms min=%.2f ms%n",
        pipeline.nodes().size(),
        first.compiled().allStatements().size(),
        cold,
        ms.get(ms.size() / 2),
        ms.get((int) Math.floor(ms.size() * 0.9)),
        ms.get(0));
  }
}
