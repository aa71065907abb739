package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.run.PreviewTableView;
import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.designer.document.Selection;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
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
