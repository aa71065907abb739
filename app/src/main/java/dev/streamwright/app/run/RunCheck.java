package dev.streamwright.app.run;

import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.validate.PlannerValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The checks a pipeline passes before it runs: the structural compile, then Flink's planner on the
 * generated SQL (only when the compile found no error). Slow (seconds on a cold planner): always
 * called on a background thread.
 */
public final class RunCheck {

  /**
   * What the checks found.
   *
   * @param problems every error and warning, each on its node and property where known
   * @param plannerProblems the part of {@code problems} that only Flink's planner found (the
   *     designer already shows the others)
   * @param compiled the SQL to deploy; null when there are errors
   */
  public record Result(
      List<Problem> problems,
      List<Problem> plannerProblems,
      CompiledPipeline compiled,
      Compilation compilation) {

    public Result {
      problems = List.copyOf(problems);
      plannerProblems = List.copyOf(plannerProblems);
    }

    /** Whether the pipeline may run. */
    public boolean passed() {
      return compiled != null;
    }
  }

  private final PipelineCompiler compiler;
  private final BiFunction<Pipeline, CompiledPipeline, List<Problem>> planner;

  /** The compiler for the installed node types and Flink's planner. */
  public static RunCheck create(NodeTypeRegistry registry) {
    return new RunCheck(new PipelineCompiler(registry), new PlannerValidator()::validate);
  }

  /**
   * @param planner the planner layer; tests pass one that accepts everything
   */
  public RunCheck(
      PipelineCompiler compiler, BiFunction<Pipeline, CompiledPipeline, List<Problem>> planner) {
    this.compiler = compiler;
    this.planner = planner;
  }

  /** Compiles and, when that worked, asks the planner. */
  public Result check(Pipeline pipeline) {
    return check(pipeline, Map.of());
  }

  /**
   * Compiles for an environment (e.g. the sandbox's Kafka brokers) and, when that worked, asks the
   * planner.
   */
  public Result check(Pipeline pipeline, Map<String, String> environment) {
    Compilation compilation = compiler.compile(pipeline, environment);
    CompiledPipeline compiled = compilation.result().orElse(null);
    if (compilation.hasErrors() || compiled == null) {
      return new Result(compilation.problems(), List.of(), null, compilation);
    }
    List<Problem> all = new ArrayList<>(compilation.problems());
    List<Problem> planned = planner.apply(pipeline, compiled);
    all.addAll(planned);
    boolean refused = planned.stream().anyMatch(Problem::isError);
    return new Result(all, planned, refused ? null : compiled, compilation);
  }
}
