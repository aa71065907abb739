package dev.streamwright.app.ui;

import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One command of the studio, defined once and shown as a menu item and, for the frequent ones, a
 * toolbar button: the same text, shortcut, icon and enabled state in both places.
 */
final class StudioAction {

  /** Style class of toolbar buttons made from actions. */
  static final String TOOL_BUTTON = "studio-tool-button";

  private final String id;
  private final StringProperty text = new SimpleStringProperty(this, "text");
  private final Runnable handler;
  private KeyCombination accelerator;
  private Ikon icon;
  private String help;
  private ObservableBooleanValue disabled;

  StudioAction(String id, String text, Runnable handler) {
    this.id = Objects.requireNonNull(id, "id");
    this.text.set(text);
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** The shortcut. */
  StudioAction keys(String combination) {
    this.accelerator = KeyCombination.keyCombination(combination);
    return this;
  }

  /** The icon. */
  StudioAction icon(Ikon ikon) {
    this.icon = ikon;
    return this;
  }

  /** What the toolbar tooltip says besides the name and shortcut. */
  StudioAction help(String sentence) {
    this.help = sentence;
    return this;
  }

  /** When the action is unavailable. */
  StudioAction disabledWhen(ObservableBooleanValue condition) {
    this.disabled = condition;
    return this;
  }

  /** A text that follows the state, e.g. {@code Undo Add Filter 'filter_1'}. */
  StudioAction textFrom(ObservableStringValue value) {
    text.bind(value);
    return this;
  }

  /** Runs the action, unless it is unavailable. */
  void run() {
    if (disabled == null || !disabled.get()) {
      handler.run();
    }
  }

  /** The shortcut, or null. */
  KeyCombination accelerator() {
    return accelerator;
  }

  /** A menu item for the action. */
  MenuItem menuItem() {
    MenuItem item = new MenuItem();
    item.setId(id);
    item.textProperty().bind(text);
    item.setAccelerator(accelerator);
    if (icon != null) {
      item.setGraphic(new FontIcon(icon));
    }
    if (disabled != null) {
      item.disableProperty().bind(disabled);
    }
    item.setOnAction(e -> run());
    return item;
  }

  /** A toolbar button for the action: icon only, with the name and shortcut as tooltip. */
  Button button() {
    Button button = new Button();
    button.setId(id + "-button");
    button.getStyleClass().add(TOOL_BUTTON);
    button.setGraphic(new FontIcon(Objects.requireNonNull(icon, "a toolbar action needs an icon")));
    button.setFocusTraversable(false);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(text.concat(tooltipTail()));
    button.setTooltip(tip);
    button.accessibleTextProperty().bind(text);
    if (disabled != null) {
      button.disableProperty().bind(disabled);
    }
    button.setOnAction(e -> run());
    return button;
  }

  private String tooltipTail() {
    String keys = accelerator == null ? "" : " (" + accelerator.getDisplayText() + ")";
    return keys + (help == null ? "" : "\n" + help);
  }
}
