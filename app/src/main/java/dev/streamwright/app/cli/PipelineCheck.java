package dev.streamwright.app.cli;

import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What checking one pipeline file found: either the file could not be read as a pipeline, or the
 * problems of the pipeline it holds and, when there are no errors, its compiled SQL.
 *
 * @param file the file as the user named it
 * @param fileError why the file is not a pipeline, or null
 * @param pipeline the pipeline read from the file, or null when it could not be read
 * @param problems errors and warnings of the pipeline, sorted
 * @param compiled the compiled pipeline when there are no errors, else null
 */
record PipelineCheck(
    Path file,
    PipelineFileException fileError,
    Pipeline pipeline,
    List<Problem> problems,
    CompiledPipeline compiled) {

  PipelineCheck {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(null);
    problems = List.copyOf(sorted);
  }

  /** A file that could not be read as a pipeline. */
  static PipelineCheck unreadable(Path file, PipelineFileException error) {
    return new PipelineCheck(file, error, null, List.of(), null);
  }

  /** Whether the pipeline can run: the file was read and no problem is an error. */
  boolean isValid() {
    return fileError == null && compiled != null && errorCount() == 0;
  }

  /** Errors, counting an unreadable file as one. */
  long errorCount() {
    return (fileError == null ? 0 : 1) + problems.stream().filter(Problem::isError).count();
  }

  /** Warnings. */
  long warningCount() {
    return problems.stream().filter(p -> !p.isError()).count();
  }

  /** The compiled pipeline, when valid. */
  Optional<CompiledPipeline> result() {
    return isValid() ? Optional.of(compiled) : Optional.empty();
  }
}
