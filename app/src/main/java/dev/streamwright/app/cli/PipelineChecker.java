package dev.streamwright.app.cli;

import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.run.RunCheck;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.DataFolder;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a pipeline file and checks it in the two layers every command shares: the structural
 * compile (node types, properties, edges, cycles, schemas), then, only when that found no error,
 * Flink's planner on the generated SQL (the run owner's {@link RunCheck}, as before every run).
 */
final class PipelineChecker {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineChecker.class);

  /** The folder inside Streamwright's data folder that {@code ${data}} stands for. */
  static final String DATA_FOLDER = "data";

  private final PipelineCompiler compiler;
  private final RunCheck check;

  /** A checker with the node types on the class path and Flink's planner. */
  PipelineChecker() {
    NodeTypeRegistry registry = NodeTypeRegistry.load();
    this.compiler = new PipelineCompiler(registry);
    this.check = RunCheck.create(registry);
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

  /**
   * Reads the file: the result holds its pipeline (nothing checked yet, so not valid), or why it is
   * not one.
   */
  static PipelineCheck read(Path file) {
    try {
      return new PipelineCheck(file, null, new PipelineCodec().read(file), List.of(), null);
    } catch (PipelineFileException e) {
      LOG.info("Cannot read pipeline file {}: {}", file, e.getMessage());
      return PipelineCheck.unreadable(file, e);
    }
  }

  /** Reads and compiles the file; fast, and never starts Flink. */
  PipelineCheck structural(Path file) {
    PipelineCheck read = read(file);
    if (read.fileError() != null) {
      return read;
    }
    Pipeline pipeline = read.pipeline();
    long started = System.nanoTime();
    Compilation compilation = compiler.compile(pipeline, environment(file));
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
    PipelineCheck read = read(file);
    if (read.fileError() != null) {
      return read;
    }
    Pipeline pipeline = read.pipeline();
    long started = System.nanoTime();
    RunCheck.Result result = check.check(pipeline, environment(file));
    LOG.info(
        "Checked pipeline '{}' from {} in {} ms: {} problems",
        pipeline.id(),
        file,
        (System.nanoTime() - started) / 1_000_000,
        result.problems().size());
    return new PipelineCheck(file, null, pipeline, result.problems(), result.compiled());
  }
}
