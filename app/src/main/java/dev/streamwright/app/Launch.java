package dev.streamwright.app;

import dev.streamwright.app.cli.Cli;
import dev.streamwright.app.cli.CliContext;
import dev.streamwright.app.cli.LogSafeArgs;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.ui.StudioLauncher;
import dev.streamwright.app.ui.StudioOptions;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires the command line and the studio to this machine, with the embedded
 * runtime working in the process's own temp folder (the only place an implementation class is
 * created) and the exit actions that clean up after it. Without a command (or with only {@code
 * --workspace DIR}) it starts the studio. Kept apart from {@link Streamwright} so no logger is
 * created before the log folder is set.
 */
final class Launch {

  private Launch() {}

  /**
   * Runs the command line and returns its exit code, with everything cleaned up.
   *
   * @param folders the folders, with the log and temp folders already created
   */
  static int run(AppFolders folders, String[] args) {
    Logger log = LoggerFactory.getLogger(Launch.class);
    ExitActions exit = new ExitActions();
    // Registered first, so it runs last: whatever the other actions log still reaches the file.
    exit.add("flush the log", LogManager::shutdown);
    exit.add("delete the temp folder " + folders.tmp(), folders::deleteTmp);
    exit.runOnShutdown();
    log.info(
        "streamwright {} (Java {}, pid {}, data folder {})",
        LogSafeArgs.of(args),
        Runtime.version(),
        ProcessHandle.current().pid(),
        folders.data());
    int code;
    if (StudioOptions.startsStudio(args)) {
      // No command (or only studio options): the desktop studio.
      code = StudioLauncher.run(folders.tmp(), runtimes(folders), exit, args, System.err);
    } else {
      CliContext context = new CliContext(folders, runtimes(folders), exit);
      code = Cli.create(context).execute(args);
    }
    log.info("streamwright exits with code {}", code);
    exit.runAll();
    return code;
  }

  /**
   * The one place a runtime implementation is chosen: the embedded Flink, working in the process's
   * temp folder. The command line and the studio get it as a supplier of the runtime API.
   */
  static Supplier<PipelineRuntime> runtimes(AppFolders folders) {
    return () -> new EmbeddedRuntime(folders.tmp());
  }
}
