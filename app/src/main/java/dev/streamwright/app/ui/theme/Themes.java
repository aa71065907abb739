package dev.streamwright.app.ui.theme;

import java.util.Objects;
import javafx.application.Application;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Applies a {@link Theme}: AtlantaFX as the user-agent stylesheet of every window, plus the
 * studio's own sheet, which maps Modena's looked-up colours onto AtlantaFX's so ControlsFX controls
 * (styled for Modena) stay visible in both themes.
 */
public final class Themes {

  /** Style class on the root of every studio window while the dark theme is on. */
  public static final String DARK = "dark";

  private static final String STUDIO_CSS =
      Objects.requireNonNull(Themes.class.getResource("/dev/streamwright/app/ui/studio.css"))
          .toExternalForm();

  private Themes() {}

  /** Makes {@code theme} the look of every window; call on the FX thread. */
  public static void apply(Theme theme) {
    Application.setUserAgentStylesheet(theme.userAgentStylesheet());
  }

  /** Adds the studio's stylesheet to a scene and marks its root with the theme. */
  public static void style(Scene scene, Theme theme) {
    if (!scene.getStylesheets().contains(STUDIO_CSS)) {
      scene.getStylesheets().add(STUDIO_CSS);
    }
    mark(scene.getRoot(), theme);
  }

  /** Adds the studio's stylesheet to a dialog's content and marks it with the theme. */
  public static void style(Parent dialogRoot, Theme theme) {
    ObservableList<String> sheets = dialogRoot.getStylesheets();
    if (!sheets.contains(STUDIO_CSS)) {
      sheets.add(STUDIO_CSS);
    }
    mark(dialogRoot, theme);
  }

  private static void mark(Parent root, Theme theme) {
    if (root == null) {
      return;
    }
    root.getStyleClass().remove(DARK);
    if (theme.isDark()) {
      root.getStyleClass().add(DARK);
    }
  }
}
