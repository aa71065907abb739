package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.ui.run.RunViewModel.Phase;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop with savepoint and Resume on the embedded Flink within one studio session: the savepoint is
 * written, and the resumed job restored from exactly it, as Flink's own checkpoint statistics say.
 */
class EmbeddedSavepointResumeIT {

  private static final Duration RUN = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void stopWithSavepointThenResumeRestoresFromIt() throws Exception {
    AppFolders folders = AppFolders.detect();
    folders.createTmp();
    Path runtimeDir = folders.tmp().resolve("runtime-" + System.nanoTime());
    AtomicReference<EmbeddedRuntime> made = new AtomicReference<>();
    ScriptedFilePicker files = new ScriptedFilePicker();
    StudioContext context =
        StudioDriver.context(
            workspace,
            files,
            () -> {
              EmbeddedRuntime r = new EmbeddedRuntime(runtimeDir);
              made.set(r);
              return r;
            });
    studio = StudioDriver.launch(context, files).awaitReady();
    var run = studio.model().run();
    assertThat(studio.fx(() -> studio.<javafx.scene.Node>find("#resume-button").isDisabled()))
        .as("nothing to resume from yet")
        .isTrue();

    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(RUN, () -> run.phaseProperty().get() == Phase.RUNNING);
    String first = runningJob(made.get(), "");

    studio.robot.clickOn("#stop-savepoint-button");
    StudioDriver.waitFor(RUN, () -> run.phaseProperty().get() == Phase.STOPPED);
    String savepoint = studio.fx(() -> run.savepointProperty().get());
    assertThat(savepoint).isNotEmpty();
    Path folder =
        savepoint.startsWith("file:") ? Path.of(URI.create(savepoint)) : Path.of(savepoint);
    assertThat(Files.exists(folder.resolve("_metadata"))).as(savepoint).isTrue();
    Label runtime = studio.find("#" + StatusBarView.RUNTIME);
    assertThat(studio.fx(runtime::getText)).startsWith("embedded Flink: stopped job ");

    studio.robot.clickOn("#resume-button");
    StudioDriver.waitFor(RUN, () -> run.phaseProperty().get() == Phase.RUNNING);
    String second = runningJob(made.get(), first);
    assertThat(second).isNotEqualTo(first);
    String restored = restoredFrom(made.get(), second);
    assertThat(Path.of(restored.startsWith("file:") ? URI.create(restored).getPath() : restored))
        .isEqualTo(folder);

    studio.robot.clickOn("#stop-button");
    StudioDriver.waitFor(RUN, () -> run.phaseProperty().get() == Phase.STOPPED);
  }

  /**
   * The running job of the embedded cluster other than {@code except}, from its REST API. The
   * studio shows RUNNING once the job is submitted; on a busy machine Flink may still be
   * initialising it at that moment, so the cluster is asked again (bounded).
   */
  private static String runningJob(EmbeddedRuntime runtime, String except) throws Exception {
    long until = System.nanoTime() + RUN.toNanos();
    JsonNode jobs = null;
    while (System.nanoTime() < until) {
      jobs = get(runtime, "/jobs");
      for (JsonNode j : jobs.path("jobs")) {
        String id = j.path("id").asText();
        if ("RUNNING".equals(j.path("status").asText()) && !id.equals(except)) {
          return id;
        }
      }
      Thread.sleep(200); // a bounded poll of the cluster's REST API, not a wait for timing
    }
    throw new AssertionError("no running job: " + jobs);
  }

  /** What Flink says the job restored from, once it has. */
  private static String restoredFrom(EmbeddedRuntime runtime, String job) throws Exception {
    long until = System.nanoTime() + RUN.toNanos();
    JsonNode stats = null;
    while (System.nanoTime() < until) {
      stats = get(runtime, "/jobs/" + job + "/checkpoints");
      String path = stats.path("latest").path("restored").path("external_path").asText("");
      if (!path.isEmpty()) {
        return path;
      }
      Thread.onSpinWait();
      Thread.sleep(200); // a bounded poll of the cluster's REST API, not a wait for timing
    }
    throw new AssertionError("the job reports no restore: " + stats);
  }

  private static JsonNode get(EmbeddedRuntime runtime, String path) throws Exception {
    URI base = runtime.restAddress().orElseThrow();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
