package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.run.PreviewTableView;
import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.designer.document.Selection;
import dev.streamwright.monitor.ui.MonitorView;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.TabPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes the README's screenshots: the main window at 1400x900 with the quickstart open, one node
 * selected and its preview streaming, in the light and the dark theme, rendered by {@code
 * scene.snapshot()} into docs/screenshots/. Opt-in, so an ordinary build leaves the committed
 * pictures alone; rerun it after visible changes: {@code mvn -B -pl app verify
 * -Dit.test=ScreenshotsIT -Dscreenshots=true}.
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotsIT {

  static final Path FOLDER = Path.of("../docs/screenshots");

  /** Where the Deployments picture's savepoints go. */
  private static final Path SAVEPOINTS = Path.of("target/screenshots/savepoints");

  /** A few windows' worth of rows, so the table looks like a live preview. */
  private static final int ROWS = 12;

  /** Monitor polls (5 s apart) the Monitor pictures wait for once all their figures are there. */
  private static final int MONITOR_POLLS = 8;

  @TempDir Path home;

  private StudioDriver studio;
  private String realHome;

  /**
   * The status bar shows the workspace folder with the home folder as ~: a stand-in home makes the
   * pictures show the default location, ~/.local/share/streamwright/workspace, as users see it.
   */
  @BeforeEach
  void standInHome() {
    realHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
  }

  @AfterEach
  void quit() throws Exception {
    try {
      if (studio != null) {
        studio.quit();
      }
    } finally {
      System.setProperty("user.home", realHome);
    }
  }

  @Test
  void mainWindowInBothThemes() throws Exception {
    Path workspace = home.resolve(".local/share/streamwright/workspace");
    studio = StudioDriver.launch(workspace).awaitReady();
    studio.robot.interact(
        () ->
            studio
                .model()
                .designer()
                .selectionProperty()
                .set(Selection.ofNodes("clicks_per_user")));
    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(Duration.ofSeconds(90), () -> previewRows() >= ROWS || failed());
    assertThat(studio.fx(() -> studio.model().run().failureProperty().get())).isEmpty();

    studio.robot.interact(() -> studio.view().canvas().fitToView());

    for (Theme theme : Theme.values()) {
      studio.robot.interact(() -> studio.model().themeProperty().set(theme));
      Path file = FOLDER.resolve("studio-" + theme.settingValue() + ".png");
      Snapshots.write(studio.window().scene(), file);
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image.getWidth()).isEqualTo((int) StudioWindow.WIDTH);
      assertThat(image.getHeight()).isEqualTo((int) StudioWindow.HEIGHT);
    }
    studio.robot.interact(() -> studio.model().themeProperty().set(Theme.LIGHT));
    studio.robot.clickOn("#stop-button");
    StudioDriver.waitFor(
        Duration.ofSeconds(30), () -> studio.model().run().phaseProperty().get() == Phase.STOPPED);
  }

  /** The fraud-detection sample on the Kafka sandbox, scored transactions streaming in. */
  @Test
  void fraudSampleOnTheSandbox() throws Exception {
    Path workspace = home.resolve(".local/share/streamwright/workspace");
    studio = StudioDriver.launch(workspace).awaitReady();
    studio.fx(() -> studio.model().workspace().open("fraud-detection")).get();
    StudioDriver.waitFor(
        Duration.ofSeconds(10),
        () -> studio.model().designer().pipeline().id().equals("fraud-detection"));
    studio.robot.interact(
        () -> studio.model().designer().selectionProperty().set(Selection.ofNodes("fraud_score")));
    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(Duration.ofSeconds(120), () -> scoredRows() >= ROWS || failed());
    assertThat(studio.fx(() -> studio.model().run().failureProperty().get())).isEmpty();
    javafx.scene.control.TabPane sinks =
        studio.find("." + dev.streamwright.app.ui.run.RunOutputView.SINK_TABS);
    studio.robot.interact(
        () -> {
          studio.view().canvas().fitToView();
          sinks.getTabs().stream()
              .filter(t -> t.getText() != null && t.getText().startsWith("scored-transactions"))
              .findFirst()
              .ifPresent(t -> sinks.getSelectionModel().select(t));
        });
    Path file = FOLDER.resolve("studio-fraud-sandbox.png");
    Snapshots.write(studio.window().scene(), file);
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo((int) StudioWindow.WIDTH);
    studio.robot.clickOn("#stop-button");
    StudioDriver.waitFor(
        Duration.ofSeconds(60), () -> studio.model().run().phaseProperty().get() == Phase.STOPPED);
  }

  /**
   * The fraud-detection sample on the sandbox, watched: the Monitor tab on its Latency panel below
   * the canvas with each node's live figures, in both themes, and a close-up of the canvas.
   *
   * <p>ChartFX takes its datasets' read locks in a chart's layout and releases them in the next
   * pulse's post-layout hook, which {@code scene.snapshot()} does not run; a dataset update on the
   * FX thread before that pulse then waits for a lock the FX thread itself holds. So the pictures
   * are taken only after the Monitor view has drawn the figures wanted and been disposed: its
   * animation timer, the only thing that writes to its charts' datasets, is stopped, so the
   * snapshots (and the theme switch between them) meet charts that nothing updates any more. The
   * monitor keeps polling and the canvas figures, plain JavaFX nodes, keep updating.
   */
  @Test
  void monitorWatchingTheFraudSample() throws Exception {
    Path workspace = home.resolve(".local/share/streamwright/workspace");
    studio = StudioDriver.launch(workspace).awaitReady();
    studio.fx(() -> studio.model().workspace().open("fraud-detection")).get();
    StudioDriver.waitFor(
        Duration.ofSeconds(10),
        () -> studio.model().designer().pipeline().id().equals("fraud-detection"));
    java.util.concurrent.atomic.AtomicInteger polls =
        new java.util.concurrent.atomic.AtomicInteger();
    studio.robot.interact(
        () ->
            studio
                .model()
                .monitor()
                .latestProperty()
                .addListener((o, was, now) -> polls.incrementAndGet()));
    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(Duration.ofSeconds(180), () -> watchedInFull() || failed());
    assertThat(studio.fx(() -> studio.model().run().failureProperty().get())).isEmpty();
    // A few more polls, so the charts draw lines rather than single points.
    int seen = polls.get();
    StudioDriver.waitFor(
        Duration.ofSeconds(90), () -> polls.get() >= seen + MONITOR_POLLS && watchedInFull());

    var main = (javafx.scene.control.SplitPane) studio.view().getCenter();
    studio.robot.interact(
        () -> {
          TabPane bottom = studio.view().bottomTabs();
          bottom.getTabs().stream()
              .filter(t -> MainView.MONITOR_TAB.equals(t.getId()))
              .findFirst()
              .ifPresent(t -> bottom.getSelectionModel().select(t));
          studio.view().monitor().show(MonitorView.Panel.LATENCY, "scored_transactions");
          // Room for the charts; the canvas above still shows the whole pipeline.
          main.setDividerPositions(0.42);
          // The panels' own table/chart splits: half the table, half the charts.
          studio
              .view()
              .monitor()
              .view()
              .lookupAll(".split-pane")
              .forEach(n -> ((javafx.scene.control.SplitPane) n).setDividerPositions(0.55));
        });
    studio.robot.interact(() -> studio.view().canvas().fitToView());
    awaitPulses(3);
    assertThat(studio.fx(() -> studio.view().canvas().overlayTextOf("transactions")))
        .contains("lag ");
    assertThat(studio.fx(() -> studio.view().canvas().overlayTextOf("scored_transactions")))
        .contains("p99 ");
    // See the Javadoc: from here on nothing writes to the charts' datasets.
    studio.robot.interact(
        () -> {
          studio.view().monitor().view().dispose();
          // The focused sink's row whole in sight (its table is a plain TableView).
          studio
              .view()
              .monitor()
              .view()
              .lookupAll(".table-view")
              .forEach(
                  n -> {
                    var table = (javafx.scene.control.TableView<?>) n;
                    int row = table.getSelectionModel().getSelectedIndex();
                    if (row >= 0) {
                      table.scrollTo(row);
                    }
                  });
        });
    awaitPulses(2);

    for (Theme theme : Theme.values()) {
      studio.robot.interact(() -> studio.model().themeProperty().set(theme));
      awaitPulses(2);
      Path file = FOLDER.resolve("studio-monitor-" + theme.settingValue() + ".png");
      Snapshots.write(studio.window().scene(), file);
      assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo((int) StudioWindow.WIDTH);
    }
    // The close-up: the canvas alone, zoomed in on the source and its first nodes.
    var canvas = studio.view().canvas();
    studio.robot.interact(() -> main.setDividerPositions(0.63));
    awaitPulses(2);
    studio.robot.interact(canvas::fitToView);
    studio.robot.interact(
        () -> {
          canvas.minimapEnabledProperty().set(false);
          canvas.zoomAt(1.8, 0, canvas.getHeight() / 2);
          canvas.panBy(0, 40);
        });
    awaitPulses(2);
    javafx.scene.image.WritableImage image =
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get();
    Path closeUp = FOLDER.resolve("studio-canvas-overlays-dark.png");
    ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", closeUp.toFile());
    assertThat(ImageIO.read(closeUp.toFile()).getWidth()).isPositive();

    studio.robot.interact(() -> studio.model().themeProperty().set(Theme.LIGHT));
    studio.robot.clickOn("#stop-button");
    StudioDriver.waitFor(
        Duration.ofSeconds(60), () -> studio.model().run().phaseProperty().get() == Phase.STOPPED);
  }

  /** Whether the newest snapshot has the figures the pictures show; on the FX thread. */
  private boolean watchedInFull() {
    var s = studio.model().monitor().latestProperty().get();
    return s != null
        && s.flink().connected()
        && s.kafka().connected()
        && !s.nodes().isEmpty()
        && !s.lag().isEmpty()
        && !s.lag().get(0).noCommit()
        && s.latency().containsKey("scored_transactions")
        && !s.latency().get("scored_transactions").window().isEmpty();
  }

  /** Waits until the FX thread has run {@code count} more pulses (layout and render passes). */
  private void awaitPulses(int count) throws Exception {
    java.util.concurrent.atomic.AtomicInteger pulses =
        new java.util.concurrent.atomic.AtomicInteger();
    javafx.animation.AnimationTimer timer =
        new javafx.animation.AnimationTimer() {
          @Override
          public void handle(long now) {
            pulses.incrementAndGet();
          }
        };
    studio.robot.interact(timer::start);
    try {
      StudioDriver.waitFor(Duration.ofSeconds(10), () -> pulses.get() > count);
    } finally {
      studio.robot.interact(timer::stop);
    }
  }

  /**
   * The Deployments tab with a pipeline deployed to the dev cluster, stopped with a savepoint and
   * resumed: its live row and its history.
   */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(
      dev.streamwright.runtime.devcluster.DevClusterExtension.class)
  void deploymentsView(dev.streamwright.runtime.devcluster.DevCluster cluster) throws Exception {
    Path workspace = home.resolve(".local/share/streamwright/workspace");
    studio = StudioDriver.launch(workspace).awaitReady();
    Path file = home.resolve("clicks-on-cluster.json");
    java.nio.file.Files.writeString(
        file,
        java.nio.file.Files.readString(StudioDriver.SAMPLES.resolve("quickstart/pipeline.json"))
            .replace("\"id\": \"quickstart\"", "\"id\": \"clicks-on-cluster\"")
            .replace("\"name\": \"Quickstart: clicks per user\"", "\"name\": \"Clicks per user\"")
            .replace("\"type\": \"preview-sink\"", "\"type\": \"print-sink\"")
            .replace("\"name\": \"Live preview\"", "\"name\": \"Print\""));
    studio.fx(() -> studio.model().workspace().files().importFile(file)).get();
    StudioDriver.waitFor(
        Duration.ofSeconds(10),
        () -> studio.model().designer().pipeline().id().equals("clicks-on-cluster"));
    var ws = studio.fx(() -> studio.model().workspace().workspaceProperty().get());
    dev.streamwright.app.workspace.WorkspaceEnvironments.of(ws)
        .add(
            dev.streamwright.app.environments.RemoteEnvironment.builder("dev-cluster")
                .gatewayUrl(cluster.gatewayUrl().toString())
                .restUrl(cluster.restUrl().toString())
                // A folder of the build, not the cluster's: the picture names savepoints by folder.
                .savepointDir(SAVEPOINTS.toAbsolutePath().toUri().toString())
                .build());
    var deploy = studio.model().deploy();
    studio.fx(() -> deploy.environments().load()).get();
    var pipeline = studio.fx(() -> studio.model().designer().pipeline());
    Duration wait = Duration.ofSeconds(120);
    var deployed =
        studio
            .fx(
                () ->
                    deploy
                        .deploy()
                        .deploy(
                            new dev.streamwright.app.ui.deploy.DeployViewModel.Request(
                                pipeline, 1, "dev-cluster", "")))
            .get(wait.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    assertThat(deployed).isPresent();
    var deployments = deploy.deployments();
    studio.robot.interact(studio.view()::showDeployments);
    StudioDriver.waitFor(wait, () -> deployments.rows().size() == 1);
    var row = studio.fx(() -> deployments.rows().get(0));
    assertThat(
            studio
                .fx(() -> deployments.stop(row, true))
                .get(wait.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
        .isPresent();
    StudioDriver.waitFor(
        wait,
        () ->
            deployments.rows().size() == 1
                && dev.streamwright.app.ui.deploy.DeploymentsViewModel.canResume(
                    deployments.rows().get(0)));
    var stopped = studio.fx(() -> deployments.rows().get(0));
    assertThat(
            studio
                .fx(() -> deployments.resume(stopped))
                .get(wait.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
        .isPresent();
    // Uptime and a first checkpoint, as a deployment that has run a little shows them.
    StudioDriver.waitFor(
        wait,
        () ->
            deployments.rows().size() == 1
                && deployments.rows().get(0).lastCheckpoint() != null
                && deployments.rows().get(0).uptime() != null
                && deployments.rows().get(0).uptime().toSeconds() >= 8);
    studio.robot.interact(
        () -> {
          deployments.selectedProperty().set(deployments.rows().get(0));
          // More room for the tables than for the three-node canvas.
          ((javafx.scene.control.SplitPane) studio.view().getCenter()).setDividerPositions(0.5);
          studio.view().canvas().fitToView();
        });
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    Path shot = FOLDER.resolve("studio-deployments.png");
    Snapshots.write(studio.window().scene(), shot);
    assertThat(ImageIO.read(shot.toFile()).getWidth()).isEqualTo((int) StudioWindow.WIDTH);
    var running = studio.fx(() -> deployments.rows().get(0));
    studio
        .fx(() -> deployments.stop(running, false))
        .get(wait.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
  }

  private long scoredRows() {
    return studio.model().run().previews().stream()
        .filter(t -> t.sinkId().equals("scored_transactions"))
        .mapToLong(t -> t.receivedProperty().get())
        .sum();
  }

  private boolean failed() {
    return studio.model().run().phaseProperty().get() == Phase.FAILED;
  }

  private int previewRows() {
    return studio
        .robot
        .lookup("." + PreviewTableView.STYLE)
        .tryQuery()
        .map(n -> ((PreviewTableView) n).getItems().size())
        .orElse(0);
  }
}
