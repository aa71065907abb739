package dev.streamwright.app.cli;

import dev.streamwright.app.AppFolders;
import dev.streamwright.app.ExitActions;
import dev.streamwright.runtime.api.PipelineRuntime;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands need from their surroundings, passed in so tests can run the command line
 * in-process with their own folders and runtime.
 *
 * @param folders the data, log and temp folders
 * @param runtimes makes the runtime a {@code run} deploys to (the embedded one)
 * @param exitActions where a command registers what must happen if the user presses Ctrl-C
 */
public record CliContext(
    AppFolders folders, Supplier<PipelineRuntime> runtimes, ExitActions exitActions) {

  public CliContext {
    Objects.requireNonNull(folders, "folders");
    Objects.requireNonNull(runtimes, "runtimes");
    Objects.requireNonNull(exitActions, "exitActions");
  }
}
