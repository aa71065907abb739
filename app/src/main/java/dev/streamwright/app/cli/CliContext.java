package dev.streamwright.app.cli;

import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.run.RunCheck;
import dev.streamwright.app.run.Runner;
import dev.streamwright.app.run.RuntimeHolder;
import dev.streamwright.app.run.SandboxHolder;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands need from their surroundings, passed in so tests can run the command line
 * in-process with their own folders and runtime.
 *
 * @param folders the data, log and temp folders
 * @param runtimes makes the runtime a {@code run} deploys to (the composition root decides which)
 * @param exitActions where a command registers what must happen if the user presses Ctrl-C
 */
public record CliContext(
    AppFolders folders, Supplier<PipelineRuntime> runtimes, ExitActions exitActions) {

  public CliContext {
    Objects.requireNonNull(folders, "folders");
    Objects.requireNonNull(runtimes, "runtimes");
    Objects.requireNonNull(exitActions, "exitActions");
  }

  /**
   * The run owner of one command: its runtime made on first use, the planner checks, and a Kafka
   * sandbox started with {@code sandbox}'s settings when a run needs one.
   *
   * @param environment what the command's pipeline compiles in (e.g. its models folder)
   */
  Runner runner(Map<String, String> environment, Supplier<Sandbox.Settings> sandbox) {
    return new Runner(
        new RuntimeHolder("the runtime", runtimes),
        new SandboxHolder(sandbox),
        RunCheck.create(NodeTypeRegistry.load()),
        environment);
  }

  /** {@link #runner(Map, Supplier)} for commands that never start a Kafka sandbox. */
  Runner runner(Map<String, String> environment) {
    return runner(
        environment,
        () -> {
          throw new IllegalStateException("this command starts no Kafka sandbox");
        });
  }
}
