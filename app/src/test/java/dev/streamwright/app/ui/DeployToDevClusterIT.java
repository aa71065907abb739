package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.deploy.DeploymentView;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.ui.deploy.DeploymentsView;
import dev.streamwright.app.ui.deploy.DeploymentsViewModel;
import dev.streamwright.app.ui.deploy.EnvironmentsDialog;
import dev.streamwright.app.ui.deploy.EnvironmentsViewModel;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's remote deploys against a real Flink session cluster (JobManager, TaskManager and SQL
 * Gateway in their own JVMs): the environment is added and tested in the Environments dialog, the
 * quickstart deploys from the toolbar, the Deployments tab shows it RUNNING, and its Stop with
 * savepoint and Resume take and restore a savepoint the cluster wrote, all while the window keeps
 * answering.
 */
@ExtendWith(DevClusterExtension.class)
class DeployToDevClusterIT {

  private static final Duration CLUSTER = Duration.ofSeconds(120);

  @TempDir Path workspace;
  @TempDir Path files;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void deployFromTheToolbarThenStopWithSavepointAndResumeFromTheDeploymentsView(DevCluster cluster)
      throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    // The quickstart with a print sink instead of its preview: previews run only embedded.
    Path file = files.resolve("clicks-on-cluster.json");
    Files.writeString(
        file,
        Files.readString(StudioDriver.SAMPLES.resolve("quickstart/pipeline.json"))
            .replace("\"id\": \"quickstart\"", "\"id\": \"clicks-on-cluster\"")
            .replace(
                "\"name\": \"Quickstart: clicks per user\"", "\"name\": \"Clicks on a cluster\"")
            .replace("\"type\": \"preview-sink\"", "\"type\": \"print-sink\""));
    studio.files.willChoose(file);
    studio.robot.clickOn("#import-button");
    StudioDriver.waitFor(
        CLUSTER, () -> studio.model().designer().pipeline().id().equals("clicks-on-cluster"));

    // The environment, added and tested in the dialog.
    EnvironmentsDialogDriver dialog = new EnvironmentsDialogDriver(studio).open();
    dialog.add("dev", cluster.gatewayUrl().toString(), cluster.restUrl().toString());
    dialog.select("dev");
    dialog.click("#env-test");
    TableView<EnvironmentsViewModel.CheckLine> checks =
        dialog.find("#" + EnvironmentsDialog.CHECKS);
    EnvironmentsViewModel envs = studio.model().deploy().environments();
    StudioDriver.waitFor(CLUSTER, () -> !checks.getItems().isEmpty() && !envs.busyProperty().get());
    List<EnvironmentsViewModel.CheckLine> found = studio.fx(() -> List.copyOf(checks.getItems()));
    assertThat(found).as("every check passes on the dev cluster: %s", found).allMatch(l -> l.ok());
    assertThat(found).extracting(l -> l.what()).anyMatch(w -> w.contains("Gateway"));
    dialog.close();

    // Deploy from the toolbar: confirmed, then the result in the status bar.
    var deploy = studio.model().deploy().deploy();
    assertThat(studio.fx(() -> deploy.targetProperty().get())).isEqualTo("dev");
    studio.robot.clickOn("#deploy-button");
    EnvironmentsDialogDriver.confirm(studio, "Deploy");
    StudioDriver.waitFor(CLUSTER, () -> !deploy.busyProperty().get());
    Label status = studio.find("#" + StatusBarView.DEPLOY);
    assertThat(studio.fx(() -> deploy.failureProperty().get())).isEmpty();
    assertThat(studio.fx(status::getText))
        .startsWith("Deployed 'Clicks on a cluster")
        .contains("to dev: deployment ")
        .contains(", job ");
    assertThat(
            studio.fx(
                () -> studio.view().bottomTabs().getSelectionModel().getSelectedItem().getId()))
        .isEqualTo(MainView.DEPLOYMENTS_TAB);

    // The Deployments view lists it RUNNING, refreshed in the background.
    DeploymentsViewModel deployments = studio.model().deploy().deployments();
    DeploymentView running = await(deployments, DeploymentState.RUNNING);
    assertThat(running.environment()).isEqualTo("dev");
    assertThat(running.pipelineId()).isEqualTo("clicks-on-cluster");
    TableView<DeploymentView> table = studio.find("#" + DeploymentsView.TABLE);
    java.util.function.Supplier<Optional<javafx.scene.control.TableRow<?>>> row =
        () ->
            studio
                .robot
                .from(table)
                .lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> !r.isEmpty())
                .tryQuery();
    StudioDriver.waitFor(Duration.ofSeconds(10), () -> row.get().isPresent());
    studio.robot.clickOn(row.get().orElseThrow());
    StudioDriver.waitFor(
        Duration.ofSeconds(10), () -> deployments.selectedProperty().get() != null);
    assertThat(deployments.webUiUrl(running))
        .contains(
            cluster.restUrl().toString().replaceAll("/$", "")
                + "/#/job/running/"
                + running.jobId()
                + "/overview");

    // Stop with savepoint: confirmed; the result names the savepoint the cluster wrote.
    studio.robot.clickOn("#deployments-stop");
    EnvironmentsDialogDriver.confirm(studio, "Stop");
    StudioDriver.waitFor(CLUSTER, () -> !deployments.busyProperty().get());
    Label result = studio.find("#" + DeploymentsView.STATUS);
    // The line names the savepoint by its folder; its tooltip has the whole message.
    String stopped = studio.fx(() -> result.getTooltip().getText());
    assertThat(stopped).startsWith("Stopped 'Clicks on a cluster").contains(" with savepoint ");
    String savepoint = stopped.substring(stopped.indexOf(" with savepoint ") + 16).strip();
    Path folder =
        savepoint.startsWith("file:") ? Path.of(URI.create(savepoint)) : Path.of(savepoint);
    assertThat(Files.exists(folder.resolve("_metadata"))).as(savepoint).isTrue();
    await(deployments, DeploymentState.STOPPED);
    List<DeploymentsViewModel.HistoryLine> history =
        studio.fx(() -> List.copyOf(deployments.history()));
    assertThat(history)
        .anyMatch(h -> h.what().startsWith("deployed version 1") && h.environment().equals("dev"))
        .anyMatch(h -> h.savepoint().equals(savepoint) && h.what().contains("stopped"));
    assertThat(studio.fx(result::getText))
        .endsWith(" with savepoint " + folder.getFileName())
        .doesNotContain(savepoint);

    // Resume: from that savepoint, as a new job.
    studio.robot.clickOn("#deployments-resume");
    EnvironmentsDialogDriver.confirm(studio, "Resume");
    StudioDriver.waitFor(CLUSTER, () -> !deployments.busyProperty().get());
    assertThat(studio.fx(() -> result.getTooltip().getText()))
        .startsWith("Resumed 'Clicks on a cluster")
        .endsWith(" from " + savepoint);
    DeploymentView resumed = await(deployments, DeploymentState.RUNNING);
    assertThat(resumed.jobId()).isNotEqualTo(running.jobId());
    assertThat(studio.fx(() -> List.copyOf(deployments.history())))
        .anyMatch(h -> h.what().startsWith("resumed from " + savepoint));

    // Leave the shared cluster without our job.
    Optional<?> cancelled =
        studio
            .fx(() -> deployments.stop(resumed, false))
            .get(CLUSTER.toSeconds(), TimeUnit.SECONDS);
    assertThat(cancelled).isPresent();
  }

  /** Waits until the view lists the one deployment in that state, and returns it. */
  private DeploymentView await(DeploymentsViewModel deployments, DeploymentState state)
      throws Exception {
    StudioDriver.waitFor(
        CLUSTER,
        () -> deployments.rows().size() == 1 && deployments.rows().get(0).state() == state);
    return studio.fx(() -> deployments.rows().get(0));
  }
}
