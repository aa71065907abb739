package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.run;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.streamwright.monitor.alerts.Condition;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The rule editor refuses bad rules saying why in words, and produces the edited rule set. */
@ExtendWith(ApplicationExtension.class)
class RuleEditorTest {

  private RuleEditorPane editor;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    editor = new RuleEditorPane(DefaultRules.ruleSet(), DefaultRules::ruleSet);
    stage.setScene(new Scene(editor, 1300, 600));
    stage.show();
  }

  private void type(FxRobot robot, String id, String text) {
    TextField f = robot.lookup("#" + id).queryAs(TextField.class);
    run(() -> f.setText(text));
  }

  @SuppressWarnings("unchecked")
  private void choose(FxRobot robot, String id, Object value) {
    ComboBox<Object> box = robot.lookup("#" + id).queryAs(ComboBox.class);
    run(() -> box.setValue(value));
  }

  private boolean save(FxRobot robot) {
    robot.clickOn("#rule-save");
    return fx(() -> editor.error().isEmpty());
  }

  @Test
  void refusesBadInputSayingWhatIsWrong(FxRobot robot) {
    robot.clickOn("#rule-add");
    type(robot, "rule-id", "amount-drift");
    choose(robot, "rule-metric", Metric.DRIFT_PSI);

    type(robot, "rule-condition", "over 0.25");
    assertThat(save(robot)).isFalse();
    assertThat(fx(editor::error))
        .startsWith("Condition: condition 'over 0.25' does not start with a comparison")
        .doesNotContain("Exception");

    type(robot, "rule-condition", ">= 0.25");
    type(robot, "rule-for", "five minutes");
    assertThat(save(robot)).isFalse();
    assertThat(fx(editor::error)).startsWith("For: 'five minutes' is not a duration");

    type(robot, "rule-for", "5m");
    type(robot, "rule-id", "amount drift!");
    assertThat(save(robot)).isFalse();
    assertThat(fx(editor::error)).contains("rule id 'amount drift!' is not valid");

    type(robot, "rule-id", DefaultRules.consumerLag().id());
    assertThat(save(robot)).isFalse();
    assertThat(fx(editor::error))
        .isEqualTo("A rule named 'consumer-lag' exists already; give this one another id.");

    type(robot, "rule-id", "cost");
    choose(robot, "rule-metric", Metric.PROJECTED_MONTHLY_COST);
    type(robot, "rule-instance", "fraud_score");
    assertThat(save(robot)).isFalse();
    assertThat(fx(editor::error))
        .startsWith("Instance: projected_monthly_cost is measured per" + " pipeline");
    // Nothing refused reached the rules.
    assertThat(fx(() -> editor.ruleSet())).isEqualTo(DefaultRules.ruleSet());
  }

  @Test
  void acceptsAGoodRuleEditsAndDeletesAndResets(FxRobot robot) {
    robot.clickOn("#rule-add");
    type(robot, "rule-id", "amount-drift");
    choose(robot, "rule-metric", Metric.DRIFT_PSI);
    type(robot, "rule-deployment", "fraud-detection-1");
    type(robot, "rule-instance", "fraud_score/amount");
    type(robot, "rule-condition", ">= 0.2");
    type(robot, "rule-for", "2m");
    choose(robot, "rule-severity", Severity.CRITICAL);
    type(robot, "rule-dedup", "30m");
    type(robot, "rule-channels", "in-app, ops-webhook");
    assertThat(save(robot)).isTrue();

    RuleSet set = fx(editor::ruleSet);
    Rule added = set.rule("amount-drift").orElseThrow();
    assertThat(added.metric()).isEqualTo(Metric.DRIFT_PSI);
    assertThat(added.scope().deployment()).isEqualTo(Optional.of("fraud-detection-1"));
    assertThat(added.scope().instance()).isEqualTo(Optional.of("fraud_score/amount"));
    assertThat(added.condition()).isEqualTo(Condition.parse(">= 0.2"));
    assertThat(added.forDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(added.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(added.dedupWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(added.channels()).containsExactly("in-app", "ops-webhook");
    assertThat(added.enabled()).isTrue();
    assertThat(set.rules()).hasSize(DefaultRules.ruleSet().rules().size() + 1);

    // Edit: the selected rule's form changes it in place, even its id.
    run(() -> editor.table().getSelectionModel().select(0));
    type(robot, "rule-id", "lag-5k");
    type(robot, "rule-condition", "> 5000");
    assertThat(save(robot)).isTrue();
    List<Rule> rules = fx(() -> editor.ruleSet().rules());
    assertThat(rules.get(0).id()).isEqualTo("lag-5k");
    assertThat(rules.get(0).condition().threshold()).isEqualTo(5000);
    assertThat(rules).noneMatch(r -> r.id().equals("consumer-lag"));

    robot.clickOn("#rule-delete");
    assertThat(fx(() -> editor.ruleSet().rules())).noneMatch(r -> r.id().equals("lag-5k"));

    robot.clickOn("#rule-reset");
    assertThat(fx(editor::ruleSet)).isEqualTo(DefaultRules.ruleSet());
  }

  @Test
  void theDialogHandsTheEditedSetToItsCallback(FxRobot robot) {
    AtomicReference<RuleSet> applied = new AtomicReference<>();
    RuleEditor dialog =
        fx(() -> new RuleEditor(robot.targetWindow(), DefaultRules.ruleSet(), applied::set));
    run(dialog::show);
    run(() -> dialog.pane().resetToDefaults());
    run(() -> dialog.pane().table().getItems().remove(0));
    robot.clickOn("Apply");
    FxWait.until("the dialog closed", () -> !dialog.isShowing());
    assertThat(applied.get().rules()).hasSize(DefaultRules.ruleSet().rules().size() - 1);

    AtomicReference<RuleSet> cancelled = new AtomicReference<>();
    RuleEditor again = fx(() -> new RuleEditor(null, DefaultRules.ruleSet(), cancelled::set));
    run(again::show);
    robot.clickOn("Cancel");
    FxWait.until("the dialog closed", () -> !again.isShowing());
    assertThat(cancelled.get()).isNull();
  }
}
