package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.alerts.Alert;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.AlertKey;
import dev.streamwright.monitor.alerts.RuleEngine;
import dev.streamwright.monitor.alerts.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

/**
 * The studio's notification centre: the firing, acknowledged and recently resolved alerts of a
 * {@link RuleEngine} with their severity, rule, scope, value and since when, an Acknowledge button,
 * and a toast for each alert that fires and notifies.
 *
 * <p>It listens to the engine's events on the thread that evaluates; it reads the engine there and
 * hands the rows to the FX thread at most once per pulse, and acknowledges on a thread of its own,
 * so the FX thread never waits for the engine. Call {@link #dispose()} when the studio closes.
 */
public final class NotificationCentre extends BorderPane {

  /** How many resolved alerts the list keeps. */
  static final int RESOLVED_SHOWN = 50;

  /** How often the centre reads the engine's values without an event. */
  static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(5);

  /** More firings than this in one pulse are summed up in one toast. */
  static final int TOASTS_PER_PULSE = 3;

  /** What the list says an alert is. */
  enum State {
    FIRING,
    ACKNOWLEDGED,
    RESOLVED
  }

  /** One row of the list, formatted. */
  record Row(
      AlertKey key,
      State state,
      Severity severity,
      String rule,
      String scope,
      String value,
      String since,
      Instant at) {

    String stateText() {
      return state.name().toLowerCase(Locale.ROOT);
    }
  }

  private record Update(List<Row> rows, int unacknowledged, List<String> failures) {}

  /** How many channel failures the centre shows, newest last. */
  static final int FAILURES_SHOWN = 3;

  private final RuleEngine engine;
  private final ZoneId zone;
  private final Clock clock;
  private final Coalescer<Update> coalescer = new Coalescer<>(this::draw);
  private final ConcurrentLinkedQueue<AlertEvent> fired = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "streamwright-notification-centre");
            t.setDaemon(true);
            return t;
          });
  private final Consumer<AlertEvent> listener = this::onEvent;
  private final ReadOnlyIntegerWrapper unacknowledged = new ReadOnlyIntegerWrapper(this, "count");
  private final TableView<Row> table =
      Tables.table("alerts-table", "No alert has fired. Rules are watching.");
  private final Button acknowledge = new Button("Acknowledge");
  private final Label summary = new Label("No alert firing.");
  private final Label failureLine = new Label();
  private final java.util.Deque<String> failures = new java.util.ArrayDeque<>();
  private volatile java.util.function.BiConsumer<AlertKey, Instant> acknowledger;
  private Window toastOwner;
  private long toasts;

  /** A centre on the engine, in the system's time zone. */
  public NotificationCentre(RuleEngine engine) {
    this(engine, ZoneId.systemDefault(), Clock.systemUTC());
  }

  /** A centre on the engine that writes times in the zone and acknowledges at the clock's time. */
  NotificationCentre(RuleEngine engine, ZoneId zone, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.acknowledger = engine::acknowledge;
    this.zone = zone;
    this.clock = clock;
    setId("notification-centre");
    getStyleClass().addAll("monitor-view", "notification-centre");
    getStylesheets()
        .add(
            Objects.requireNonNull(NotificationCentre.class.getResource("monitor.css"))
                .toExternalForm());
    Tables.column(table, "State", Row::stateText, r -> stateStyle(r), false).setPrefWidth(110);
    Tables.column(
            table, "Severity", r -> r.severity().id(), r -> severityStyle(r.severity()), false)
        .setPrefWidth(75);
    Tables.column(table, "Rule", Row::rule).setPrefWidth(150);
    Tables.column(table, "Scope", Row::scope).setPrefWidth(420);
    Tables.number(table, "Value", Row::value).setPrefWidth(100);
    Tables.column(table, "Since", Row::since).setPrefWidth(80);
    table.setPrefSize(960, 360);
    acknowledge.setId("acknowledge-alert");
    acknowledge.setDisable(true);
    acknowledge.setOnAction(e -> acknowledgeSelected());
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> acknowledge.setDisable(now == null || now.state() != State.FIRING));
    summary.setId("alerts-summary");
    summary.getStyleClass().add("panel-subtitle");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, summary, gap, acknowledge);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(0, 0, 6, 0));
    failureLine.setId("alerts-failures");
    failureLine.getStyleClass().add("level-high");
    failureLine.setWrapText(true);
    failureLine.setManaged(false);
    failureLine.setVisible(false);
    setTop(new javafx.scene.layout.VBox(2, bar, failureLine));
    setCenter(table);
    setPadding(new Insets(8));
    engine.addListener(listener);
    worker.scheduleWithFixedDelay(this::read, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Reads the engine again soon, off the FX thread, e.g. after a poll that changed values but made
   * no event; the centre also does so every {@link #REFRESH} by itself.
   */
  public void refresh() {
    if (!worker.isShutdown()) {
      worker.execute(this::read);
    }
  }

  /**
   * Shows that an alert channel failed (e.g. a webhook that does not answer), with the last {@value
   * #FAILURES_SHOWN} failures, from any thread; drawn at the next pulse.
   */
  public void reportFailure(String text) {
    synchronized (failures) {
      failures.addLast(Objects.requireNonNull(text, "text"));
      while (failures.size() > FAILURES_SHOWN) {
        failures.removeFirst();
      }
    }
    refresh();
  }

  /**
   * How Acknowledge acknowledges, called off the FX thread (e.g. an alert centre's, which also
   * dispatches the event to the history); the engine's own by default.
   */
  public void acknowledgeWith(java.util.function.BiConsumer<AlertKey, Instant> acknowledge) {
    this.acknowledger = Objects.requireNonNull(acknowledge, "acknowledge");
  }

  /** Firing alerts nobody acknowledged: the count on the bell; read on the FX thread. */
  public ReadOnlyIntegerProperty unacknowledgedProperty() {
    return unacknowledged.getReadOnlyProperty();
  }

  /** The window toasts are shown over; without one, the first window showing. */
  public void setToastOwner(Window owner) {
    this.toastOwner = owner;
  }

  /** Stops listening and drawing; on the FX thread. */
  public void dispose() {
    engine.removeListener(listener);
    coalescer.stop();
    worker.shutdownNow();
  }

  private void onEvent(AlertEvent event) {
    if (event.kind() == AlertEvent.Kind.FIRED && event.notifies()) {
      fired.add(event);
    }
    read();
  }

  /** Reads the engine and offers the rows; off the FX thread. */
  private void read() {
    List<Row> rows = new ArrayList<>();
    Set<AlertKey> firing = new HashSet<>();
    int open = 0;
    for (Alert a : engine.alerts()) {
      if (a.state() != Alert.State.FIRING) {
        continue;
      }
      firing.add(a.key());
      if (!a.acknowledged()) {
        open++;
      }
      Instant since = a.firedAt().orElse(a.since());
      rows.add(
          new Row(
              a.key(),
              a.acknowledged() ? State.ACKNOWLEDGED : State.FIRING,
              a.rule().severity(),
              a.rule().id(),
              a.series().describe(),
              value(a.value(), a.rule().metric().unit()),
              Fmt.clock(since, zone),
              since));
    }
    rows.sort(
        java.util.Comparator.comparing(Row::state)
            .thenComparing(Row::severity, java.util.Comparator.reverseOrder())
            .thenComparing(Row::at));
    List<AlertEvent> history = engine.history();
    int resolved = 0;
    for (int i = history.size() - 1; i >= 0 && resolved < RESOLVED_SHOWN; i--) {
      AlertEvent e = history.get(i);
      if (e.kind() != AlertEvent.Kind.RESOLVED || firing.contains(e.key())) {
        continue;
      }
      resolved++;
      rows.add(
          new Row(
              e.key(),
              State.RESOLVED,
              e.rule().severity(),
              e.rule().id(),
              e.series().describe(),
              value(e.value(), e.rule().metric().unit()),
              Fmt.clock(e.at(), zone),
              e.at()));
    }
    List<String> failed;
    synchronized (failures) {
      failed = List.copyOf(failures);
    }
    coalescer.offer(new Update(rows, open, failed));
  }

  private void draw(Update update) {
    Tables.replace(table, update.rows(), r -> r.key() + "|" + r.state() + "|" + r.at());
    unacknowledged.set(update.unacknowledged());
    boolean failed = !update.failures().isEmpty();
    failureLine.setText(failed ? "Channel failures: " + String.join("\n", update.failures()) : "");
    failureLine.setManaged(failed);
    failureLine.setVisible(failed);
    long firing = update.rows().stream().filter(r -> r.state() != State.RESOLVED).count();
    summary.setText(
        firing == 0
            ? "No alert firing."
            : firing
                + (firing == 1 ? " alert" : " alerts")
                + " firing, "
                + update.unacknowledged()
                + " not acknowledged.");
    Row selected = table.getSelectionModel().getSelectedItem();
    acknowledge.setDisable(selected == null || selected.state() != State.FIRING);
    toast();
  }

  private void toast() {
    List<AlertEvent> events = new ArrayList<>();
    for (AlertEvent e; (e = fired.poll()) != null; ) {
      events.add(e);
    }
    if (events.isEmpty()) {
      return;
    }
    if (events.size() > TOASTS_PER_PULSE) {
      Severity worst =
          events.stream().map(e -> e.rule().severity()).max(Enum::compareTo).orElseThrow();
      show(worst, events.size() + " alerts fired", "Open the notification centre to see them.");
      return;
    }
    for (AlertEvent e : events) {
      show(e.rule().severity(), "Alert fired: " + e.rule().id(), e.describe());
    }
  }

  private void show(Severity severity, String title, String text) {
    Window owner = toastOwner;
    if (owner == null || !owner.isShowing()) {
      owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
    }
    if (owner == null) {
      return; // nothing on screen to show it over; the list and the bell still say it
    }
    Notifications n =
        Notifications.create()
            .title(title)
            .text(text)
            .owner(owner)
            .hideAfter(javafx.util.Duration.seconds(8));
    n.styleClass("streamwright-toast");
    switch (severity) {
      case CRITICAL -> n.showError();
      case WARNING -> n.showWarning();
      case INFO -> n.showInformation();
    }
    toasts++;
  }

  private void acknowledgeSelected() {
    Row row = table.getSelectionModel().getSelectedItem();
    if (row == null || row.state() != State.FIRING) {
      return;
    }
    acknowledge.setDisable(true);
    AlertKey key = row.key();
    worker.execute(
        () -> {
          acknowledger.accept(key, clock.instant());
          read();
        });
  }

  private static String value(double v, String unit) {
    if (Double.isNaN(v)) {
      return Fmt.UNKNOWN;
    }
    String n =
        v == Math.rint(v) && Math.abs(v) < 1e15
            ? Fmt.count((long) v)
            : String.format(Locale.ROOT, "%.3g", v);
    return unit.isEmpty() ? n : n + " " + unit;
  }

  private static String stateStyle(Row r) {
    return switch (r.state()) {
      case FIRING -> "level-high";
      case ACKNOWLEDGED -> "level-low";
      case RESOLVED -> "muted";
    };
  }

  private static String severityStyle(Severity s) {
    return switch (s) {
      case CRITICAL -> "level-high";
      case WARNING -> "level-low";
      case INFO -> null;
    };
  }

  // For tests (package-private).

  TableView<Row> table() {
    return table;
  }

  Button acknowledgeButton() {
    return acknowledge;
  }

  String summary() {
    return summary.getText();
  }

  String failureText() {
    return failureLine.getText();
  }

  long toasts() {
    return toasts;
  }

  long draws() {
    return coalescer.draws();
  }
}
