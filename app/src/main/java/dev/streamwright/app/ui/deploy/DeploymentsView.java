package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.deploy.DeploymentView;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.ui.deploy.DeploymentsViewModel.HistoryLine;
import dev.streamwright.runtime.model.Pipeline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The Deployments tab beside Run output: every deployment across environments with its live state,
 * the selected one's history, and its actions, each confirmed first, with its progress and result
 * in the line above the table. An unreachable environment's rows show UNKNOWN with the reason.
 */
public final class DeploymentsView extends BorderPane {

  /** Ids, for tests. */
  public static final String TABLE = "deployments-table";

  public static final String HISTORY = "deployments-history";
  public static final String STATUS = "deployments-status";

  /** Style class that right-aligns a column's cells (studio.css). */
  private static final String NUMBER = "number-column";

  private final DeploymentsViewModel model;
  private final Supplier<Pipeline> openPipeline;
  private final DeployViewModel deploy;
  private final Consumer<String> browse;
  private final TableView<DeploymentView> table = new TableView<>();
  private Consumer<String> onMonitor = id -> {};

  /**
   * @param model the view's state
   * @param openPipeline the pipeline open in the designer, for Upgrade
   * @param deploy reads the open pipeline's version
   * @param browse opens a URL in the user's browser
   */
  public DeploymentsView(
      DeploymentsViewModel model,
      Supplier<Pipeline> openPipeline,
      DeployViewModel deploy,
      Consumer<String> browse) {
    this.model = model;
    this.openPipeline = openPipeline;
    this.deploy = deploy;
    this.browse = browse;
    getStyleClass().add("deployments-view");

    table.setId(TABLE);
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().setAll(columns());
    table.setRowFactory(t -> CopyMenus.deploymentRow());
    table.setItems(model.rows());
    table.setPlaceholder(
        new Label("No deployments yet: pick an environment next to Deploy on the toolbar."));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null || !model.rows().contains(model.selectedProperty().get())) {
                model.selectedProperty().set(now);
              }
            });
    model
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
              }
            });

    TableView<HistoryLine> history = new TableView<>(model.history());
    history.setId(HISTORY);
    // Every column but What has a maximum width: What takes the room left.
    history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    history.getColumns().setAll(historyColumns());
    history.setRowFactory(t -> CopyMenus.historyRow());
    history.setPlaceholder(new Label("Select a deployment to see its history."));

    SplitPane split = new SplitPane(table, history);
    split.setOrientation(Orientation.HORIZONTAL);
    // The list's columns at their preferred widths on a 1400 px window; the history gets the rest.
    split.setDividerPositions(0.545);
    setCenter(split);
    setTop(actions());
  }

  private VBox actions() {
    var selected = model.selectedProperty();
    BooleanBinding busy = model.busyProperty().or(deploy.busyProperty());
    Button stop =
        button(
            "deployments-stop",
            "Stop with savepoint",
            MaterialDesignS.STOP_CIRCLE_OUTLINE,
            this::stop);
    stop.disableProperty()
        .bind(
            busy.or(
                Bindings.createBooleanBinding(
                    () -> !DeploymentsViewModel.canStop(selected.get()), selected)));
    Button resume =
        button("deployments-resume", "Resume", MaterialDesignP.PLAY_CIRCLE_OUTLINE, this::resume);
    resume
        .disableProperty()
        .bind(
            busy.or(
                Bindings.createBooleanBinding(
                    () -> !DeploymentsViewModel.canResume(selected.get()), selected)));
    Button upgrade =
        button(
            "deployments-upgrade",
            "Upgrade to open version",
            MaterialDesignU.UPLOAD_OUTLINE,
            this::upgrade);
    upgrade
        .disableProperty()
        .bind(
            busy.or(
                Bindings.createBooleanBinding(
                    () -> {
                      DeploymentView v = selected.get();
                      return v == null
                          || v.record() == null
                          || !v.pipelineId().equals(openPipeline.get().id());
                    },
                    selected)));
    upgrade.setTooltip(
        new Tooltip(
            "Deploys the pipeline open in the designer as this deployment's next version,"
                + " keeping its state through a savepoint (it must be the same pipeline)"));
    Button rollback =
        button("deployments-rollback", "Roll back", MaterialDesignR.RESTORE, this::rollback);
    rollback
        .disableProperty()
        .bind(
            busy.or(
                Bindings.createBooleanBinding(
                    () -> !DeploymentsViewModel.canRollBack(selected.get()), selected)));
    Button web =
        button(
            "deployments-web-ui",
            "Open in Flink web UI",
            MaterialDesignO.OPEN_IN_NEW,
            this::openWebUi);
    web.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> model.webUiUrl(selected.get()).isEmpty(), selected));
    Button monitor =
        button(
            "deployments-monitor",
            "Monitor",
            MaterialDesignC.CHART_LINE,
            () -> {
              DeploymentView v = selected.get();
              if (v != null) {
                onMonitor.accept(v.id());
              }
            });
    monitor
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> !DeploymentsViewModel.canStop(selected.get()), selected));
    Button refresh =
        button("deployments-refresh", "Refresh", MaterialDesignR.REFRESH, model::refresh);
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(16, 16);
    progress.setMaxSize(16, 16);
    progress.visibleProperty().bind(model.busyProperty());
    Label refreshed = new Label();
    refreshed.textProperty().bind(model.refreshedProperty());
    refreshed.getStyleClass().add("text-muted");
    HBox bar =
        new HBox(6, stop, resume, upgrade, rollback, monitor, web, refresh, progress, refreshed);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId(STATUS);
    // One line: paths by their folder names and job ids by 8 characters, the whole in a tooltip.
    status
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> DeployText.compact(model.statusProperty().get()), model.statusProperty()));
    status.setTextOverrun(OverrunStyle.ELLIPSIS);
    status.setWrapText(false);
    status.setMaxWidth(Double.MAX_VALUE);
    Tooltip whole = new Tooltip();
    whole.textProperty().bind(model.statusProperty());
    whole.setWrapText(true);
    whole.setMaxWidth(900);
    status.setTooltip(whole);
    MenuItem copyStatus =
        CopyMenus.copy("copy-status", "Copy message", () -> model.statusProperty().get());
    status.setContextMenu(new ContextMenu(copyStatus));
    status.visibleProperty().bind(status.textProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());
    VBox top = new VBox(4, bar, status);
    top.getStyleClass().add("deployments-actions");
    return top;
  }

  // ---- actions -------------------------------------------------------------------------------

  private void stop() {
    DeploymentView v = model.selectedProperty().get();
    if (Confirm.ask(
        getScene().getWindow(),
        "Stop with savepoint",
        "Stop '" + v.pipelineName() + "' on " + v.environment() + " with a savepoint?",
        "Flink takes a savepoint of job "
            + v.jobId()
            + " and stops it; the savepoint is recorded once the cluster reports the job ended,"
            + " and Resume starts from it.",
        null,
        "Stop")) {
      model.stop(v, true);
    }
  }

  private void resume() {
    DeploymentView v = model.selectedProperty().get();
    String from =
        v.latestSavepoint()
            .map(s -> s.path())
            .orElseGet(
                () ->
                    v.record().latestCheckpoint().map(c -> c.path() + " (checkpoint)").orElse(""));
    if (Confirm.ask(
        getScene().getWindow(),
        "Resume",
        "Resume '" + v.pipelineName() + "' on " + v.environment() + "?",
        "Starts version " + v.version() + " again from " + from + ".",
        null,
        "Resume")) {
      model.resume(v);
    }
  }

  private void upgrade() {
    DeploymentView v = model.selectedProperty().get();
    Pipeline open = openPipeline.get();
    model
        .checkUpgrade(v, open)
        .thenCombine(
            deploy.latestVersion(open.id()), (check, version) -> new Object[] {check, version})
        .whenCompleteAsync(
            (both, error) -> {
              if (error != null) {
                model.failed("Upgrade of '" + v.pipelineName() + "' refused", error);
                return;
              }
              var check = (dev.streamwright.runtime.upgrade.StateCheckResult) both[0];
              long version = (Long) both[1];
              CheckBox allow = new CheckBox("Upgrade anyway and lose that state");
              allow.setId("deployments-allow-state-loss");
              boolean go =
                  Confirm.ask(
                      getScene().getWindow(),
                      "Upgrade",
                      "Upgrade '"
                          + v.pipelineName()
                          + "' on "
                          + v.environment()
                          + " to the open version"
                          + (version > 0 ? " (workspace version " + version + ")" : "")
                          + "?",
                      check.summary()
                          + "\nThe running job is stopped with a savepoint and the new version"
                          + " starts from it.",
                      check.losesState() ? allow : null,
                      "Upgrade");
              if (go && (!check.losesState() || allow.isSelected())) {
                model.upgrade(v, open, version, check.losesState());
              }
            },
            javafx.application.Platform::runLater);
  }

  private void rollback() {
    DeploymentView v = model.selectedProperty().get();
    if (Confirm.ask(
        getScene().getWindow(),
        "Roll back",
        "Roll '" + v.pipelineName() + "' on " + v.environment() + " back?",
        "Version "
            + v.version()
            + " is stopped with a savepoint, and version "
            + (v.version() - 1)
            + " starts again from the savepoint taken when it was upgraded.",
        null,
        "Roll back")) {
      model.rollback(v);
    }
  }

  private void openWebUi() {
    model.webUiUrl(model.selectedProperty().get()).ifPresent(browse);
  }

  // ---- columns -------------------------------------------------------------------------------

  private static List<TableColumn<DeploymentView, ?>> columns() {
    TableColumn<DeploymentView, String> state =
        column("State", DeploymentsView::state, DeploymentsView::state, 96, 84);
    state.setId("deployments-state");
    TableColumn<DeploymentView, String> uptime =
        column(
            "Uptime",
            v -> v.state() == DeploymentState.RUNNING ? DeployText.duration(v.uptime()) : "",
            v -> "",
            74,
            70);
    uptime.getStyleClass().add(NUMBER);
    TableColumn<DeploymentView, String> restarts =
        column(
            "Restarts", v -> v.restarts() < 0 ? "" : Long.toString(v.restarts()), v -> "", 84, 80);
    restarts.getStyleClass().add(NUMBER);
    TableColumn<DeploymentView, String> version =
        column("Version", DeploymentsView::version, v -> "", 78, 76);
    version.getStyleClass().add(NUMBER);
    TableColumn<DeploymentView, String> checkpoint =
        column(
            "Last checkpoint",
            v -> DeployText.checkpoint(v.lastCheckpoint(), Instant.now(), ZoneId.systemDefault()),
            v -> DeployText.checkpointDetail(v.lastCheckpoint()),
            184,
            170);
    checkpoint.setId("deployments-checkpoint");
    return List.of(
        column("Pipeline", DeploymentView::pipelineName, DeploymentsView::ids, 116, 100),
        version,
        column("Environment", DeploymentView::environment, v -> "", 118, 112),
        state,
        uptime,
        restarts,
        checkpoint);
  }

  private static String state(DeploymentView v) {
    return v.state() == DeploymentState.UNKNOWN || v.state() == DeploymentState.FAILED
        ? v.state().name() + (v.reason().isEmpty() ? "" : ": " + v.reason())
        : v.state().name();
  }

  /** The pipeline cell's tooltip: what the row's ids are in full. */
  private static String ids(DeploymentView v) {
    return v.pipelineName()
        + "\nPipeline: "
        + v.pipelineId()
        + "\nDeployment: "
        + v.id()
        + (v.jobId().isEmpty() ? "" : "\nJob: " + v.jobId())
        + v.latestSavepoint().map(sp -> "\nLatest savepoint: " + sp.path()).orElse("");
  }

  private static String version(DeploymentView v) {
    String own = v.version() > 0 ? Integer.toString(v.version()) : "";
    return v.pipelineVersion() > 0 ? own + " (v" + v.pipelineVersion() + ")" : own;
  }

  private static List<TableColumn<HistoryLine, ?>> historyColumns() {
    TableColumn<HistoryLine, String> when =
        column("When", h -> DeployText.time(h.at()), h -> DeployText.when(h.at()), 84, 80);
    when.setMaxWidth(120);
    TableColumn<HistoryLine, String> what =
        column("What", HistoryLine::brief, HistoryLine::what, 110, 90);
    what.setId("history-what");
    TableColumn<HistoryLine, String> version =
        column(
            "Version", h -> h.version() > 0 ? Integer.toString(h.version()) : "", h -> "", 80, 76);
    version.setMaxWidth(90);
    version.getStyleClass().add(NUMBER);
    TableColumn<HistoryLine, String> job =
        column("Job", h -> DeployText.shortId(h.jobId()), HistoryLine::jobId, 84, 78);
    job.setMaxWidth(110);
    TableColumn<HistoryLine, String> savepoint =
        column(
            "Savepoint",
            h -> DeployText.folderName(h.savepoint()),
            HistoryLine::savepoint,
            262,
            150);
    savepoint.setMaxWidth(340);
    savepoint.setId("history-savepoint");
    return List.of(when, what, version, job, savepoint);
  }

  /**
   * A text column whose cells end in an ellipsis and show a tooltip: {@code tip}'s text, else the
   * whole cell text when the tip is empty.
   */
  private static <S> TableColumn<S, String> column(
      String title,
      Function<S, String> value,
      Function<S, String> tip,
      double width,
      double minWidth) {
    TableColumn<S, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    column.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                setTextOverrun(OverrunStyle.ELLIPSIS);
                int i = getIndex();
                S row =
                    blank || i < 0 || i >= getTableView().getItems().size()
                        ? null
                        : getTableView().getItems().get(i);
                String full = row == null ? "" : tip.apply(row);
                setTooltip(blank ? null : new Tooltip(full.isEmpty() ? item : full));
              }
            });
    column.setPrefWidth(width);
    column.setMinWidth(minWidth);
    return column;
  }

  /** What the Monitor button does with the selected running deployment's id. */
  public void setOnMonitor(Consumer<String> action) {
    onMonitor = action == null ? id -> {} : action;
  }

  private static Button button(
      String id, String text, org.kordamp.ikonli.Ikon icon, Runnable action) {
    Button b = new Button(text, new FontIcon(icon));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }
}
