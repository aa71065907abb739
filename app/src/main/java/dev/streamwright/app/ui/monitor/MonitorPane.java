package dev.streamwright.app.ui.monitor;

import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.ui.DriftPanel;
import dev.streamwright.monitor.ui.MonitorView;
import dev.streamwright.plugin.api.Durations;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The studio's Monitor tab: what is watched, a button to stop watching, and the Monitor view of its
 * snapshots, drift and cost ({@link DriftCostFeed}). A new view for each deployment watched, so
 * charts never mix two deployments.
 */
public final class MonitorPane extends BorderPane {

  /** Ids for tests. */
  public static final String TITLE = "monitor-title";

  public static final String STOP = "monitor-stop";
  public static final String PROBLEM = "monitor-problem";
  public static final String SLO = "monitor-slo";

  private final MonitorViewModel model;
  private final LiveDriftCost driftCost = new LiveDriftCost();
  private MonitorView view;
  private volatile DriftCostFeed.Shown shown;

  public MonitorPane(MonitorViewModel model) {
    this.model = model;
    getStyleClass().add("monitor-pane");
    Label title = new Label();
    title.setId(TITLE);
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.watchingProperty().get() == null
                        ? "Nothing watched. Run a pipeline, or pick a running deployment in"
                            + " Deployments and press Monitor."
                        : "Watching " + model.watchingProperty().get().title(),
                model.watchingProperty()));
    Label problem = new Label();
    problem.setId(PROBLEM);
    problem.getStyleClass().add("text-danger");
    problem.textProperty().bind(model.problemProperty());
    Button stop = new Button("Stop watching", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
    stop.setId(STOP);
    stop.disableProperty().bind(model.watchingProperty().isNull());
    stop.setOnAction(e -> model.stop());
    TextField slo = new TextField();
    slo.setId(SLO);
    slo.setPrefColumnCount(6);
    slo.disableProperty().bind(model.watchingProperty().isNull());
    Tooltip sloTip =
        new Tooltip(
            "The latency objective of this pipeline's sinks, e.g. 500ms, 1s, 2s: p99 above it"
                + " shows red. Kept in the workspace; Enter applies it.");
    slo.setTooltip(sloTip);
    model
        .sloProperty()
        .addListener(
            (obs, old, now) -> {
              slo.setText(now == null ? "" : now.toMillis() + "ms");
              slo.getStyleClass().remove("error");
              if (now != null && view != null) {
                view.setSlo(now);
              }
            });
    slo.setOnAction(
        e -> {
          String text = slo.getText().strip();
          if (!Durations.isValid(text) || Durations.parse(text).isZero()) {
            if (!slo.getStyleClass().contains("error")) {
              slo.getStyleClass().add("error");
            }
            sloTip.setText("'" + text + "' is not a duration: write one such as 500ms, 1s or 2s.");
            return;
          }
          slo.getStyleClass().remove("error");
          model.setSlo(Durations.parse(text));
        });
    Label sloLabel = new Label("Latency objective");
    HBox.setHgrow(title, Priority.ALWAYS);
    title.setMaxWidth(Double.MAX_VALUE);
    HBox header = new HBox(8, title, problem, sloLabel, slo, stop);
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(4, 8, 4, 8));
    setTop(header);
    DriftCostFeed feed = new DriftCostFeed(model, () -> shown, driftCost);
    model.onMonitorStarted(feed::start);
    model
        .watchingProperty()
        .addListener(
            (obs, old, now) -> {
              shown = null;
              driftCost.watch(now == null ? null : now.deploymentId());
              if (view != null) {
                view.dispose();
                view = null;
                setCenter(null);
              }
              if (now != null) {
                view = new MonitorView();
                DriftPanel drift = view.drift();
                drift.setOnUseLastHour((nodeId, column) -> feed.useLastHour(nodeId, column, drift));
                shown = new DriftCostFeed.Shown(now.deploymentId(), view);
                view.setSlo(
                    model.sloProperty().get() != null
                        ? model.sloProperty().get()
                        : model.settings().slo());
                setCenter(view);
              }
            });
    model
        .latestProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && view != null) {
                view.offer(now);
              }
            });
    model
        .historyProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && view != null) {
                view.offerHistory(now);
              }
            });
  }

  /** The watched deployment's drift and cost for the canvas: offer them here. */
  public LiveDriftCost driftCost() {
    return driftCost;
  }

  /** The view of what is watched; null while nothing is. */
  public MonitorView view() {
    return view;
  }

  /** Shows a panel focused on a node, as a click on its canvas badge asks. */
  public void show(MonitorView.Panel panel, String nodeId) {
    if (view != null) {
      view.showPanel(panel, nodeId);
    }
  }

  /** Shows the Drift tab on a node's first column, as a click on its drift badge asks. */
  public void showDrift(String nodeId) {
    if (view != null) {
      view.showDrift(nodeId);
    }
  }

  /** The newest snapshot shown; null before the first. */
  public MonitorSnapshot latest() {
    return model.latestProperty().get();
  }
}
