package dev.streamwright.app.ui.dialogs;

import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.Themes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX dialogs, owned by the studio window and styled like it. */
public final class FxDialogService implements DialogService {

  /** Style class of every studio dialog, for tests and the stylesheet. */
  public static final String DIALOG = "studio-dialog";

  private final FilePicker files;
  private final Supplier<Theme> theme;
  private Window owner;

  /**
   * @param files the file choosers (native in the studio, scripted in GUI tests)
   * @param theme the current theme, to style each dialog like the window
   */
  public FxDialogService(FilePicker files, Supplier<Theme> theme) {
    this.files = Objects.requireNonNull(files, "files");
    this.theme = Objects.requireNonNull(theme, "theme");
  }

  /** The window dialogs are centred on and modal to. */
  public void setOwner(Window owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String title, String header, String message) {
    show(Alert.AlertType.ERROR, title, header, message);
  }

  @Override
  public void showInformation(String title, String header, String message) {
    show(Alert.AlertType.INFORMATION, title, header, message);
  }

  private void show(Alert.AlertType type, String title, String header, String message) {
    Alert alert = new Alert(type);
    prepare(alert, title, header);
    alert.setContentText(message);
    alert.showAndWait();
  }

  @Override
  public <T> Optional<T> choose(
      String title, String header, String message, List<Choice<T>> choices) {
    Alert alert = new Alert(Alert.AlertType.WARNING);
    prepare(alert, title, header);
    alert.setContentText(message);
    List<ButtonType> buttons = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      // The first choice is the default button; the last closes like Cancel (Esc, window close).
      ButtonData data =
          i == 0
              ? ButtonData.OK_DONE
              : i == choices.size() - 1 ? ButtonData.CANCEL_CLOSE : ButtonData.OTHER;
      buttons.add(new ButtonType(choices.get(i).label(), data));
    }
    alert.getButtonTypes().setAll(buttons);
    return alert
        .showAndWait()
        .map(buttons::indexOf)
        .filter(i -> i >= 0)
        .map(i -> choices.get(i).value());
  }

  @Override
  public <T> Optional<T> pick(
      String title, String header, List<T> items, Function<T, String> describe, String okLabel) {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    Dialog<T> dialog = new Dialog<>();
    prepare(dialog, title, header);
    ListView<T> list = new ListView<>();
    list.getItems().setAll(items);
    list.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    list.getSelectionModel().selectFirst();
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe.apply(item));
              }
            });
    list.setPrefSize(520, 280);
    VBox.setVgrow(list, Priority.ALWAYS);
    dialog.getDialogPane().setContent(new VBox(list));
    ButtonType ok = new ButtonType(okLabel, ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
    dialog
        .getDialogPane()
        .lookupButton(ok)
        .disableProperty()
        .bind(list.getSelectionModel().selectedItemProperty().isNull());
    dialog.setResultConverter(b -> b == ok ? list.getSelectionModel().getSelectedItem() : null);
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
            dialog.setResult(list.getSelectionModel().getSelectedItem());
            dialog.close();
          }
        });
    return dialog.showAndWait();
  }

  @Override
  public Optional<Path> chooseFileToOpen(String title) {
    return files.open(owner, title);
  }

  @Override
  public Optional<Path> chooseModelFile(String title) {
    return files.openModel(owner, title);
  }

  @Override
  public Optional<Path> chooseFileToSave(String title, String suggestedName) {
    return files.save(owner, title, suggestedName);
  }

  @Override
  public Optional<Path> chooseFolder(String title) {
    return files.folder(owner, title);
  }

  private void prepare(Dialog<?> dialog, String title, String header) {
    if (owner != null && owner.isShowing()) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(title);
    dialog.setHeaderText(header);
    dialog.setResizable(true);
    dialog.getDialogPane().getStyleClass().add(DIALOG);
    // Long messages wrap instead of being cut off with an ellipsis.
    dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    dialog.getDialogPane().setPrefWidth(560);
    Themes.style(dialog.getDialogPane(), theme.get());
  }
}
