package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.ModelDrop;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * A text editor for properties typed as text: plain strings, whole and decimal numbers, durations,
 * SQL expressions (checked as the user types), file paths (with a chooser button) and whole SQL
 * queries (a text area; Ctrl+Enter stores). The text is stored on Enter or when focus leaves, and
 * only when valid; Escape puts the stored value back.
 */
final class TextEditor extends PropertyEditor {

  private final PropertyField field;
  private final TextInputControl input;

  TextEditor(PropertySpec spec, EditorContext context) {
    super(spec, context);
    field = new PropertyField(spec, value -> context.store(spec, value));
    input = spec.kind() == PropertyKind.SQL ? sqlArea() : new TextField();
    input.setPromptText(PropertyValues.prompt(spec));
    input.textProperty().bindBidirectional(field.textProperty());
    input.setAccessibleText(spec.label());
    if (!PropertyValues.tooltip(spec).isEmpty()) {
      input.setTooltip(new Tooltip(PropertyValues.tooltip(spec)));
    }
    field.errorProperty().addListener((obs, old, now) -> showError(now, input));
    input
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                field.commit();
              }
            });
    input.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
  }

  @Override
  protected Node control() {
    if (spec.kind() != PropertyKind.PATH) {
      return input;
    }
    Button choose = new Button(null, DesignerIcons.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
    choose.setTooltip(
        new Tooltip(
            choosesModel()
                ? "Choose an .onnx file: it is registered in the workspace's models and this node"
                    + " scores with it"
                : "Choose a file for " + spec.label()));
    choose.setAccessibleText("Choose a file for " + spec.label());
    choose.setOnAction(e -> choose());
    HBox.setHgrow(input, Priority.ALWAYS);
    HBox row = new HBox(4, input, choose);
    return row;
  }

  @Override
  void show(Object value) {
    if (input.isFocused() && field.edited()) {
      field.storedElsewhere(value);
    } else {
      field.show(value);
    }
  }

  /** The text control, for tests in this package. */
  TextInputControl input() {
    return input;
  }

  private void key(KeyEvent e) {
    boolean area = input instanceof TextArea;
    if (e.getCode() == KeyCode.ENTER && (!area || e.isShortcutDown())) {
      field.commit();
      e.consume();
    } else if (e.getCode() == KeyCode.ESCAPE && field.edited()) {
      field.revert();
      e.consume();
    }
  }

  private void choose() {
    if (choosesModel()) {
      chooseModel();
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle(spec.label());
    String current = field.textProperty().get();
    if (current != null && !current.isBlank()) {
      File f = new File(current);
      if (f.getParentFile() != null && f.getParentFile().isDirectory()) {
        chooser.setInitialDirectory(f.getParentFile());
      }
      chooser.setInitialFileName(f.getName());
    }
    File chosen =
        chooser.showSaveDialog(input.getScene() == null ? null : input.getScene().getWindow());
    if (chosen != null) {
      field.textProperty().set(chosen.getPath());
      field.commit();
    }
  }

  /**
   * Whether this is the model file of a Model score node in a studio that registers models: then
   * the chosen .onnx file is registered into the workspace's models, as a drop on the node would.
   */
  private boolean choosesModel() {
    DesignerViewModel model = context.model();
    return "model".equals(spec.name())
        && model.modelDropHandlerProperty().get() != null
        && model
            .pipeline()
            .node(context.nodeId())
            .filter(n -> DesignerViewModel.MODEL_SCORE_TYPE.equals(n.type()))
            .isPresent();
  }

  private void chooseModel() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Choose the model (.onnx) for " + context.nodeId());
    chooser
        .getExtensionFilters()
        .setAll(
            new FileChooser.ExtensionFilter("ONNX models (*.onnx)", "*.onnx"),
            new FileChooser.ExtensionFilter("All files", "*"));
    File chosen =
        chooser.showOpenDialog(input.getScene() == null ? null : input.getScene().getWindow());
    if (chosen == null) {
      return;
    }
    DesignerViewModel model = context.model();
    model
        .pipeline()
        .node(context.nodeId())
        .ifPresent(
            n ->
                model.dropModelFiles(
                    new ModelDrop(List.of(chosen.toPath()), n.position(), Optional.of(n.id()))));
  }

  private static TextArea sqlArea() {
    TextArea area = new TextArea();
    area.setPrefRowCount(8);
    area.setWrapText(false);
    area.getStyleClass().add(DesignerStyles.SQL_EDITOR);
    return area;
  }
}
