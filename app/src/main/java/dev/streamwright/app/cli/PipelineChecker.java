package dev.streamwright.app.cli;

import dev.streamwright.app.AppFolders;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.DataFolder;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a pipeline file and checks it in the two layers every command shares: the structural
 * compile (node types, properties, edges, cycles, schemas), then, only when that found no error,
 * Flink's planner on the generated SQL.
 */
final class PipelineChecker {

  /** The planner layer, separate so the structural layer can run without starting Flink. */
  @FunctionalInterface
  interface PlanCheck {
    /** The problems Flink's planner finds in the compiled SQL, mapped to nodes. */
    List<Problem> validate(Pipeline pipeline, CompiledPipeline compiled);
  }

  private static final Logger LOG = LoggerFactory.getLogger(PipelineChecker.class);

  /** The folder inside Streamwright's data folder that {@code ${data}} stands for. */
  static final String DATA_FOLDER = "data";

  private final PipelineCodec codec = new PipelineCodec();
  private final PipelineCompiler compiler;
  private final PlanCheck planner;

  /** A checker with the node types on the class path and Flink's planner. */
  PipelineChecker() {
    this(new PipelineCompiler(NodeTypeRegistry.load()), PlannerCheck.create());
  }

  PipelineChecker(PipelineCompiler compiler, PlanCheck planner) {
    this.compiler = compiler;
    this.planner = planner;
  }

  /**
   * The environment a pipeline file compiles in: the model folder near it ({@link
   * ModelRegistry#near}), which relative model paths start at, and {@code data} in Streamwright's
   * data folder, where file sinks write {@code ${data}/...}.
   */
  static Map<String, String> environment(Path file) {
    Map<String, String> env = new TreeMap<>();
    ModelRegistry.near(file)
        .ifPresent(dir -> env.put(ModelRegistry.ENVIRONMENT_KEY, dir.toString()));
    env.put(DataFolder.ENVIRONMENT_KEY, dataFolder().toString());
    return env;
  }

  /** What {@code ${data}} stands for on the command line: {@code <data folder>/data}. */
  static Path dataFolder() {
    return AppFolders.detect().data().resolve(DATA_FOLDER);
  }

  /** Reads and compiles the file; fast, and never starts Flink. */
  PipelineCheck structural(Path file) {
    return structural(file, Map.of());
  }

  /**
   * Reads and compiles the file with more environment settings than the file's own (e.g. a bounded
   * read of every Kafka source).
   */
  PipelineCheck structural(Path file, Map<String, String> settings) {
    Pipeline pipeline;
    try {
      pipeline = codec.read(file);
    } catch (PipelineFileException e) {
      LOG.info("Cannot read pipeline file {}: {}", file, e.getMessage());
      return PipelineCheck.unreadable(file, e);
    }
    long started = System.nanoTime();
    Map<String, String> environment = new HashMap<>(environment(file));
    environment.putAll(settings);
    Compilation compilation = compiler.compile(pipeline, environment);
    LOG.info(
        "Compiled pipeline '{}' from {} in {} ms: {} problems",
        pipeline.id(),
        file,
        (System.nanoTime() - started) / 1_000_000,
        compilation.problems().size());
    return new PipelineCheck(
        file, null, pipeline, compilation.problems(), compilation.result().orElse(null));
  }

  /** Reads and compiles the file and, when it compiled, validates the SQL with Flink's planner. */
  PipelineCheck full(Path file) {
    return full(file, Map.of());
  }

  /** {@link #full(Path)} with more environment settings ({@link #structural(Path, Map)}). */
  PipelineCheck full(Path file, Map<String, String> settings) {
    PipelineCheck structural = structural(file, settings);
    if (!structural.isValid()) {
      return structural;
    }
    Pipeline pipeline = structural.pipeline();
    long started = System.nanoTime();
    List<Problem> planned = planner.validate(pipeline, structural.compiled());
    LOG.info(
        "Planner validated pipeline '{}' in {} ms: {} problems",
        pipeline.id(),
        (System.nanoTime() - started) / 1_000_000,
        planned.size());
    List<Problem> all = new ArrayList<>(structural.problems());
    all.addAll(planned);
    boolean errors = planned.stream().anyMatch(Problem::isError);
    return new PipelineCheck(file, null, pipeline, all, errors ? null : structural.compiled());
  }
}
