package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.run;
import static dev.streamwright.monitor.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.RuleEngine;
import dev.streamwright.monitor.alerts.SeriesKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The notification centre follows a real rule engine fed from a background thread: counts,
 * acknowledges, lists resolved alerts, and toasts a firing.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationCentreTest {

  static final Instant T0 = PanelFixtures.NOON;

  private final RuleEngine engine = new RuleEngine(DefaultRules.ruleSet());
  private NotificationCentre centre;
  private AlertBell bell;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    centre = new NotificationCentre(engine, ZoneOffset.UTC, Clock.fixed(T0, ZoneOffset.UTC));
    bell = new AlertBell(centre, scene -> {});
    centre.setToastOwner(stage);
    stage.setScene(new Scene(new VBox(bell), 600, 400));
    stage.show();
  }

  @AfterEach
  void dispose() {
    run(
        () -> {
          centre.dispose();
          if (bell.window() != null) {
            bell.window().hide();
          }
          Window.getWindows().stream()
              .filter(w -> w instanceof javafx.stage.Popup)
              .toList()
              .forEach(Window::hide);
        });
  }

  /** One poll of the engine, on a thread of its own as the monitor's poller does. */
  private void poll(long second, Map<SeriesKey, Double> values) throws Exception {
    CompletableFuture.runAsync(() -> engine.evaluate(T0.plusSeconds(second), values))
        .get(10, TimeUnit.SECONDS);
  }

  private static SeriesKey psi(String column) {
    return SeriesKey.column(Metric.DRIFT_PSI, "fraud-detection-1", "fraud_score", column);
  }

  private static SeriesKey failures() {
    return SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "fraud-detection-1");
  }

  @Test
  void countsFiringAlertsAndAcknowledgesTheSelectedOne() throws Exception {
    poll(0, Map.of(psi("amount"), 0.05, failures(), 0.0));
    poll(60, Map.of(psi("amount"), 0.31, failures(), 2.0));
    poll(120, Map.of(psi("amount"), 0.33, failures(), 1.0));
    // Still firing, a new value: no event, so the poller asks for a fresh read.
    centre.refresh();
    until(
        "the new value shows",
        () -> centre.table().getItems().stream().anyMatch(r -> r.value().equals("0.330")));

    until("two alerts fire", () -> centre.unacknowledgedProperty().get() == 2);
    assertThat(fx(bell::getText)).isEqualTo("2");
    assertThat(fx(() -> bell.getPseudoClassStates().toString())).contains("firing");
    List<NotificationCentre.Row> rows = fx(() -> List.copyOf(centre.table().getItems()));
    assertThat(rows)
        .extracting(NotificationCentre.Row::state)
        .containsOnly(NotificationCentre.State.FIRING);
    NotificationCentre.Row drift =
        rows.stream()
            .filter(r -> r.rule().equals(DefaultRules.driftPsi().id()))
            .findFirst()
            .orElseThrow();
    assertThat(drift.scope()).contains("fraud_score/amount").contains("fraud-detection-1");
    assertThat(drift.value()).isEqualTo("0.330");

    run(() -> bell.open());
    assertThat(fx(() -> bell.window().isShowing())).isTrue();
    assertThat(TableCells.classes(centre.table(), "firing")).contains("level-high");
    run(() -> centre.table().getSelectionModel().select(rows.indexOf(drift)));
    assertThat(fx(() -> centre.acknowledgeButton().isDisabled())).isFalse();
    run(() -> centre.acknowledgeButton().fire());

    until("one is left to acknowledge", () -> centre.unacknowledgedProperty().get() == 1);
    assertThat(fx(bell::getText)).isEqualTo("1");
    assertThat(fx(() -> List.copyOf(centre.table().getItems())))
        .extracting(NotificationCentre.Row::state)
        .contains(NotificationCentre.State.ACKNOWLEDGED, NotificationCentre.State.FIRING);
    assertThat(fx(centre::summary)).isEqualTo("2 alerts firing, 1 not acknowledged.");
  }

  @Test
  void resolvedAlertsStayListedAndTheBellGoesQuiet() throws Exception {
    poll(0, Map.of(failures(), 3.0));
    until("the alert fires", () -> centre.unacknowledgedProperty().get() == 1);
    poll(60, Map.of(failures(), 0.0));

    until("it resolved", () -> centre.unacknowledgedProperty().get() == 0);
    assertThat(fx(bell::getText)).isEmpty();
    assertThat(fx(() -> List.copyOf(centre.table().getItems())))
        .extracting(NotificationCentre.Row::state)
        .containsExactly(NotificationCentre.State.RESOLVED);
    assertThat(fx(centre::summary)).isEqualTo("No alert firing.");
  }

  @Test
  void aFiringShowsAToastOverTheStudio() throws Exception {
    long before = fx(centre::toasts);
    poll(0, Map.of(failures(), 3.0));

    until("a toast shows", () -> !toasts().isEmpty());
    assertThat(fx(centre::toasts)).isEqualTo(before + 1);
    String text = fx(() -> toasts().get(0));
    assertThat(text).contains(DefaultRules.checkpointFailures().id());
    // A duplicate within the de-duplication window fires again without a second toast.
    poll(60, Map.of(failures(), 0.0));
    poll(120, Map.of(failures(), 2.0));
    until("the alert fires again", () -> centre.unacknowledgedProperty().get() == 1);
    FxWait.pulses(3);
    assertThat(fx(centre::toasts)).isEqualTo(before + 1);
  }

  /** The texts of the ControlsFX notifications showing; on the FX thread. */
  private static List<String> toasts() {
    return Window.getWindows().stream()
        .filter(Window::isShowing)
        .flatMap(w -> w.getScene().getRoot().lookupAll(".notification-bar").stream())
        .flatMap(n -> n.lookupAll(".label").stream())
        .map(n -> ((javafx.scene.control.Label) n).getText())
        .filter(t -> t != null && !t.isEmpty())
        .toList();
  }
}
