package dev.streamwright.app.ui;

import dev.streamwright.app.process.AppFolders;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Times a cold start of the studio in this JVM, as {@code app/bench/studio-startup.sh} runs it:
 * from JVM start to the window shown, to the quickstart on the canvas, and to its SQL compiled.
 * Prints one line of milliseconds; the script starts a fresh JVM per run.
 *
 * <p>Usage: {@code StudioStartupBenchmark <workspace folder>} (an empty folder is a first start:
 * the samples are seeded).
 */
public final class StudioStartupBenchmark {

  private StudioStartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainStart = System.currentTimeMillis();
    Path workspace = Path.of(args[0]);
    boolean first = !Files.exists(workspace.resolve("store"));
    AppFolders folders = AppFolders.detect();
    folders.createTmp();
    ScriptedFilePicker files = new ScriptedFilePicker();
    StudioContext context = StudioDriver.context(workspace, files);
    StudioApp app = new StudioApp(context);

    CompletableFuture<Long> fxUp = new CompletableFuture<>();
    CompletableFuture<Long> shown = new CompletableFuture<>();
    CompletableFuture<Long> open = new CompletableFuture<>();
    CompletableFuture<Long> compiled = new CompletableFuture<>();
    Platform.startup(
        () -> {
          fxUp.complete(System.currentTimeMillis());
          Stage stage = new Stage();
          stage.addEventHandler(
              WindowEvent.WINDOW_SHOWN, e -> shown.complete(System.currentTimeMillis()));
          app.start(stage);
          MainViewModel model = app.window().model();
          model
              .readyProperty()
              .addListener((obs, was, now) -> open.complete(System.currentTimeMillis()));
          model
              .designer()
              .outputs()
              .sqlProperty()
              .addListener(
                  (obs, was, now) -> {
                    if (model.readyProperty().get() && !now.isBlank()) {
                      compiled.complete(System.currentTimeMillis());
                    }
                  });
        });
    long openAt = open.get(60, TimeUnit.SECONDS);
    long compiledAt = compiled.get(60, TimeUnit.SECONDS);
    // The frame after the pipeline is in the scene: the canvas has drawn it.
    CompletableFuture<Long> drawn = new CompletableFuture<>();
    Platform.runLater(() -> Platform.runLater(() -> drawn.complete(System.currentTimeMillis())));
    long drawnAt = drawn.get(10, TimeUnit.SECONDS);

    System.out.printf(
        "%s start: JVM->main %d ms, ->FX toolkit %d ms, ->window shown %d ms,"
            + " ->quickstart open %d ms, ->drawn %d ms, ->SQL compiled %d ms (pipeline %s)%n",
        first ? "first" : "later",
        mainStart - jvmStart,
        fxUp.get() - jvmStart,
        shown.get() - jvmStart,
        openAt - jvmStart,
        drawnAt - jvmStart,
        compiledAt - jvmStart,
        app.window().model().designer().pipeline().id());

    CompletableFuture<Void> closed = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          app.window().quit();
          app.window().closed().whenComplete((v, e) -> closed.complete(null));
        });
    closed.get(60, TimeUnit.SECONDS);
    app.stop();
    Platform.exit();
    folders.deleteTmp();
    System.exit(0);
  }
}
