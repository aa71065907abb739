package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.runtime.api.NodeHealth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The job's state, uptime, restarts and their root causes, checkpoints and model health. */
final class HealthPanel extends MonitorPanel {

  /** One Model score node's health, formatted. */
  record ModelRow(
      String nodeId, String scored, String invalid, String errors, String lastProblem, String at) {}

  private final Map<String, Label> values = new LinkedHashMap<>();
  private final ListView<String> causes = new ListView<>();
  private final TableView<ModelRow> models =
      Tables.table("model-health-table", "No Model score node.");

  HealthPanel() {
    super("health-panel");
    GridPane job = grid("Job", "State", "Job id", "Started", "Uptime", "Restarts", "Watermark lag");
    GridPane checkpoints =
        grid(
            "Checkpoints",
            "Completed",
            "Failed",
            "In progress",
            "Last duration",
            "Last size",
            "Last completed");
    causes.setId("root-causes");
    causes.setPlaceholder(new Label("No failure."));
    causes.setPrefHeight(120);
    Tables.column(models, "Model node", ModelRow::nodeId);
    Tables.number(models, "Scored rows", ModelRow::scored);
    Tables.number(models, "Invalid rows", ModelRow::invalid);
    Tables.column(
        models,
        "Error rows",
        ModelRow::errors,
        r -> "0".equals(r.errors()) ? null : "breached",
        true);
    Tables.column(models, "Last problem", ModelRow::lastProblem);
    Tables.column(models, "At", ModelRow::at);
    HBox grids = new HBox(32, job, checkpoints);
    VBox body =
        new VBox(
            8,
            grids,
            subtitle("Root causes of the latest failures, newest first"),
            causes,
            subtitle("Model health"),
            models);
    VBox.setVgrow(models, Priority.ALWAYS);
    body.setPadding(new Insets(8));
    body(body);
  }

  private static Label subtitle(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("panel-subtitle");
    return l;
  }

  private GridPane grid(String title, String... names) {
    GridPane g = new GridPane();
    g.setHgap(12);
    g.setVgap(4);
    g.add(subtitle(title), 0, 0, 2, 1);
    for (int i = 0; i < names.length; i++) {
      Label name = new Label(names[i]);
      name.getStyleClass().add("figure-name");
      Label value = new Label(Fmt.UNKNOWN);
      value.getStyleClass().add("figure-value");
      value.setId("health-" + names[i].toLowerCase(Locale.ROOT).replace(' ', '-'));
      values.put(names[i], value);
      g.add(name, 0, i + 1);
      g.add(value, 1, i + 1);
    }
    return g;
  }

  @Override
  boolean live(MonitorSnapshot s) {
    return fresh(s.flink());
  }

  @Override
  String staleReason(MonitorSnapshot s, ZoneId zone) {
    return linkNote("Flink", s.flink(), zone);
  }

  @Override
  void show(MonitorSnapshot s, Context context) {
    ZoneId zone = context.zone();
    if (s.job().isPresent()) {
      JobFigures j = s.job().get();
      set("State", j.state());
      set("Job id", j.jobId());
      set("Started", j.startedAt() == null ? Fmt.UNKNOWN : Fmt.clock(j.startedAt(), zone));
      set("Uptime", j.uptime() == null ? Fmt.UNKNOWN : Fmt.duration(j.uptime()));
      set("Restarts", Fmt.count(j.restarts()));
      set("Watermark lag", Fmt.duration(j.watermarkLag()));
      CheckpointFigures c = j.checkpoints();
      set("Completed", Fmt.count(c.completed()));
      set("Failed", Fmt.count(c.failed()));
      set("In progress", Fmt.count(c.inProgress()));
      set("Last duration", Fmt.duration(c.lastDuration()));
      set("Last size", c.completed() == 0 ? Fmt.UNKNOWN : Fmt.bytes(c.lastSizeBytes()));
      set("Last completed", c.lastCompletedAt().map(t -> Fmt.clock(t, zone)).orElse(Fmt.UNKNOWN));
      Tables.styleOnly(
          values.get("Failed"), List.of("breached"), c.failed() > 0 ? "breached" : null);
      if (!causes.getItems().equals(j.rootCauses())) {
        causes.getItems().setAll(j.rootCauses());
      }
    }
    List<ModelRow> rows = new ArrayList<>();
    for (NodeHealth h : new TreeMap<>(s.modelHealth()).values()) {
      rows.add(
          new ModelRow(
              h.nodeId(),
              Fmt.count(h.scoredRows()),
              Fmt.count(h.invalidRows()),
              Fmt.count(h.errorRows()),
              h.lastProblemText().orElse(""),
              h.lastProblemAt() == null ? "" : Fmt.clock(h.lastProblemAt(), zone)));
    }
    Tables.replace(models, rows, ModelRow::nodeId);
  }

  private void set(String name, String value) {
    values.get(name).setText(value);
  }

  @Override
  boolean focus(String nodeId) {
    return Tables.select(models, nodeId, ModelRow::nodeId);
  }

  // For tests.
  String value(String name) {
    return values.get(name).getText();
  }

  List<String> causes() {
    return causes.getItems();
  }

  TableView<ModelRow> models() {
    return models;
  }
}
