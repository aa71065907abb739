package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.ui.dialogs.FxDialogService;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** The confirmation every deploy action asks first: what it does, and a button naming it. */
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
    alert.getDialogPane().setPrefWidth(620);
    alert.setResizable(true);
    return alert.showAndWait().filter(b -> b == go).isPresent();
  }
}
