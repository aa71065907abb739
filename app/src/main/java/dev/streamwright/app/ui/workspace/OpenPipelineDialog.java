package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.dialogs.FxDialogService;
import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.Themes;
import dev.streamwright.app.workspace.PipelineDetails;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File > Open: the workspace's pipelines in a table (name, description, tags, last saved,
 * versions), newest save first, filtered as the user types in the field above it. Enter or a
 * double-click opens the selected pipeline; the result is its id.
 */
public final class OpenPipelineDialog extends Dialog<String> {

  /** Style class of the filter field, for tests and the stylesheet. */
  public static final String FILTER = "open-filter";

  /** Style class of the pipeline table, for tests and the stylesheet. */
  public static final String TABLE = "open-pipelines";

  private static final DateTimeFormatter SAVED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final TableView<PipelineDetails> table = new TableView<>();

  public OpenPipelineDialog(OpenPipelineViewModel model, Window owner, Theme theme) {
    if (owner != null) {
      initOwner(owner);
    }
    setTitle("Open pipeline");
    setHeaderText(
        model.folder() == null ? "Open a pipeline" : "Pipelines in " + model.folder().toString());
    setResizable(true);

    TextField filter = new TextField();
    filter.getStyleClass().add(FILTER);
    filter.setPromptText("Filter by name, description or tag");
    filter.setAccessibleText("Filter pipelines");
    filter.textProperty().bindBidirectional(model.filterProperty());

    table.getStyleClass().add(TABLE);
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.getColumns().setAll(columns());
    model.rows().comparatorProperty().bind(table.comparatorProperty());
    table.setItems(model.rows());
    Label placeholder = new Label();
    placeholder.textProperty().bind(model.statusProperty());
    placeholder.setWrapText(true);
    table.setPlaceholder(placeholder);
    VBox.setVgrow(table, Priority.ALWAYS);

    Label status = new Label();
    status.textProperty().bind(model.statusProperty());
    status.getStyleClass().add("text-muted");

    VBox content = new VBox(8, filter, table, status);
    content.setPadding(new Insets(4, 0, 0, 0));
    getDialogPane().setContent(content);
    getDialogPane().setPrefSize(980, 560);
    // The theme caps dialog panes at 600 px, which would cut the table's columns to a few letters;
    // studio.css lifts the cap for panes marked wide.
    getDialogPane().getStyleClass().add("wide-dialog");
    getDialogPane().getStyleClass().add(FxDialogService.DIALOG);

    ButtonType open = new ButtonType("Open", ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
    getDialogPane()
        .lookupButton(open)
        .disableProperty()
        .bind(table.getSelectionModel().selectedItemProperty().isNull());
    setResultConverter(b -> b == open ? selectedId() : null);

    // Whatever the filter leaves, its first row is selected, so Enter opens the best match.
    model.filterProperty().addListener((obs, old, now) -> table.getSelectionModel().selectFirst());
    model.rows().addListener((javafx.collections.ListChangeListener<PipelineDetails>) c -> keep());
    filter.addEventFilter(KeyEvent.KEY_PRESSED, e -> steer(e, filter));
    table.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            finish();
          }
        });
    table.setRowFactory(
        t -> {
          TableRow<PipelineDetails> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && !row.isEmpty()) {
                  finish();
                }
              });
          return row;
        });
    setOnShown(e -> Platform.runLater(filter::requestFocus));
    Themes.style(getDialogPane(), theme);
    model.load();
  }

  private java.util.List<TableColumn<PipelineDetails, ?>> columns() {
    TableColumn<PipelineDetails, String> name = text("Name", PipelineDetails::name, 190);
    TableColumn<PipelineDetails, String> description =
        text("Description", PipelineDetails::description, 330);
    TableColumn<PipelineDetails, String> tags = text("Tags", p -> String.join(", ", p.tags()), 140);
    TableColumn<PipelineDetails, java.time.Instant> saved = new TableColumn<>("Last saved");
    saved.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastSaved()));
    saved.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(java.time.Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : SAVED_AT.format(item));
              }
            });
    saved.setPrefWidth(150);
    saved.setSortType(TableColumn.SortType.DESCENDING);
    TableColumn<PipelineDetails, Integer> versions = new TableColumn<>("Versions");
    versions.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().versionCount()));
    versions.getStyleClass().add("number-column");
    versions.setPrefWidth(80);
    table.getSortOrder().setAll(java.util.List.of(saved));
    return java.util.List.of(name, description, tags, saved, versions);
  }

  /** A text column whose cells end in an ellipsis and show the whole text as a tooltip. */
  private static TableColumn<PipelineDetails, String> text(
      String title, Function<PipelineDetails, String> value, double width) {
    TableColumn<PipelineDetails, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    column.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                setTextOverrun(OverrunStyle.ELLIPSIS);
                setTooltip(blank ? null : new Tooltip(item));
              }
            });
    column.setPrefWidth(width);
    return column;
  }

  /** Up and Down in the filter move the selection, Enter opens it. */
  private void steer(KeyEvent e, TextField filter) {
    int size = table.getItems().size();
    int at = table.getSelectionModel().getSelectedIndex();
    if (e.getCode() == KeyCode.DOWN && size > 0) {
      table.getSelectionModel().select(Math.min(size - 1, at + 1));
      table.scrollTo(table.getSelectionModel().getSelectedIndex());
      e.consume();
    } else if (e.getCode() == KeyCode.UP && size > 0) {
      table.getSelectionModel().select(Math.max(0, at - 1));
      table.scrollTo(table.getSelectionModel().getSelectedIndex());
      e.consume();
    } else if (e.getCode() == KeyCode.ENTER) {
      e.consume();
      finish();
    }
  }

  private void keep() {
    if (table.getSelectionModel().getSelectedItem() == null && !table.getItems().isEmpty()) {
      table.getSelectionModel().selectFirst();
    }
  }

  private String selectedId() {
    PipelineDetails p = table.getSelectionModel().getSelectedItem();
    return p == null ? null : p.id();
  }

  /** Opens the selected pipeline, if any. */
  private void finish() {
    String id = selectedId();
    if (id != null) {
      setResult(id);
      close();
    }
  }
}
