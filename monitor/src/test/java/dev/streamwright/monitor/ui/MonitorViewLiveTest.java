package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.run;
import static dev.streamwright.monitor.ui.FxWait.until;
import static dev.streamwright.monitor.ui.Snapshots.partition;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.lag.LagStatus;
import dev.streamwright.monitor.ui.MonitorView.Panel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The view over time: a link that goes away and comes back, snapshots from a fast poller thread
 * coalesced to at most one redraw per pulse, opening a panel on a node, and disposal.
 */
@ExtendWith(ApplicationExtension.class)
class MonitorViewLiveTest {

  private static final Instant T_DOWN = Snapshots.NOON.plusSeconds(190);

  private MonitorView view;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    view = new MonitorView(ZoneOffset.UTC);
    stage.setScene(new Scene(view, 1400, 900));
    stage.show();
  }

  @AfterEach
  void dispose() {
    run(() -> view.dispose());
  }

  private void show(Snapshots s) {
    Instant at = s.build().at();
    view.offer(s.build());
    until("the snapshot is drawn", () -> view.shown() != null && view.shown().at().equals(at));
  }

  private static Snapshots running(long second) {
    return Snapshots.atSecond(second)
        .job("RUNNING", 0, List.of(), CheckpointFigures.NONE)
        .node("filter", 100 + second, 100 + second, 0.2, 0.0, 0.8)
        .sink("alerts", 10, 100, 200, 300, 400, 500)
        .group(
            "g",
            "txns",
            partition("t", 0, 100 + second, 90L, Duration.ofSeconds(2), null, null, LagStatus.OK));
  }

  @Test
  void aLostFlinkGreysItsPanelsKeepsTheFiguresAndRecoversWhenItAnswers() {
    run(() -> view.showPanel(Panel.THROUGHPUT, null));
    show(running(0));
    show(running(5));
    assertThat(fx(() -> view.header().text("flink"))).isEqualTo("Flink: connected");
    int points = fx(() -> view.throughput().chart().points("filter"));
    assertThat(points).isEqualTo(2);

    long windows = windows();
    show(running(10).flink(Link.State.DISCONNECTED, T_DOWN, "connection refused"));

    assertThat(fx(() -> view.header().text("flink")))
        .isEqualTo("Flink: disconnected since 12:03:10: connection refused");
    assertThat(fx(() -> view.header().text("kafka"))).isEqualTo("Kafka: connected");
    assertThat(fx(() -> view.throughput().isStale())).isTrue();
    assertThat(fx(() -> view.health().isStale())).isTrue();
    assertThat(fx(() -> view.latency().isStale())).isTrue();
    assertThat(fx(() -> view.lag().isStale())).isFalse();
    assertThat(fx(() -> view.throughput().noteText()))
        .contains("Showing the last figures received")
        .contains("Flink: disconnected since 12:03:10");
    assertThat(fx(() -> view.throughput().table().getItems())).hasSize(1);
    assertThat(fx(() -> view.throughput().chart().points("filter")))
        .as("no point is added from stale figures")
        .isEqualTo(points);
    assertThat(fx(() -> view.lag().chart().points(LagPanel.TOTAL_OFFSET_LAG))).isEqualTo(3);
    assertThat(fx(() -> view.lookup("#throughput-panel .stale-note").isVisible())).isTrue();
    assertThat(windows()).as("a lost link never opens a dialog").isEqualTo(windows);

    show(running(15));

    assertThat(fx(() -> view.header().text("flink"))).isEqualTo("Flink: connected");
    assertThat(fx(() -> view.throughput().isStale())).isFalse();
    assertThat(fx(() -> view.throughput().noteText())).isEmpty();
    assertThat(fx(() -> view.throughput().chart().points("filter"))).isEqualTo(points + 1);
  }

  @Test
  void aLostBrokerGreysTheLagPanelOnly() {
    show(running(0));
    show(running(5).kafka(Link.State.DISCONNECTED, T_DOWN, ""));
    assertThat(fx(() -> view.header().text("kafka")))
        .isEqualTo("Kafka: disconnected since 12:03:10");
    assertThat(fx(() -> view.lag().isStale())).isTrue();
    assertThat(fx(() -> view.lag().noteText())).contains("Kafka: disconnected since 12:03:10");
    assertThat(fx(() -> view.throughput().isStale())).isFalse();
    assertThat(fx(() -> view.lag().table().getItems())).isNotEmpty();
  }

  @Test
  void anEndedDeploymentSaysSoAndKeepsItsLastFigures() {
    run(() -> view.showPanel(Panel.HEALTH, null));
    show(running(0));
    show(
        running(5)
            .flink(Link.State.ENDED, T_DOWN, "job FINISHED")
            .kafka(Link.State.ENDED, T_DOWN, ""));
    assertThat(fx(() -> view.header().text("flink")))
        .isEqualTo("Flink: ended at 12:03:10: job FINISHED");
    assertThat(fx(() -> view.header().text("kafka"))).isEqualTo("Kafka: ended at 12:03:10");
    assertThat(fx(() -> view.health().noteText()))
        .isEqualTo("The deployment ended at 12:03:10: job FINISHED. These are its last figures.");
    assertThat(fx(() -> view.health().isStale())).isTrue();
    assertThat(fx(() -> view.health().value("State"))).isEqualTo("RUNNING");
  }

  @Test
  void snapshotsFromAFastPollerAreCoalescedToOneRedrawPerPulse() throws Exception {
    show(running(0));
    long redrawsBefore = fx(view::redraws);
    long pulsesBefore = fx(view::pulses);

    CompletableFuture<Long> offering =
        CompletableFuture.supplyAsync(
            () -> {
              long start = System.nanoTime();
              for (int i = 1; i <= 1_000; i++) {
                view.offer(running(i).deployment("d-" + i).build());
              }
              return System.nanoTime() - start;
            });
    long offerNanos = offering.get(20, TimeUnit.SECONDS);

    until("the last snapshot is drawn", () -> view.header().text("deployment").equals("d-1000"));
    long redraws = fx(view::redraws) - redrawsBefore;
    long pulses = fx(view::pulses) - pulsesBefore;
    assertThat(redraws).isPositive().isLessThanOrEqualTo(pulses).isLessThan(1_000);
    assertThat(fx(() -> view.shown().deploymentId())).isEqualTo("d-1000");
    assertThat(TimeUnit.NANOSECONDS.toMillis(offerNanos))
        .as("offering is cheap for the poller thread")
        .isLessThan(2_000);
  }

  @Test
  void showPanelOpensThePanelAndSelectsTheNodeEvenBeforeItsFiguresArrive() {
    run(() -> view.showPanel(Panel.LAG, "txns"));
    assertThat(fx(view::selectedPanel)).isEqualTo(Panel.LAG);

    show(running(0));

    until(
        "the group of the node is selected",
        () -> {
          LagPanel.Row selected = view.lag().table().getSelectionModel().getSelectedItem();
          return selected != null && selected.kind() == LagPanel.Kind.GROUP;
        });
    assertThat(fx(() -> view.lag().sources().getSelectionModel().getSelectedItem().nodeId()))
        .isEqualTo("txns");

    run(() -> view.showPanel(Panel.LATENCY, "alerts"));
    assertThat(fx(view::selectedPanel)).isEqualTo(Panel.LATENCY);
    assertThat(fx(() -> view.latency().table().getSelectionModel().getSelectedItem().nodeId()))
        .isEqualTo("alerts");

    show(running(5).sink("alerts", 20, 110, 210, 310, 410, 510));
    assertThat(fx(() -> view.latency().table().getSelectionModel().getSelectedItem()))
        .as("the selection stays on its row when the figures change")
        .extracting(LatencyPanel.Row::nodeId, LatencyPanel.Row::p50)
        .containsExactly("alerts", "110 ms");
  }

  @Test
  void aHiddenPanelKeepsItsChartGoingAndShowsTheNewestFiguresWhenOpened() {
    show(running(0));
    show(running(5));
    assertThat(fx(view::selectedPanel)).isEqualTo(Panel.LAG);
    assertThat(fx(() -> view.throughput().chart().points("filter"))).isEqualTo(2);
    assertThat(fx(() -> view.throughput().table().getItems()))
        .as("a hidden panel's table waits until it is opened")
        .isEmpty();
    assertThat(fx(() -> view.throughput().chart().attached()))
        .as("a hidden chart is out of the scene, so nothing redraws it")
        .isFalse();
    assertThat(fx(() -> view.lag().chart().attached())).isTrue();

    run(() -> view.showPanel(Panel.THROUGHPUT, null));

    assertThat(fx(() -> view.throughput().chart().attached())).isTrue();
    assertThat(fx(() -> view.lag().chart().attached())).isFalse();

    assertThat(fx(() -> view.throughput().table().getItems().get(0).in())).isEqualTo("105.0/s");
    assertThat(fx(() -> view.throughput().chart().points("filter"))).isEqualTo(2);
  }

  @Test
  void pastValuesGoBeforeTheLivePoints() {
    show(running(0));
    ChartHistory.Series filter =
        new ChartHistory.Series(ChartHistory.Figure.RECORDS_PER_SECOND, "filter");
    ChartHistory.Series p99 = new ChartHistory.Series(ChartHistory.Figure.LATENCY_P99_MS, "alerts");
    ChartHistory.Series total = new ChartHistory.Series(ChartHistory.Figure.TOTAL_OFFSET_LAG, null);
    view.offerHistory(
        new ChartHistory(
            java.util.Map.of(
                filter,
                List.of(point(-30, 70), point(-20, 80), point(-10, 90), point(0, 999)),
                p99,
                List.of(point(-10, 1_200)),
                total,
                List.of(point(-10, 5)))));
    show(running(5));

    LiveChart throughput = view.throughput().chart();
    assertThat(fx(() -> throughput.points("filter")))
        .as("three past points, then the two live ones; the past one at the live time is skipped")
        .isEqualTo(5);
    assertThat(fx(() -> throughput.last("filter"))).isEqualTo(105.0);
    assertThat(fx(() -> view.latency().chart().points("alerts/p99"))).isEqualTo(3);
    assertThat(fx(() -> view.lag().chart().points(LagPanel.TOTAL_OFFSET_LAG))).isEqualTo(3);
  }

  private static ChartHistory.Point point(long second, double value) {
    return new ChartHistory.Point(Snapshots.NOON.plusSeconds(second), value);
  }

  @Test
  void disposeStopsTheTimer() {
    show(running(0));
    assertThat(fx(view::running)).isTrue();
    long pulsesBefore = fx(view::pulses);
    FxWait.pulses(3);
    assertThat(fx(view::pulses))
        .as("the timer runs while the view is open")
        .isGreaterThan(pulsesBefore);

    run(view::dispose);
    long pulses = fx(view::pulses);
    long redraws = fx(view::redraws);
    view.offer(running(5).build());
    FxWait.pulses(5);

    assertThat(fx(view::running)).isFalse();
    assertThat(fx(view::pulses)).isEqualTo(pulses);
    assertThat(fx(view::redraws)).isEqualTo(redraws);
    assertThat(fx(() -> view.shown().at())).isEqualTo(Snapshots.NOON);
  }

  private static long windows() {
    return fx(() -> Window.getWindows().stream().filter(Window::isShowing).count());
  }
}
