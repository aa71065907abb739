package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.Problem;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The editor of one property: its label, the input control of the property's kind, the reason typed
 * text is refused (live, before it is stored) and the compiler's problems with the stored value.
 * Subclasses provide the control and show values from the model without storing them.
 */
abstract class PropertyEditor {

  protected final PropertySpec spec;
  protected final EditorContext context;
  private final Label error = message(DesignerStyles.FIELD_ERROR);
  private final Label problems = message(DesignerStyles.FIELD_PROBLEM);
  private VBox view;

  PropertyEditor(PropertySpec spec, EditorContext context) {
    this.spec = spec;
    this.context = context;
  }

  /** The label, control and messages, built on first use. */
  final Node view() {
    if (view == null) {
      Label label = new Label(spec.label() + (spec.required() ? " *" : ""));
      label.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
      Node control = control();
      label.setLabelFor(control);
      String tip = PropertyValues.tooltip(spec);
      if (!tip.isEmpty()) {
        label.setTooltip(new Tooltip(tip));
      }
      view = new VBox(label, control, error, problems);
      view.getStyleClass().add(DesignerStyles.PROPERTY_EDITOR);
    }
    return view;
  }

  /** The input control. */
  protected abstract Node control();

  /** Shows the stored value (null when absent); never stores anything. */
  abstract void show(Object value);

  /** Offers these column names, for editors that pick columns. */
  void showColumns(List<String> columns) {}

  /** Shows the compiler's problems with this property, under the control. */
  final void showProblems(List<Problem> list) {
    setMessage(
        problems,
        list.stream()
            .map(p -> (p.isError() ? "" : "Warning: ") + capitalised(p.message()))
            .collect(Collectors.joining("\n")));
  }

  /** Shows why the typed text is refused; empty hides it. */
  protected final void showError(String text, Node field) {
    setMessage(error, text);
    field.pseudoClassStateChanged(DesignerStyles.ERROR, text != null && !text.isEmpty());
  }

  private static void setMessage(Label label, String text) {
    boolean show = text != null && !text.isEmpty();
    label.setText(show ? text : "");
    label.setVisible(show);
    label.setManaged(show);
  }

  private static Label message(String styleClass) {
    Label label = new Label();
    label.getStyleClass().add(styleClass);
    label.setWrapText(true);
    label.setVisible(false);
    label.setManaged(false);
    return label;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
