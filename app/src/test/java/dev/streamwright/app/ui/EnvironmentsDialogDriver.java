package dev.streamwright.app.ui;

import dev.streamwright.app.ui.deploy.EnvironmentsDialog;
import dev.streamwright.app.ui.deploy.EnvironmentsViewModel;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Works the Environments dialog and the deploy confirmations as a user does, for the GUI tests. */
final class EnvironmentsDialogDriver {

  static final Duration SHORTLY = Duration.ofSeconds(20);

  private final StudioDriver studio;

  EnvironmentsDialogDriver(StudioDriver studio) {
    this.studio = studio;
  }

  /** Opens the dialog from the toolbar and waits until it lists the environments. */
  EnvironmentsDialogDriver open() throws TimeoutException {
    studio.robot.clickOn("#environments-button");
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isPresent());
    StudioDriver.waitFor(SHORTLY, () -> !table().getItems().isEmpty());
    return this;
  }

  Window window() {
    return studio.dialog().orElseThrow();
  }

  <T extends Node> T find(String query) {
    return studio.robot.from(window().getScene().getRoot()).lookup(query).query();
  }

  TableView<EnvironmentsViewModel.Row> table() {
    return studio
        .robot
        .from(studio.dialog().orElseThrow().getScene().getRoot())
        .lookup("#" + EnvironmentsDialog.TABLE)
        .query();
  }

  /** Clears a field and types into it. */
  void type(String query, String text) {
    TextInputControl field = find(query);
    reveal(field);
    studio.robot.clickOn(field);
    studio.fx(
        () -> {
          field.clear();
          return null;
        });
    if (!text.isEmpty()) {
      studio.robot.write(text);
    }
  }

  void click(String query) {
    Node n = find(query);
    reveal(n);
    studio.robot.clickOn(n);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Scrolls the form so the node is in sight, as a user scrolls to a field below the fold. */
  void reveal(Node n) {
    studio.fx(
        () -> {
          for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
              javafx.geometry.Bounds b =
                  sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
              double room =
                  sp.getContent().getBoundsInLocal().getHeight()
                      - sp.getViewportBounds().getHeight();
              if (room > 0) {
                sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 10) / room)));
              }
              sp.layout();
            }
          }
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The problem shown under a field, e.g. {@code gateway}; empty when none. */
  String error(String field) {
    Label l = find("#env-error-" + field);
    return studio.fx(() -> l.isVisible() ? l.getText() : "");
  }

  /** Selects the environment's row. */
  void select(String name) throws TimeoutException {
    StudioDriver.waitFor(
        SHORTLY, () -> table().getItems().stream().anyMatch(r -> r.name().equals(name)));
    studio.fx(
        () -> {
          TableView<EnvironmentsViewModel.Row> t = table();
          t.getItems().stream()
              .filter(r -> r.name().equals(name))
              .findFirst()
              .ifPresent(r -> t.getSelectionModel().select(r));
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Adds an environment through the form and waits until the list shows it. */
  void add(String name, String gateway, String rest) throws TimeoutException {
    click("#env-add");
    type("#env-name", name);
    type("#env-gateway", gateway);
    type("#env-rest", rest);
    click("#env-save");
    StudioDriver.waitFor(
        SHORTLY, () -> table().getItems().stream().anyMatch(r -> r.name().equals(name)));
  }

  /** Closes the dialog with its Close button. */
  void close() throws TimeoutException {
    Button close =
        studio
            .robot
            .from(window().getScene().getRoot())
            .lookup(".button")
            .match((Button b) -> "Close".equals(b.getText()))
            .query();
    studio.robot.clickOn(close);
    StudioDriver.waitFor(SHORTLY, () -> studio.dialog().isEmpty());
  }

  /** Waits for a confirmation and presses its button named {@code action}. */
  static void confirm(StudioDriver studio, String action) throws TimeoutException {
    StudioDriver.waitFor(
        SHORTLY,
        () ->
            studio
                .robot
                .lookup(".deploy-confirm .button")
                .match((Button b) -> action.equals(b.getText()) && b.isVisible())
                .tryQuery()
                .isPresent());
    Button go =
        studio
            .robot
            .lookup(".deploy-confirm .button")
            .match((Button b) -> action.equals(b.getText()))
            .query();
    studio.robot.clickOn(go);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
