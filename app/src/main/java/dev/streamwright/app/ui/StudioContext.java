package dev.streamwright.app.ui;

import dev.streamwright.app.run.RunCheck;
import dev.streamwright.app.ui.dialogs.FilePicker;
import dev.streamwright.app.ui.dialogs.NativeFilePicker;
import dev.streamwright.app.ui.tasks.FxTaskExecutor;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.ui.workspace.Autosave;
import dev.streamwright.app.ui.workspace.Samples;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a studio window needs from outside, passed in so GUI tests start the real window with
 * their own folders, executor, file choosers and runtime.
 *
 * @param workspace the workspace folder to open
 * @param samples the sample pipelines a new workspace is filled from, if found
 * @param registry the node types
 * @param check the checks before a run (compiler and Flink's planner)
 * @param runtimeName what the status bar calls the runtime
 * @param runtimes makes the runtime on the first run (the composition root decides which)
 * @param sandbox where the Kafka sandbox keeps its broker's data, read when it first starts
 * @param tasks the background executor; the studio closes it when it stops
 * @param files the file choosers
 * @param autosaveDelay quiet time before an edit is saved
 */
public record StudioContext(
    Path workspace,
    Optional<Path> samples,
    NodeTypeRegistry registry,
    RunCheck check,
    String runtimeName,
    Supplier<? extends PipelineRuntime> runtimes,
    Supplier<Sandbox.Settings> sandbox,
    TaskExecutor tasks,
    FilePicker files,
    Duration autosaveDelay) {

  public StudioContext {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(runtimeName, "runtimeName");
    Objects.requireNonNull(runtimes, "runtimes");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(autosaveDelay, "autosaveDelay");
  }

  /**
   * The studio as a user starts it: the options' folders (else the default workspace and the
   * samples next to the installation), the installed node types, Flink's planner, the runtime the
   * composition root made, the Kafka sandbox working in {@code tmp}, native file choosers.
   *
   * @param runtimes makes the runtime on the first run, e.g. an embedded Flink working in {@code
   *     tmp}
   */
  public static StudioContext standard(
      StudioOptions options, Path tmp, Supplier<? extends PipelineRuntime> runtimes) {
    NodeTypeRegistry registry = NodeTypeRegistry.load();
    return new StudioContext(
        options.workspace().orElseGet(Workspace::defaultDirectory),
        Samples.locate(options.samples().orElse(null)),
        registry,
        RunCheck.create(registry),
        "embedded Flink",
        runtimes,
        () -> Sandbox.Settings.embedded(tmp),
        new FxTaskExecutor(),
        new NativeFilePicker(),
        Autosave.DEFAULT_DELAY);
  }

  /** This context with other file choosers (GUI tests script them). */
  public StudioContext withFiles(FilePicker other) {
    return new StudioContext(
        workspace,
        samples,
        registry,
        check,
        runtimeName,
        runtimes,
        sandbox,
        tasks,
        other,
        autosaveDelay);
  }
}
