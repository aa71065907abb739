package dev.streamwright.designer.ui;

import static dev.streamwright.designer.ui.FxWait.fx;
import static dev.streamwright.designer.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.Selection;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The model section of a Model score node's property sheet, on the repository's fraud sample model
 * (read by ONNX Runtime on the designer's worker): its signature, its card and checksum, and the
 * input mapping that stores the node's inputs.
 */
@ExtendWith(ApplicationExtension.class)
class ModelSectionTest {

  /** The repository's sample models, from the designer module (Maven runs tests there). */
  private static final Path SAMPLES =
      Path.of("..", "samples", "models").toAbsolutePath().normalize();

  private static final String FRAUD = "fraud-scorer/fraud-scorer.onnx";

  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    window = DesignerWindow.of(stage, pipeline(), Map.of("models.dir", SAMPLES.toString()));
  }

  @AfterEach
  void close() {
    window.close();
  }

  private static Map<String, Object> column(String name, String type) {
    return Map.of("name", name, "type", type);
  }

  private static Pipeline pipeline() {
    Node source =
        Node.of(
            "transactions",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    column("user_id", "STRING"),
                    column("amount", "DOUBLE"),
                    column("avg_1min_spend", "DOUBLE"),
                    column("tx_count_1min", "BIGINT"),
                    column("amount_ratio", "DOUBLE"),
                    column("ratio", "DOUBLE"))));
    Node scored = Node.of("scored", "model-score", Map.of("model", FRAUD));
    Node sink = Node.of("scores", "print-sink", Map.of());
    return new Pipeline(
        "model-section",
        "model-section",
        "",
        1,
        List.of(),
        List.of(source, scored, sink),
        List.of(Edge.of("transactions", "scored"), Edge.of("scored", "scores")));
  }

  private void selectScored() {
    FxWait.run(() -> window.model.selectionProperty().set(Selection.ofNodes("scored")));
    until("the model node is shown", () -> "scored".equals(window.sheet.shownNodeId()));
  }

  private Set<String> texts(FxRobot robot, String styleClass) {
    return fx(
        () ->
            robot.lookup("." + styleClass + " .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .collect(Collectors.toSet()));
  }

  private String verification(FxRobot robot) {
    return fx(
        () ->
            robot
                .lookup("." + "model-verification")
                .tryQueryAs(Label.class)
                .map(Label::getText)
                .orElse(""));
  }

  private ComboBox<?> picker(FxRobot robot, String input) {
    until(
        "the picker of " + input + " is shown",
        () ->
            robot
                .lookup(".model-mapping .combo-box")
                .match(
                    (ComboBox<?> c) ->
                        ("Column for model input " + input).equals(c.getAccessibleText()))
                .tryQuery()
                .isPresent());
    return robot
        .lookup(".model-mapping .combo-box")
        .match((ComboBox<?> c) -> ("Column for model input " + input).equals(c.getAccessibleText()))
        .queryAs(ComboBox.class);
  }

  /** Opens the picker and clicks the entry starting with the text. */
  private void pick(FxRobot robot, String input, String entry) {
    ComboBox<?> picker = picker(robot, input);
    until("the input columns are offered", () -> picker.getItems().size() >= 6);
    // Focusing it (as Tab would) scrolls the sheet so the picker is in view.
    FxWait.run(picker::requestFocus);
    robot.clickOn(picker);
    until(
        "the list is open",
        () ->
            robot
                .lookup(".list-cell")
                .match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith(entry))
                .tryQuery()
                .isPresent());
    robot.clickOn(
        robot
            .lookup(".list-cell")
            .match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith(entry))
            .queryAs(ListCell.class));
  }

  private Object inputs() {
    return fx(
        () -> window.model.pipeline().node("scored").orElseThrow().properties().get("inputs"));
  }

  @Test
  void showsTheSignatureAndTheVerifiedCardOfTheModel(FxRobot robot) {
    selectScored();
    until(
        "the signature is read",
        () -> texts(robot, "model-signature").containsAll(Set.of("amount_ratio", "fraud_score")));
    assertThat(texts(robot, "model-signature")).contains("Input", "Output", "float", "[N,1]");
    until("the card is shown", () -> verification(robot).startsWith("Verified"));
    assertThat(texts(robot, "model-card"))
        .contains("fraud-scorer  ·  version 1")
        .anyMatch(t -> t.startsWith("amount expects 0 to 100000. The transaction's amount"))
        .anyMatch(t -> t.startsWith("Output fraud_score: Probability in [0, 1]"));
    assertThat(verification(robot))
        .isEqualTo("Verified: the file's SHA-256 is the one registered for version 1.");
  }

  @Test
  void pickingAColumnStoresTheInputsAsOneUndoableEdit(FxRobot robot) {
    selectScored();
    ComboBox<?> ratio = picker(robot, "amount_ratio");
    until("the default is shown", () -> ratio.getValue() != null);
    pick(robot, "amount_ratio", "ratio  ·  DOUBLE");

    until(
        "the mapping is stored",
        () -> List.of(Map.of("input", "amount_ratio", "column", "ratio")).equals(inputs()));
    assertThat(fx(() -> window.model.edit().undoTextProperty().get()))
        .isEqualTo("Undo Set inputs of 'scored'");
    until("the SQL reads the mapped column", () -> window.sql.getSql().contains("`ratio`)"));

    FxWait.run(window.model::undo);
    assertThat(inputs()).isNull();
    until(
        "the picker shows the default again",
        () ->
            robot
                .lookup(".model-mapping .combo-box .list-cell")
                .match((ListCell<?> c) -> "Same name".equals(c.getText()))
                .tryQuery()
                .isPresent());
  }

  @Test
  void aTextColumnIsFlaggedOnItsRowAndTheCompilersProblemShowsUnderTheMapping(FxRobot robot) {
    selectScored();
    pick(robot, "amount", "user_id");

    until(
        "the row is flagged",
        () ->
            texts(robot, "model-mapping").stream()
                .anyMatch(t -> t.startsWith("user_id is STRING, not a number")));
    until(
        "the compiler's problem shows under the editor",
        () ->
            robot.lookup(".property-editor .field-problem").queryAllAs(Label.class).stream()
                .anyMatch(
                    l ->
                        l.isVisible()
                            && l.getText()
                                .contains(
                                    "Column 'user_id' is STRING, but model input 'amount' is a"
                                        + " float tensor")));
  }

  @Test
  void aModelFileChangedSinceItWasRegisteredSaysSo(FxRobot robot) throws Exception {
    Path dir = Path.of("target", "model-section-test", "fraud-scorer").toAbsolutePath();
    Files.createDirectories(dir);
    Path copy = dir.resolve("fraud-scorer.onnx");
    Files.copy(SAMPLES.resolve(FRAUD), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        SAMPLES.resolve("fraud-scorer/card.json"),
        dir.resolve("card.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // A second producer_name (field 2): still a valid model, but no longer the registered bytes.
    byte[] tamper = {0x12, 0x08, 't', 'a', 'm', 'p', 'e', 'r', 'e', 'd'};
    Files.write(copy, tamper, StandardOpenOption.APPEND);
    selectScored();
    until("the card is verified", () -> verification(robot).startsWith("Verified"));

    FxWait.run(
        () ->
            window.model.setProperty(
                "scored",
                window.model.nodeType("model-score").orElseThrow().properties().get(0),
                copy.toString()));

    until(
        "the changed file is reported",
        () ->
            verification(robot)
                .startsWith(
                    "fraud-scorer.onnx changed since it was registered as version 1 (SHA-256 "));
    assertThat(verification(robot)).contains("Restore the registered file, or register the new");
    assertThat(texts(robot, "model-signature")).contains("amount_ratio");
  }

  @Test
  void aMatrixInputGetsOnePickerPerValueAndStoresThemInOrder(FxRobot robot) {
    Path matrix =
        Path.of("../runtime/engine/src/test/resources/models/matrix4-input.onnx")
            .toAbsolutePath()
            .normalize();
    selectScored();
    FxWait.run(
        () ->
            window.model.setProperty(
                "scored",
                window.model.nodeType("model-score").orElseThrow().properties().get(0),
                matrix.toString()));
    picker(robot, "float_input [4 of 4]");
    until(
        "the unmapped values are flagged",
        () ->
            texts(robot, "model-mapping").contains("Pick the column for value 1 of float_input."));
    pick(robot, "float_input [2 of 4]", "tx_count_1min");

    until(
        "the value keeps its place",
        () ->
            List.of(
                    Map.of("input", "float_input"),
                    Map.of("input", "float_input", "column", "tx_count_1min"),
                    Map.of("input", "float_input"),
                    Map.of("input", "float_input"))
                .equals(inputs()));
    // Keyboard: a picker opens with F4 and picks with the arrows and Enter.
    ComboBox<?> third = picker(robot, "float_input [3 of 4]");
    FxWait.run(third::requestFocus);
    robot.type(KeyCode.F4);
    until("the list opens from the keyboard", third::isShowing);
    robot.type(KeyCode.DOWN, KeyCode.ENTER);
    until(
        "the keyboard pick is stored",
        () -> ((List<?>) inputs()).get(2) instanceof Map<?, ?> m && m.get("column") != null);
  }
}
