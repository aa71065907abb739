package dev.streamwright.app.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.tasks.SameThreadTasks;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.PipelineDetails;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Open dialog's rows and status line as the user types, without a window. */
class OpenPipelineViewModelTest {

  @TempDir Path dir;

  private static Pipeline pipeline(String id, String name, String description, String... tags) {
    return new Pipeline(id, name, description, 1, List.of(tags), List.of(), List.of());
  }

  private static List<String> ids(OpenPipelineViewModel model) {
    return model.rows().stream().map(PipelineDetails::id).toList();
  }

  @Test
  void everyWordTypedMustMatchNameIdDescriptionOrTagInAnyCase() {
    try (Workspace ws = Workspace.open(dir, OpenMode.READ_WRITE)) {
      ws.save(pipeline("clicks", "Click counts", "Counts clicks per user", "web"));
      ws.save(pipeline("fraud", "Fraud detection", "Scores card payments", "kafka", "ml"));
      ws.save(pipeline("fleet", "Fleet", "Truck telemetry", "kafka", "iot"));
      OpenPipelineViewModel model = new OpenPipelineViewModel(new SameThreadTasks(), ws);
      assertThat(model.statusProperty().get()).isEqualTo("Loading…");

      model.load();
      // (The workspace orders them newest save first; RecentPipelinesTest shows it with a clock.)
      assertThat(ids(model)).containsExactlyInAnyOrder("fleet", "fraud", "clicks");
      assertThat(model.statusProperty().get()).isEqualTo("3 pipelines");

      model.filterProperty().set("KAFKA");
      assertThat(ids(model)).containsExactlyInAnyOrder("fleet", "fraud");
      assertThat(model.statusProperty().get()).isEqualTo("2 of 3 pipelines match “KAFKA”");
      model.filterProperty().set(" kafka  card ");
      assertThat(ids(model)).containsExactly("fraud");
      model.filterProperty().set("clicks");
      assertThat(ids(model)).containsExactly("clicks");
      model.filterProperty().set("kafka web");
      assertThat(ids(model)).isEmpty();
      assertThat(model.statusProperty().get())
          .isEqualTo("No pipeline matches “kafka web” in its name, description or tags.");
      model.filterProperty().set("");
      assertThat(ids(model)).hasSize(3);
    }
  }

  @Test
  void anEmptyWorkspaceSaysHowToStartOne() {
    try (Workspace ws = Workspace.open(dir, OpenMode.READ_WRITE)) {
      OpenPipelineViewModel model = new OpenPipelineViewModel(new SameThreadTasks(), ws);
      model.load();
      assertThat(model.rows()).isEmpty();
      assertThat(model.statusProperty().get()).contains("File > New pipeline");
    }
  }
}
