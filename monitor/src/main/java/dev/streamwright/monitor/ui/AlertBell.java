package dev.streamwright.monitor.ui;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;

/**
 * A bell button for the studio's status bar: it shows how many alerts fire unacknowledged (red
 * while there are any, pseudo-class {@code :firing}) and opens the {@link NotificationCentre} in a
 * window of its own.
 */
public final class AlertBell extends Button {

  private static final PseudoClass FIRING = PseudoClass.getPseudoClass("firing");

  private final NotificationCentre centre;
  private final Consumer<Scene> styler;
  private Stage stage;

  /**
   * A bell for the centre; {@code styler} themes the centre's window as the studio's (e.g. adds its
   * stylesheets).
   */
  public AlertBell(NotificationCentre centre, Consumer<Scene> styler) {
    this.centre = Objects.requireNonNull(centre, "centre");
    this.styler = Objects.requireNonNull(styler, "styler");
    setId("alert-bell");
    getStyleClass().addAll("alert-bell", "flat");
    getStylesheets()
        .add(Objects.requireNonNull(AlertBell.class.getResource("monitor.css")).toExternalForm());
    setGraphic(new FontIcon(MaterialDesignB.BELL_OUTLINE));
    setTooltip(new Tooltip("Alerts: firing, acknowledged and resolved"));
    setFocusTraversable(false);
    centre.unacknowledgedProperty().addListener((o, was, now) -> count(now.intValue()));
    count(centre.unacknowledgedProperty().get());
    setOnAction(e -> open());
  }

  private void count(int n) {
    setText(n == 0 ? "" : Integer.toString(n));
    setGraphic(new FontIcon(n == 0 ? MaterialDesignB.BELL_OUTLINE : MaterialDesignB.BELL_RING));
    pseudoClassStateChanged(FIRING, n > 0);
  }

  /** Opens (or brings forward) the notification centre's window; on the FX thread. */
  public void open() {
    if (stage == null) {
      stage = new Stage();
      stage.setTitle("Alerts");
      Window owner = getScene() == null ? null : getScene().getWindow();
      if (owner != null) {
        stage.initOwner(owner);
      }
      Scene scene = new Scene(centre, 880, 420);
      styler.accept(scene);
      stage.setScene(scene);
    } else {
      styler.accept(stage.getScene());
    }
    stage.show();
    stage.toFront();
  }

  /** The centre's window, once opened; for tests. */
  Stage window() {
    return stage;
  }
}
