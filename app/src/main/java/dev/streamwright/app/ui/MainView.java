package dev.streamwright.app.ui;

import dev.streamwright.app.ui.deploy.DeploymentsView;
import dev.streamwright.app.ui.monitor.LiveFigures;
import dev.streamwright.app.ui.monitor.MonitorPane;
import dev.streamwright.app.ui.run.RunOutputView;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.canvas.CanvasView;
import dev.streamwright.designer.ui.palette.PaletteView;
import dev.streamwright.designer.ui.problems.ProblemsView;
import dev.streamwright.designer.ui.properties.PropertySheetView;
import dev.streamwright.designer.ui.sql.SqlView;
import dev.streamwright.monitor.ui.MonitorView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The studio window's content: menu bar and toolbar on top, the palette, canvas and property sheet
 * side by side, the Problems, SQL and Run output tabs below, and the status bar. It only arranges
 * and binds views; every action goes through {@link MainViewModel}.
 */
public final class MainView extends BorderPane {

  /** Ids of the bottom tabs, for tests. */
  public static final String PROBLEMS_TAB = "tab-problems";

  public static final String SQL_TAB = "tab-sql";
  public static final String RUN_TAB = "tab-run";
  public static final String DEPLOYMENTS_TAB = "tab-deployments";
  public static final String MONITOR_TAB = "tab-monitor";

  private final CanvasView canvas;
  private final PaletteView palette;
  private final SqlView sql;
  private final TabPane bottom = new TabPane();
  private final StudioActions actions;

  private final Tab deploymentsTab;
  private final Tab monitorTab;
  private final MonitorPane monitor;

  public MainView(MainViewModel model, StudioActions.Window window) {
    this(model, window, url -> {});
  }

  /**
   * @param browse opens a URL in the user's browser (the Flink web UI of a deployment)
   */
  public MainView(
      MainViewModel model,
      StudioActions.Window window,
      java.util.function.Consumer<String> browse) {
    getStyleClass().add("studio");
    DesignerViewModel designer = model.designer();
    palette = new PaletteView(designer);
    canvas = new CanvasView(designer);
    PropertySheetView properties = new PropertySheetView(designer);
    sql = new SqlView(designer);
    actions = new StudioActions(model, canvas, window);

    VBox top = new VBox(new StudioMenuBar(model, actions), new StudioToolBar(model, actions));
    setTop(top);

    palette.setMinWidth(180);
    properties.setMinWidth(240);
    SplitPane editor = new SplitPane(palette, canvas, properties);
    editor.setDividerPositions(0.16, 0.76);
    SplitPane.setResizableWithParent(palette, false);
    SplitPane.setResizableWithParent(properties, false);

    // The designer's problems include what the last run found (see MainViewModel).
    Tab problemsTab = tab(PROBLEMS_TAB, "Problems", new ProblemsView(designer));
    problemsTab
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  int n = designer.outputs().problems().size();
                  return n == 0 ? "Problems" : "Problems (" + n + ")";
                },
                designer.outputs().problems()));
    Tab sqlTab = tab(SQL_TAB, "SQL", sql);
    Tab runTab = tab(RUN_TAB, "Run output", new RunOutputView(model.run()));
    deploymentsTab =
        tab(
            DEPLOYMENTS_TAB,
            "Deployments",
            new DeploymentsView(
                model.deploy().deployments(), designer::pipeline, model.deploy().deploy(), browse));
    // The list refreshes in the background only while it can be seen.
    model.deploy().deployments().visibleProperty().bind(deploymentsTab.selectedProperty());
    monitor = new MonitorPane(model.monitor());
    monitorTab = tab(MONITOR_TAB, "Monitor", monitor);
    ((DeploymentsView) deploymentsTab.getContent())
        .setOnMonitor(
            id -> {
              model.monitor().watchDeployment(id);
              bottom.getSelectionModel().select(monitorTab);
            });
    LiveFigures.show(
        model.monitor(), designer, canvas, this::openPanel, monitor.driftCost(), this::openDrift);
    bottom.getTabs().setAll(problemsTab, sqlTab, runTab, deploymentsTab, monitorTab);
    bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    bottom.getStyleClass().add("bottom-tabs");
    // A run shows its output; a failed one its problems.
    model
        .run()
        .phaseProperty()
        .addListener(
            (obs, old, now) -> {
              switch (now) {
                case CHECKING -> bottom.getSelectionModel().select(runTab);
                case FAILED -> bottom.getSelectionModel().select(problemsTab);
                default -> {}
              }
            });

    SplitPane main = new SplitPane(editor, bottom);
    main.setOrientation(Orientation.VERTICAL);
    main.setDividerPositions(0.63);
    SplitPane.setResizableWithParent(bottom, false);
    setCenter(main);
    setBottom(new StatusBarView(model));
  }

  private static Tab tab(String id, String text, javafx.scene.Node content) {
    Tab tab = new Tab(text, content);
    tab.setId(id);
    return tab;
  }

  /** Adds the shortcuts no menu item carries (a second one for Run) to the window's scene. */
  void installExtraShortcuts(Scene scene) {
    scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), actions.run::run);
  }

  /** The canvas. */
  public CanvasView canvas() {
    return canvas;
  }

  /** The palette. */
  public PaletteView palette() {
    return palette;
  }

  /** The SQL view. */
  public SqlView sql() {
    return sql;
  }

  /** Shows the Monitor tab on a panel focused on a node (a canvas badge was clicked). */
  private void openPanel(MonitorView.Panel panel, String nodeId) {
    bottom.getSelectionModel().select(monitorTab);
    monitor.show(panel, nodeId);
  }

  /** Shows the Monitor tab's Drift tab on a node's columns (its drift badge was clicked). */
  private void openDrift(String nodeId) {
    bottom.getSelectionModel().select(monitorTab);
    monitor.showDrift(nodeId);
  }

  /** The Monitor tab's content. */
  public MonitorPane monitor() {
    return monitor;
  }

  /** Shows the Deployments tab. */
  public void showDeployments() {
    bottom.getSelectionModel().select(deploymentsTab);
  }

  /** The bottom tab pane (Problems, SQL, Run output, Deployments, Monitor). */
  public TabPane bottomTabs() {
    return bottom;
  }
}
