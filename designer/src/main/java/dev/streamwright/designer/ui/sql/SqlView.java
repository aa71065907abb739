package dev.streamwright.designer.ui.sql;

import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The SQL script the pipeline compiles to, read-only and in a monospace font, replaced after each
 * compile; while the pipeline has errors it says to fix them instead. Lines are shown in a
 * virtualised list, so a script of thousands of lines costs only the lines in view to update and
 * draw after every edit. Ctrl+C copies the selected lines, the Copy button the whole script.
 */
public final class SqlView extends BorderPane {

  /** Row height of a script line: one line of the monospace font plus a little air. */
  private static final double LINE_HEIGHT = 20;

  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

  private final ListView<String> lines = new ListView<>();
  private final Label placeholder = new Label();

  /** A view of the view model's generated SQL. */
  public SqlView(DesignerViewModel model) {
    getStyleClass().add(DesignerStyles.SQL);
    getStylesheets().add(DesignerStyles.STYLESHEET);
    lines.getStyleClass().add(DesignerStyles.SQL_TEXT);
    lines.setFixedCellSize(LINE_HEIGHT);
    lines.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    lines.setAccessibleText("Generated SQL");
    lines.setOnKeyPressed(
        e -> {
          if (COPY.match(e)) {
            copy(String.join("\n", lines.getSelectionModel().getSelectedItems()));
            e.consume();
          }
        });
    placeholder.getStyleClass().add(DesignerStyles.PLACEHOLDER);
    placeholder.setWrapText(true);
    placeholder.textProperty().bind(model.outputs().sqlPlaceholderProperty());
    placeholder.visibleProperty().bind(model.outputs().sqlProperty().isEmpty());
    lines.visibleProperty().bind(placeholder.visibleProperty().not());
    Button copyAll = new Button("Copy SQL", DesignerIcons.icon(MaterialDesignC.CONTENT_COPY));
    copyAll.setTooltip(new Tooltip("Copy the whole generated script to the clipboard"));
    copyAll.disableProperty().bind(model.outputs().sqlProperty().isEmpty());
    copyAll.setOnAction(e -> copy(model.outputs().sqlProperty().get()));
    HBox bar = new HBox(copyAll);
    bar.getStyleClass().add("sql-toolbar");
    setTop(bar);
    setCenter(new StackPane(lines, placeholder));
    show(model.outputs().sqlProperty().get());
    model.outputs().sqlProperty().addListener((obs, old, now) -> show(now));
  }

  /** The script shown, or empty while the view says why there is none. */
  public String getSql() {
    return placeholder.isVisible() ? "" : String.join("\n", lines.getItems());
  }

  /** What the view says instead of a script (fix the problems, compiling), or empty. */
  public String getMessage() {
    return placeholder.isVisible() ? placeholder.getText() : "";
  }

  /** The list of script lines, for the main window's focus handling. */
  public ListView<String> lines() {
    return lines;
  }

  private void show(String sql) {
    if (sql.isEmpty()) {
      // Keep the last script (hidden) so the scroll position survives a brief error.
      return;
    }
    List<String> next = Arrays.asList(sql.split("\n", -1));
    if (!next.equals(lines.getItems())) {
      lines.getItems().setAll(next);
    }
  }

  private static void copy(String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }
}
