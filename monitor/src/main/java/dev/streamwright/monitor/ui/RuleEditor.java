package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.RuleSet;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * The Alert rules dialog: a {@link RuleEditorPane} with Apply and Cancel; Apply hands the edited
 * {@link RuleSet} to a callback (e.g. the studio's alert centre, which keeps it in the workspace).
 */
public final class RuleEditor extends Dialog<RuleSet> {

  /** The Apply button. */
  public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

  private final RuleEditorPane pane;

  /** A dialog over {@code owner} on these rules; Apply calls {@code apply} with the edited set. */
  public RuleEditor(Window owner, RuleSet rules, Consumer<RuleSet> apply) {
    Objects.requireNonNull(apply, "apply");
    pane = new RuleEditorPane(rules, DefaultRules::ruleSet);
    setTitle("Alert rules");
    setHeaderText(
        "Alerts fire when a metric meets its condition for the 'for' duration; each rule notifies"
            + " its channels at most once per de-duplication window.");
    if (owner != null) {
      initOwner(owner);
    }
    setResizable(true);
    getDialogPane().setContent(pane);
    getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
    setResultConverter(b -> b == APPLY ? pane.ruleSet() : null);
    setOnHidden(
        e -> {
          RuleSet result = getResult();
          if (result != null) {
            apply.accept(result);
          }
        });
  }

  /** The editor's content. */
  public RuleEditorPane pane() {
    return pane;
  }
}
