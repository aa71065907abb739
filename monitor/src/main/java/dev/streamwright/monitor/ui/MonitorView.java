package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.figures.MonitorSnapshot;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The Monitor view of one running deployment: a header with the job's state, uptime and whether
 * Flink and Kafka answer, and the lag, latency, throughput and health panels.
 *
 * <p>Snapshots may be offered from any thread; the view keeps only the newest pending one and draws
 * it at most once per JavaFX pulse, from an animation timer, so a fast poller never floods the FX
 * thread. Call {@link #dispose()} when the view is closed.
 */
public final class MonitorView extends BorderPane {

  /** The panels of the view. */
  public enum Panel {
    /** Consumer lag per group and partition. */
    LAG,
    /** End-to-end latency per sink and watermark lag. */
    LATENCY,
    /** Records per second and back-pressure per node. */
    THROUGHPUT,
    /** Job state, restarts, checkpoints and model health. */
    HEALTH
  }

  private static final String STYLESHEET =
      Objects.requireNonNull(MonitorView.class.getResource("monitor.css")).toExternalForm();

  private final AtomicReference<MonitorSnapshot> pending = new AtomicReference<>();
  private final AtomicReference<Optional<Duration>> pendingSlo = new AtomicReference<>();
  private final AtomicReference<ChartHistory> pendingHistory = new AtomicReference<>();
  private final ZoneId zone;
  private final HeaderBar header = new HeaderBar();
  private final TabPane tabs = new TabPane();
  private final Map<Panel, MonitorPanel> panels = new EnumMap<>(Panel.class);
  private final Map<Panel, Tab> tabOf = new EnumMap<>(Panel.class);
  private final AnimationTimer timer;
  private final DriftPanel drift;
  private final CostPanel cost;
  private final Tab driftTab;
  private final Tab costTab;
  private Optional<Duration> slo = Optional.empty();
  private MonitorSnapshot shown;
  private Panel focusPanel;
  private String focus;
  private long pulses;
  private long redraws;
  private volatile boolean running;

  /** A view in the system's time zone. */
  public MonitorView() {
    this(ZoneId.systemDefault());
  }

  /** A view that writes wall-clock times in the given zone. */
  MonitorView(ZoneId zone) {
    this.zone = zone;
    getStyleClass().add("monitor-view");
    getStylesheets().add(STYLESHEET);
    panels.put(Panel.LAG, new LagPanel(zone));
    panels.put(Panel.LATENCY, new LatencyPanel(zone));
    panels.put(Panel.THROUGHPUT, new ThroughputPanel(zone));
    panels.put(Panel.HEALTH, new HealthPanel());
    tab(Panel.LAG, "Lag");
    tab(Panel.LATENCY, "Latency");
    tab(Panel.THROUGHPUT, "Throughput and backpressure");
    tab(Panel.HEALTH, "Health");
    // Drift and cost come from their own monitors, not from snapshots: fed through their panels.
    drift = new DriftPanel(zone);
    cost = new CostPanel(zone);
    driftTab = new Tab("Drift", drift);
    driftTab.setId("tab-drift");
    costTab = new Tab("Cost", cost);
    costTab.setId("tab-cost");
    tabs.getTabs().addAll(driftTab, costTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (was != null && was.getContent() instanceof MonitorPanel p) {
                p.showing(false);
              }
              if (now != null && now.getContent() instanceof MonitorPanel p) {
                p.showing(true);
                if (shown != null) {
                  p.refresh(shown, new MonitorPanel.Context(zone, slo));
                }
              }
            });
    Panel first = selectedPanel();
    panels.forEach((panel, p) -> p.showing(panel == first));
    setTop(header);
    setCenter(tabs);
    timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pulse();
          }
        };
    timer.start();
    running = true;
  }

  private void tab(Panel panel, String title) {
    Tab t = new Tab(title, panels.get(panel));
    t.setId("tab-" + panel.name().toLowerCase(Locale.ROOT));
    tabOf.put(panel, t);
    tabs.getTabs().add(t);
  }

  /**
   * Offers a new snapshot, from any thread. Cheap: it replaces the pending one, which the next
   * pulse draws.
   */
  public void offer(MonitorSnapshot snapshot) {
    pending.set(Objects.requireNonNull(snapshot, "snapshot"));
  }

  /**
   * Offers past values for the charts, from any thread, e.g. when the view opens on a deployment
   * that has run for a while; the next pulse puts them before the live points.
   */
  public void offerHistory(ChartHistory history) {
    pendingHistory.set(Objects.requireNonNull(history, "history"));
  }

  /**
   * Sets the latency objective the Latency panel draws and marks breaches against, from any thread;
   * null goes back to each sink's own objective.
   */
  public void setSlo(Duration slo) {
    pendingSlo.set(Optional.ofNullable(slo));
  }

  /**
   * Opens a panel and selects the row of a node (a source's group, a sink, a node or a model node),
   * e.g. when a canvas badge is clicked; on the FX thread. A focus that is not shown yet is
   * selected when it appears.
   */
  public void showPanel(Panel panel, String focus) {
    tabs.getSelectionModel().select(tabOf.get(Objects.requireNonNull(panel, "panel")));
    this.focusPanel = panel;
    this.focus = focus;
    applyFocus();
  }

  /** The Drift tab's panel: feed it with {@link DriftPanel#show} from any thread. */
  public DriftPanel drift() {
    return drift;
  }

  /** The Cost tab's panel: feed it with {@link CostPanel#show} from any thread. */
  public CostPanel cost() {
    return cost;
  }

  /**
   * Opens the Drift tab on a column ({@code nodeId/column}) or a node's first column, e.g. when a
   * canvas drift badge is clicked; on the FX thread.
   */
  public void showDrift(String focus) {
    tabs.getSelectionModel().select(driftTab);
    if (focus != null) {
      drift.focus(focus);
    }
  }

  /** Opens the Cost tab on a deployment; on the FX thread. */
  public void showCost(String deploymentId) {
    tabs.getSelectionModel().select(costTab);
    if (deploymentId != null) {
      cost.focus(deploymentId);
    }
  }

  /** Stops the view's timer, on the FX thread; the view draws nothing more. */
  public void dispose() {
    timer.stop();
    drift.dispose();
    cost.dispose();
    running = false;
    pending.set(null);
  }

  private void pulse() {
    pulses++;
    ChartHistory history = pendingHistory.getAndSet(null);
    if (history != null) {
      history
          .series()
          .forEach((series, points) -> panels.values().forEach(p -> p.seed(series, points)));
    }
    Optional<Duration> newSlo = pendingSlo.getAndSet(null);
    MonitorSnapshot next = pending.getAndSet(null);
    if (newSlo != null) {
      slo = newSlo;
      if (next == null) {
        next = shown;
      }
    }
    if (next == null) {
      return;
    }
    redraws++;
    shown = next;
    header.show(next, zone);
    MonitorPanel.Context context = new MonitorPanel.Context(zone, slo);
    Panel selected = selectedPanel();
    for (Map.Entry<Panel, MonitorPanel> e : panels.entrySet()) {
      e.getValue().render(next, context, e.getKey() == selected);
    }
    applyFocus();
  }

  private void applyFocus() {
    if (focus != null && focusPanel != null && panels.get(focusPanel).focus(focus)) {
      focus = null;
      focusPanel = null;
    }
  }

  // For tests and the benchmark (package-private).

  /** Pulses the timer saw. */
  long pulses() {
    return pulses;
  }

  /** Snapshots drawn. */
  long redraws() {
    return redraws;
  }

  /** Whether the timer runs. */
  boolean running() {
    return running;
  }

  /** The snapshot drawn last. */
  MonitorSnapshot shown() {
    return shown;
  }

  HeaderBar header() {
    return header;
  }

  Panel selectedPanel() {
    Tab selected = tabs.getSelectionModel().getSelectedItem();
    for (Map.Entry<Panel, Tab> e : tabOf.entrySet()) {
      if (e.getValue() == selected) {
        return e.getKey();
      }
    }
    return null;
  }

  LagPanel lag() {
    return (LagPanel) panels.get(Panel.LAG);
  }

  LatencyPanel latency() {
    return (LatencyPanel) panels.get(Panel.LATENCY);
  }

  ThroughputPanel throughput() {
    return (ThroughputPanel) panels.get(Panel.THROUGHPUT);
  }

  HealthPanel health() {
    return (HealthPanel) panels.get(Panel.HEALTH);
  }
}
