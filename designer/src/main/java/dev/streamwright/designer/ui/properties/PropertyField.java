package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.properties.PropertyValues.Parsed;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The view model of one text field of the property sheet: the text being typed, the live reason it
 * cannot be stored (as the user types), and a commit that stores it as one edit only when it is
 * valid and differs from the stored value. The field view binds to it and calls {@link #commit()}
 * on Enter or when focus leaves.
 */
final class PropertyField {

  private final PropertySpec spec;
  private final Consumer<Object> store;
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private Object stored;

  /**
   * @param spec the property (or list field) the text is for
   * @param store stores a parsed value as one edit
   */
  PropertyField(PropertySpec spec, Consumer<Object> store) {
    this.spec = spec;
    this.store = store;
    error.bind(
        Bindings.createStringBinding(
            () -> {
              Parsed p = PropertyValues.parse(spec, text.get());
              return p.valid() ? "" : p.error();
            },
            text));
  }

  PropertySpec spec() {
    return spec;
  }

  /** The text in the field. */
  StringProperty textProperty() {
    return text;
  }

  /** Why the text cannot be stored; empty when it can. */
  ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Shows a stored value, replacing what was typed. */
  void show(Object value) {
    stored = value;
    text.set(PropertyValues.format(value));
  }

  /** Records the stored value without touching the text (the user is still typing). */
  void storedElsewhere(Object value) {
    stored = value;
  }

  /** Whether the text differs from the stored value. */
  boolean edited() {
    return !text.get().strip().equals(PropertyValues.format(stored));
  }

  /** The value the text stands for, or null if it is invalid or blank. */
  Object value() {
    Parsed p = PropertyValues.parse(spec, text.get());
    return p.valid() ? p.value() : null;
  }

  /** Whether the text can be stored. */
  boolean valid() {
    return error.get().isEmpty();
  }

  /**
   * Stores the text if it is valid and changed.
   *
   * @return false when the text is invalid (and nothing was stored)
   */
  boolean commit() {
    Parsed p = PropertyValues.parse(spec, text.get());
    if (!p.valid()) {
      return false;
    }
    if (!Objects.equals(p.value(), stored)) {
      stored = p.value();
      store.accept(p.value());
    }
    return true;
  }

  /** Puts the stored value back into the text (Escape). */
  void revert() {
    text.set(PropertyValues.format(stored));
  }
}
