package dev.streamwright.app.ui;

import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The studio as a JavaFX application. It is started by {@link StudioLauncher} (a main class that
 * does not extend {@code Application}, so the studio starts on a plain class path) or by TestFX,
 * each passing the {@link StudioContext} the window works in.
 */
public final class StudioApp extends Application {

  private final StudioContext context;
  private StudioWindow window;

  public StudioApp(StudioContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public void start(Stage stage) {
    window = new StudioWindow(stage, context);
    window.useBrowser(getHostServices()::showDocument);
    window.show();
  }

  /** The window, once started. */
  public StudioWindow window() {
    return window;
  }

  /**
   * Releases what the window did not: normally the window has closed itself in order (see {@link
   * StudioWindow#quit()}); if not, the workspace and runtime are closed now, without the last save.
   * Then the background executor stops.
   */
  @Override
  public void stop() {
    if (window != null && !window.closed().isDone()) {
      window.closeNow();
    }
    context.tasks().close();
  }

  /** Closes the workspace and runtime at once, from any thread: Ctrl-C. */
  public void closeNow() {
    if (window != null) {
      window.closeNow();
    }
  }
}
