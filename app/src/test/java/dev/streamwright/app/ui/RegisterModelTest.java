package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.ui.ModelDrop;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Position;
import dev.streamwright.runtime.models.ModelCard;
import dev.streamwright.runtime.models.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering ONNX files in the studio: the workspace holds the sample models once it opens, File
 * &gt; Register model… copies a file into the workspace's models and adds a Model score node
 * scoring with it, a dropped file re-points the node it lands on, other bytes under a registered id
 * ask first, and a file that is not a model is refused with the reason and changes nothing.
 */
class RegisterModelTest {

  private static final Duration SHORTLY = Duration.ofSeconds(20);
  private static final Path FRAUD =
      StudioDriver.SAMPLES.resolve("models/fraud-scorer/fraud-scorer.onnx");
  private static final Path CHURN =
      StudioDriver.SAMPLES.resolve("models/churn-risk/churn-risk.onnx");

  @TempDir Path workspace;
  @TempDir Path files;

  private StudioDriver studio;

  @BeforeEach
  void start() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
  }

  @AfterEach
  void quit() throws Exception {
    studio.quit();
  }

  private ModelRegistry models() {
    return ModelRegistry.at(workspace.resolve("models"));
  }

  @Test
  void theWorkspaceHoldsTheSampleModelsAndTheSamplesScoreWithThem() {
    assertThat(models().list())
        .extracting(ModelCard::id)
        .containsExactly("churn-risk", "fraud-scorer", "maintenance-risk");
    assertThat(models().verifiedFile("fraud-scorer")).hasSameBinaryContentAs(FRAUD);
  }

  @Test
  void registeringAFileAddsAModelNodeScoringWithTheWorkspaceCopy() throws Exception {
    Path file = Files.copy(FRAUD, files.resolve("My Scorer.onnx"));
    int before = nodeCount();

    studio.files.willChoose(file);
    studio.robot.clickOn("#menu-file").clickOn("Register model…");
    StudioDriver.waitFor(SHORTLY, () -> nodeCount() == before + 1);

    Node added = studio.fx(() -> studio.model().designer().selectedNodeProperty().get());
    assertThat(added.type()).isEqualTo("model-score");
    assertThat(added.properties()).containsEntry("model", "my-scorer/my-scorer.onnx");
    ModelCard card = models().card("my-scorer");
    assertThat(card.version()).isEqualTo(1);
    assertThat(card.sha256()).isEqualTo(ModelRegistry.sha256(file));
    assertThat(card.inputs()).hasSize(4);
    assertThat(studio.fx(() -> studio.model().designer().edit().messageProperty().get()))
        .contains("model 'my-scorer' version 1", "4 inputs", "fraud_score");
    // The node reads the registered copy: no problem on its model file.
    StudioDriver.waitFor(
        SHORTLY,
        () -> studio.model().designer().outputs().problemsOf(added.id(), "model").isEmpty());
  }

  @Test
  void theModelListScoresWithThePickedModelAndRefusesAChangedFile() throws Exception {
    int before = nodeCount();
    studio.robot.clickOn("#menu-file").clickOn("Models…");
    awaitDialog();
    studio.robot.clickOn(
        (javafx.scene.Node n) ->
            n instanceof javafx.scene.control.ListCell<?> c
                && c.getText() != null
                && c.getText().startsWith("maintenance-risk"));
    studio.robot.clickOn("Score with it");
    StudioDriver.waitFor(SHORTLY, () -> nodeCount() == before + 1);
    Node added = studio.fx(() -> studio.model().designer().selectedNodeProperty().get());
    assertThat(added.properties()).containsEntry("model", "maintenance-risk/maintenance-risk.onnx");

    // The workspace's copy of churn-risk changes behind the studio's back.
    Path churn = workspace.resolve("models/churn-risk/churn-risk.onnx");
    byte[] bytes = Files.readAllBytes(churn);
    bytes[bytes.length - 1] ^= 1;
    Files.write(churn, bytes);
    studio.robot.clickOn("#menu-file").clickOn("Models…");
    awaitDialog();
    studio.robot.clickOn(
        (javafx.scene.Node n) ->
            n instanceof javafx.scene.control.ListCell<?> c
                && c.getText() != null
                && c.getText().startsWith("churn-risk"));
    assertThat(
            studio.fx(
                () ->
                    studio
                        .robot
                        .lookup(
                            (javafx.scene.Node n) ->
                                n instanceof javafx.scene.control.ListCell<?> c
                                    && c.getText() != null
                                    && c.getText().startsWith("churn-risk"))
                        .queryAs(javafx.scene.control.ListCell.class)
                        .getText()))
        .contains("file changed since registered");
    studio.robot.clickOn("Score with it");
    StudioDriver.waitFor(
        SHORTLY,
        () ->
            studio.dialog().isPresent()
                && "churn-risk cannot be scored with"
                    .equals(
                        studio
                            .robot
                            .lookup(".dialog-pane")
                            .queryAs(DialogPane.class)
                            .getHeaderText()));
    assertThat(
            studio.fx(
                () ->
                    studio.robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText()))
        .contains("changed since it was registered");
    studio.robot.clickOn("OK");
    assertThat(nodeCount()).isEqualTo(before + 1);
  }

  @Test
  void aFileDroppedOnAModelNodeIsRegisteredAndTheNodeScoresWithIt() throws Exception {
    String nodeId =
        studio.fx(
            () ->
                studio
                    .model()
                    .designer()
                    .addModelNode("fraud-scorer/fraud-scorer.onnx", new Position(300, 300))
                    .orElseThrow());
    Path file = Files.copy(CHURN, files.resolve("churn-v2.onnx"));

    studio.fx(
        () ->
            studio
                .model()
                .designer()
                .dropModelFiles(
                    new ModelDrop(List.of(file), new Position(0, 0), Optional.of(nodeId))));
    StudioDriver.waitFor(SHORTLY, () -> "churn-v2/churn-v2.onnx".equals(modelOf(nodeId)));

    assertThat(models().verifiedFile("churn-v2")).hasSameBinaryContentAs(CHURN);
    studio.fx(() -> studio.model().designer().undo());
    assertThat(modelOf(nodeId)).as("one undoable edit").isEqualTo("fraud-scorer/fraud-scorer.onnx");
  }

  @Test
  void otherBytesUnderARegisteredIdAskAndCanBecomeANewModel() throws Exception {
    Path file = Files.copy(CHURN, files.resolve("fraud-scorer.onnx"));
    int before = nodeCount();

    studio.files.willChoose(file);
    studio.robot.clickOn("#menu-file").clickOn("Register model…");
    DialogPane dialog = awaitDialog();
    assertThat(studio.fx(dialog::getHeaderText))
        .isEqualTo("A model 'fraud-scorer' is already registered");
    studio.robot.clickOn("New model 'fraud-scorer-2'");
    StudioDriver.waitFor(SHORTLY, () -> nodeCount() == before + 1);

    assertThat(models().verifiedFile("fraud-scorer-2")).hasSameBinaryContentAs(CHURN);
    assertThat(models().verifiedFile("fraud-scorer"))
        .as("the registered model stays as it was")
        .hasSameBinaryContentAs(FRAUD);
  }

  @Test
  void aFileThatIsNotAModelIsRefusedAndChangesNothing() throws Exception {
    Path file = Files.writeString(files.resolve("notes.onnx"), "these are my notes\n");
    String before = studio.fx(() -> studio.model().designer().pipeline().toString());

    studio.files.willChoose(file);
    studio.robot.clickOn("#menu-file").clickOn("Register model…");
    DialogPane dialog = awaitDialog();

    assertThat(studio.fx(dialog::getHeaderText)).isEqualTo("notes.onnx was not registered");
    assertThat(studio.fx(dialog::getContentText))
        .contains("notes.onnx", "is not an ONNX model")
        .doesNotContain("Exception", "\tat ");
    studio.robot.clickOn("OK");
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isEmpty());
    assertThat(studio.fx(() -> studio.model().designer().pipeline().toString())).isEqualTo(before);
    assertThat(workspace.resolve("models/notes")).doesNotExist();
  }

  private DialogPane awaitDialog() throws Exception {
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    return studio.robot.lookup(".dialog-pane").queryAs(DialogPane.class);
  }

  private int nodeCount() {
    return studio.fx(() -> studio.model().designer().pipeline().nodes().size());
  }

  private String modelOf(String nodeId) {
    return studio.fx(
        () ->
            String.valueOf(
                studio
                    .model()
                    .designer()
                    .pipeline()
                    .node(nodeId)
                    .orElseThrow()
                    .properties()
                    .get("model")));
  }
}
