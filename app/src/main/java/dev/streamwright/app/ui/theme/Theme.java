package dev.streamwright.app.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.function.Supplier;

/** The studio's light and dark looks, both AtlantaFX Primer themes; the choice is a setting. */
public enum Theme {
  LIGHT("Light", PrimerLight::new),
  DARK("Dark", PrimerDark::new);

  private final String label;
  private final Supplier<atlantafx.base.theme.Theme> atlantafx;

  Theme(String label, Supplier<atlantafx.base.theme.Theme> atlantafx) {
    this.label = label;
    this.atlantafx = atlantafx;
  }

  /** The name in menus. */
  public String label() {
    return label;
  }

  /** The value stored in the workspace settings. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The theme a stored setting names; light for anything unknown or missing. */
  public static Theme fromSetting(String value) {
    return value != null && value.strip().equalsIgnoreCase("dark") ? DARK : LIGHT;
  }

  /** The other theme. */
  public Theme toggled() {
    return this == LIGHT ? DARK : LIGHT;
  }

  /** AtlantaFX's user-agent stylesheet for this theme. */
  public String userAgentStylesheet() {
    return atlantafx.get().getUserAgentStylesheet();
  }

  /** Whether the theme has light text on a dark background. */
  public boolean isDark() {
    return this == DARK;
  }
}
