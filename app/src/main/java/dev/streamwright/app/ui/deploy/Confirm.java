package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.ui.dialogs.FxDialogService;
import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.Themes;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * The confirmation every deploy action asks first: what it does, and a button naming it, in the
 * theme of the window it belongs to.
 */
final class Confirm {

  /** Style class of confirmation dialogs, for tests. */
  static final String STYLE = "deploy-confirm";

  private Confirm() {}

  /**
   * Asks and waits for the answer (on the FX thread).
   *
   * @param extra more content below the text (e.g. a field), or null
   * @return whether the user chose {@code action}
   */
  static boolean ask(
      Window owner, String title, String header, String text, Node extra, String action) {
    ButtonType go = new ButtonType(action, ButtonData.OK_DONE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.setTitle(title);
    alert.setHeaderText(header);
    Label content = new Label(text);
    content.setWrapText(true);
    alert
        .getDialogPane()
        .setContent(extra == null ? content : new javafx.scene.layout.VBox(8, content, extra));
    alert.getDialogPane().getStyleClass().addAll(FxDialogService.DIALOG, STYLE);
    Themes.style(alert.getDialogPane(), themeOf(owner));
    alert.getDialogPane().setPrefWidth(620);
    alert.setResizable(true);
    return alert.showAndWait().filter(b -> b == go).isPresent();
  }

  /** The theme the studio window shows (its root carries {@link Themes#DARK} while dark). */
  static Theme themeOf(Window owner) {
    return owner != null
            && owner.getScene() != null
            && owner.getScene().getRoot() != null
            && owner.getScene().getRoot().getStyleClass().contains(Themes.DARK)
        ? Theme.DARK
        : Theme.LIGHT;
  }
}
