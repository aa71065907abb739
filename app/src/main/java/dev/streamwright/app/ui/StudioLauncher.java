package dev.streamwright.app.ui;

import dev.streamwright.app.process.ExitActions;
import dev.streamwright.runtime.api.PipelineRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the studio from a plain main class: starts the JavaFX toolkit, shows the {@link StudioApp}
 * window and waits until it has closed. Not an {@code Application} itself, which is what lets the
 * studio start from a class path without JavaFX modules.
 */
public final class StudioLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(StudioLauncher.class);

  /** Exit codes, as the command line's. */
  private static final int OK = 0;

  private static final int USAGE = 2;
  private static final int FAILURE = 3;

  private StudioLauncher() {}

  /**
   * Runs the studio until its window closes.
   *
   * @param tmp this process's temp folder; the Kafka sandbox works in it
   * @param runtimes makes the runtime runs deploy to, on the first run
   * @param exit where the studio registers what Ctrl-C must close
   * @param args {@code [--workspace DIR] [--samples DIR]}
   * @param err where to say why the studio could not start
   * @return the exit code
   */
  public static int run(
      Path tmp,
      Supplier<? extends PipelineRuntime> runtimes,
      ExitActions exit,
      String[] args,
      PrintStream err) {
    StudioOptions options;
    try {
      options = StudioOptions.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    }
    StudioContext context = StudioContext.standard(options, tmp, runtimes);
    LOG.info("Starting the studio on the workspace {}", context.workspace());
    StudioApp app = new StudioApp(context);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    try (ExitActions.Registration onCtrlC = exit.add("close the studio", app::closeNow)) {
      try {
        Platform.startup(() -> start(app, closed));
      } catch (RuntimeException e) {
        LOG.error("JavaFX could not start", e);
        err.println(
            "error: the studio cannot open a window ("
                + e.getMessage()
                + "). It needs a graphical display; on a machine without one, use the commands"
                + " (streamwright --help).");
        context.tasks().close();
        return FAILURE;
      }
      boolean failed = closed.handle((v, e) -> e != null).join();
      app.stop();
      Platform.exit();
      if (failed) {
        err.println("error: the studio window could not start; the log has the details.");
        return FAILURE;
      }
      return OK;
    }
  }

  private static void start(StudioApp app, CompletableFuture<Void> closed) {
    try {
      app.init();
      app.start(new Stage());
      app.window().closed().whenComplete((v, e) -> closed.complete(null));
    } catch (Exception | Error e) {
      LOG.error("The studio window could not start", e);
      closed.completeExceptionally(e);
    }
  }
}
