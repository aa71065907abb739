package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.alerts.Condition;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.Scope;
import dev.streamwright.monitor.alerts.ScopeKind;
import dev.streamwright.monitor.alerts.Severity;
import dev.streamwright.plugin.api.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The content of the rule editor: the rules in a table (metric, scope, condition, for, severity,
 * de-duplication, channels, enabled) and a form to add, change and delete them. A rule that cannot
 * be saved says what is wrong in words under the form; {@link #ruleSet()} is the edited set.
 */
public final class RuleEditorPane extends BorderPane {

  private final Supplier<RuleSet> defaults;
  private final TableView<Rule> table = new TableView<>();
  private final TextField id = field("rule-id", "e.g. fraud-amount-drift");
  private final TextField description = field("rule-description", "what it watches, in words");
  private final ComboBox<Metric> metric = new ComboBox<>();
  private final TextField deployment = field("rule-deployment", "every deployment");
  private final TextField instance = field("rule-instance", "every instance");
  private final TextField condition = field("rule-condition", "e.g. > 1000 or >= 0.25");
  private final TextField forDuration = field("rule-for", "e.g. 0s, 5m");
  private final ComboBox<Severity> severity = new ComboBox<>();
  private final TextField dedup = field("rule-dedup", "e.g. 1h");
  private final TextField channels = field("rule-channels", "e.g. in-app, ops-webhook");
  private final CheckBox enabled = new CheckBox("Enabled");
  private final Label error = new Label();
  private String editing;

  /** An editor on these rules; Reset to defaults puts back {@code defaults}' rules. */
  public RuleEditorPane(RuleSet rules, Supplier<RuleSet> defaults) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    setId("rule-editor");
    getStylesheets()
        .add(
            Objects.requireNonNull(RuleEditorPane.class.getResource("monitor.css"))
                .toExternalForm());
    getStyleClass().add("rule-editor");
    table.setId("rules-table");
    table.setPlaceholder(new Label("No rule: nothing will alert. Add one or reset to defaults."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    column("Rule", Rule::id, 120);
    column("Metric", r -> r.metric().id(), 180);
    column("Scope", RuleEditorPane::scopeText, 150);
    column("Condition", r -> r.condition().toString(), 80);
    column("For", r -> duration(r.forDuration()), 45);
    column("Severity", r -> r.severity().id(), 70);
    column("De-dup", r -> duration(r.dedupWindow()), 55);
    column("Channels", r -> String.join(", ", r.channels()), 90);
    column("Enabled", r -> r.enabled() ? "yes" : "no", 60);
    table.getItems().setAll(rules.rules());
    table.setPrefSize(880, 260);
    table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> load(now));

    metric.setId("rule-metric");
    metric.getItems().setAll(Metric.values());
    metric.setConverter(converter(Metric::id));
    metric.valueProperty().addListener((o, was, now) -> scopeHint());
    severity.setId("rule-severity");
    severity.getItems().setAll(Severity.values());
    severity.setConverter(converter(Severity::id));
    enabled.setId("rule-enabled");
    error.setId("rule-error");
    error.getStyleClass().add("rule-error");
    error.setWrapText(true);
    error.setMaxWidth(380);
    error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    int row = 0;
    form.addRow(row++, new Label("Id"), id);
    form.addRow(row++, new Label("Description"), description);
    form.addRow(row++, new Label("Metric"), metric);
    form.addRow(row++, new Label("Deployment"), deployment);
    form.addRow(row++, new Label("Instance"), instance);
    form.addRow(row++, new Label("Condition"), condition);
    form.addRow(row++, new Label("For"), forDuration);
    form.addRow(row++, new Label("Severity"), severity);
    form.addRow(row++, new Label("De-duplication"), dedup);
    form.addRow(row++, new Label("Channels"), channels);
    form.add(enabled, 1, row++);
    Button save = new Button("Save rule");
    save.setId("rule-save");
    save.setDefaultButton(false);
    save.setOnAction(e -> save());
    form.add(save, 1, row++);
    form.add(error, 0, row, 2, 1);

    Button add = new Button("Add");
    add.setId("rule-add");
    add.setOnAction(e -> startNew());
    Button delete = new Button("Delete");
    delete.setId("rule-delete");
    delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    delete.setOnAction(e -> deleteSelected());
    Button reset = new Button("Reset to defaults");
    reset.setId("rule-reset");
    reset.setOnAction(e -> resetToDefaults());
    HBox buttons = new HBox(8, add, delete, reset);
    VBox left = new VBox(6, table, buttons);
    VBox.setVgrow(table, Priority.ALWAYS);
    HBox.setHgrow(left, Priority.ALWAYS);
    HBox body = new HBox(16, left, form);
    body.setPadding(new Insets(8));
    setCenter(body);
    startNew();
  }

  /** The rules as edited. */
  public RuleSet ruleSet() {
    return new RuleSet(table.getItems());
  }

  /** Clears the form for a new rule. */
  void startNew() {
    table.getSelectionModel().clearSelection();
    editing = null;
    id.setText("");
    description.setText("");
    metric.setValue(Metric.CONSUMER_LAG_RECORDS);
    deployment.setText("");
    instance.setText("");
    condition.setText("");
    forDuration.setText("0s");
    severity.setValue(Severity.WARNING);
    dedup.setText(duration(Rule.DEFAULT_DEDUP));
    channels.setText(DefaultRules.IN_APP);
    enabled.setSelected(true);
    error.setText("");
  }

  private void load(Rule r) {
    if (r == null) {
      return;
    }
    editing = r.id();
    id.setText(r.id());
    description.setText(r.description());
    metric.setValue(r.metric());
    deployment.setText(r.scope().deployment().orElse(""));
    instance.setText(r.scope().instance().orElse(""));
    condition.setText(r.condition().toString());
    forDuration.setText(duration(r.forDuration()));
    severity.setValue(r.severity());
    dedup.setText(duration(r.dedupWindow()));
    channels.setText(String.join(", ", r.channels()));
    enabled.setSelected(r.enabled());
    error.setText("");
  }

  /**
   * Saves the form as a rule: it replaces the rule being edited, or is added. Returns whether it
   * was saved; if not, the error line says why.
   */
  boolean save() {
    Rule rule;
    try {
      rule = fromForm();
    } catch (IllegalArgumentException e) {
      error.setText(e.getMessage());
      return false;
    }
    List<Rule> rules = new ArrayList<>(table.getItems());
    for (Rule other : rules) {
      if (other.id().equals(rule.id()) && !other.id().equals(editing)) {
        error.setText("A rule named '" + rule.id() + "' exists already; give this one another id.");
        return false;
      }
    }
    int at = editing == null ? -1 : indexOf(rules, editing);
    if (at >= 0) {
      rules.set(at, rule);
    } else {
      rules.add(rule);
      at = rules.size() - 1;
    }
    table.getItems().setAll(rules);
    table.getSelectionModel().select(at);
    error.setText("");
    return true;
  }

  private Rule fromForm() {
    String name = id.getText() == null ? "" : id.getText().strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Give the rule an id, e.g. fraud-amount-drift.");
    }
    Metric m = metric.getValue();
    if (m == null) {
      throw new IllegalArgumentException("Choose the metric the rule watches.");
    }
    Condition c = parse("Condition", () -> Condition.parse(condition.getText()));
    Duration hold = parse("For", () -> Durations.parse(forDuration.getText()));
    Duration window = parse("De-duplication", () -> Durations.parse(dedup.getText()));
    Optional<String> where = optional(deployment.getText());
    Optional<String> which = optional(instance.getText());
    if (m.scope() == ScopeKind.PIPELINE && which.isPresent()) {
      throw new IllegalArgumentException(
          "Instance: "
              + m.id()
              + " is measured per pipeline, so leave the instance empty (narrow the rule with"
              + " a deployment instead).");
    }
    Scope scope = parse("Scope", () -> new Scope(m.scope(), where, which));
    List<String> names =
        Arrays.stream((channels.getText() == null ? "" : channels.getText()).split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    Severity s = severity.getValue() == null ? Severity.WARNING : severity.getValue();
    return new Rule(
        name, description.getText(), m, scope, c, hold, s, window, names, enabled.isSelected());
  }

  private static <T> T parse(String field, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  private void deleteSelected() {
    Rule r = table.getSelectionModel().getSelectedItem();
    if (r != null) {
      table.getItems().remove(r);
      startNew();
    }
  }

  /** Puts back the default rules. */
  void resetToDefaults() {
    table.getItems().setAll(defaults.get().rules());
    startNew();
  }

  private void scopeHint() {
    Metric m = metric.getValue();
    boolean pipeline = m != null && m.scope() == ScopeKind.PIPELINE;
    instance.setDisable(pipeline);
    instance.setPromptText(
        m == null
            ? "every instance"
            : pipeline
                ? "none: measured per pipeline"
                : m.scope() == ScopeKind.COLUMN
                    ? "every column (or nodeId/column)"
                    : "every " + m.scope().id());
  }

  private static int indexOf(List<Rule> rules, String ruleId) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(ruleId)) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<String> optional(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  private void column(String title, java.util.function.Function<Rule, String> text, double width) {
    TableColumn<Rule, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setMinWidth(Math.min(width, 60));
    c.setSortable(false);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
    table.getColumns().add(c);
  }

  private static TextField field(String id, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefColumnCount(16);
    return f;
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : name.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException("not editable");
      }
    };
  }

  /** A scope in words: {@code every group}, {@code node 'sink' in 'fraud-1'}. */
  static String scopeText(Rule r) {
    Scope s = r.scope();
    String what =
        s.kind() == ScopeKind.PIPELINE
            ? "pipeline"
            : s.instance()
                .map(i -> s.kind().id() + " '" + i + "'")
                .orElse("every " + s.kind().id());
    return what + s.deployment().map(d -> " in '" + d + "'").orElse("");
  }

  /** A duration as rules write it: {@code 5m}, {@code 1h}, {@code 250ms}, {@code 0s}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (ms != 0 && ms % units[i] == 0) {
        return ms / units[i] + names[i];
      }
    }
    return ms == 0 ? "0s" : ms + "ms";
  }

  // For tests (package-private).

  TableView<Rule> table() {
    return table;
  }

  String error() {
    return error.getText();
  }
}
