package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.Themes;
import dev.streamwright.app.workspace.VersionInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

/**
 * The History dialog: the open pipeline's saved versions, newest first; selecting two shows what
 * changed between them (nodes and properties added, removed and changed).
 */
public final class HistoryDialog extends Dialog<Void> {

  /** Style class of the version list, for tests and the stylesheet. */
  public static final String VERSIONS = "history-versions";

  /** Style class of the diff text, for tests and the stylesheet. */
  public static final String DIFF = "history-diff";

  private static final DateTimeFormatter SAVED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  public HistoryDialog(HistoryViewModel model, Window owner, Theme theme) {
    if (owner != null) {
      initOwner(owner);
    }
    setTitle("History of " + model.pipelineId());
    setHeaderText("Saved versions of " + model.pipelineId() + " (select two to compare)");
    setResizable(true);

    ListView<VersionInfo> list = new ListView<>(model.versions());
    list.getStyleClass().add(VERSIONS);
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(VersionInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                    empty || item == null
                        ? null
                        : "Version "
                            + item.number()
                            + "  ·  "
                            + SAVED_AT.format(item.savedAt())
                            + "\n"
                            + item.summary());
              }
            });
    list.getSelectionModel()
        .getSelectedItems()
        .addListener(
            (ListChangeListener<VersionInfo>)
                c -> model.select(List.copyOf(list.getSelectionModel().getSelectedItems())));

    TextArea diff = new TextArea();
    diff.getStyleClass().add(DIFF);
    diff.setEditable(false);
    diff.setWrapText(false);
    diff.textProperty().bind(model.diffProperty());
    Label hint = new Label();
    hint.textProperty().bind(model.hintProperty());
    hint.visibleProperty().bind(Bindings.isEmpty(model.diffProperty()));
    hint.managedProperty().bind(hint.visibleProperty());
    hint.setWrapText(true);
    BorderPane right = new BorderPane(diff);
    right.setTop(hint);

    SplitPane split = new SplitPane(list, right);
    split.setDividerPositions(0.4);
    list.setMinWidth(260);
    getDialogPane().setContent(split);
    // The theme caps dialog panes at 600 px, which would squeeze the diff next to the list.
    getDialogPane().getStyleClass().add("wide-dialog");
    getDialogPane().setPrefSize(960, 600);
    getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    Themes.style(getDialogPane(), theme);
    model.load();
  }
}
