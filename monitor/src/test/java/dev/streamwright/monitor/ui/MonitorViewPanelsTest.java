package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.run;
import static dev.streamwright.monitor.ui.FxWait.until;
import static dev.streamwright.monitor.ui.Snapshots.partition;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.lag.LagStatus;
import dev.streamwright.monitor.lag.PartitionLag;
import dev.streamwright.monitor.ui.MonitorView.Panel;
import io.fair_acc.chartfx.axes.spi.AbstractAxisParameter;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What each panel shows for synthetic snapshots, and that the view reads in both themes. */
@ExtendWith(ApplicationExtension.class)
class MonitorViewPanelsTest {

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
    run(
        () -> {
          view.dispose();
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        });
  }

  private void show(Snapshots s) {
    Instant at = s.build().at();
    view.offer(s.build());
    until("the snapshot is drawn", () -> view.shown() != null && view.shown().at().equals(at));
  }

  @Test
  void lagShowsGroupsTopicsAndPartitionsWithNoCommitNeverAndStatuses() {
    run(() -> view.showPanel(Panel.LAG, null));
    show(
        Snapshots.atSecond(0)
            .source("txns", 250, 1_234, 800, 900, 2_000)
            .group(
                "fraud-scorer",
                "txns",
                partition(
                    "transactions",
                    0,
                    1_000,
                    990L,
                    Duration.ofSeconds(4),
                    Duration.ofMillis(4_200),
                    Duration.ofSeconds(20),
                    LagStatus.OK),
                partition("transactions", 1, 500, null, null, null, null, LagStatus.OK),
                partition(
                    "transactions",
                    2,
                    2_000,
                    1_500L,
                    Duration.ofMinutes(3),
                    null,
                    PartitionLag.NEVER,
                    LagStatus.STALL),
                partition(
                    "refunds",
                    0,
                    40,
                    40L,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO,
                    LagStatus.OK)));

    List<LagPanel.Row> rows = fx(() -> List.copyOf(view.lag().table().getItems()));
    assertThat(rows)
        .extracting(LagPanel.Row::kind)
        .containsExactly(
            LagPanel.Kind.GROUP,
            LagPanel.Kind.TOPIC,
            LagPanel.Kind.PARTITION,
            LagPanel.Kind.PARTITION,
            LagPanel.Kind.PARTITION,
            LagPanel.Kind.TOPIC,
            LagPanel.Kind.PARTITION);
    LagPanel.Row group = rows.get(0);
    assertThat(group.group()).isEqualTo("fraud-scorer (txns)");
    assertThat(group.offsetLag()).isEqualTo("510 total");
    assertThat(group.timeLagInterpolated()).isEqualTo("3 min 00 s max");
    assertThat(group.status()).isEqualTo("STALL");
    assertThat(rows.get(1).topic()).isEqualTo("transactions");
    assertThat(rows.get(1).offsetLag()).isEqualTo("510 sum");
    assertThat(rows.get(5).offsetLag()).isEqualTo("0 sum");

    LagPanel.Row p0 = rows.get(2);
    assertThat(List.of(p0.partition(), p0.end(), p0.committed(), p0.offsetLag()))
        .containsExactly("0", "1,000", "990", "10");
    assertThat(List.of(p0.timeLagInterpolated(), p0.timeLagDirect(), p0.timeToClose()))
        .containsExactly("4.0 s", "4.2 s", "20.0 s");
    LagPanel.Row p1 = rows.get(3);
    assertThat(p1.committed()).isEqualTo("no commit");
    assertThat(p1.offsetLag()).isEqualTo("no commit");
    assertThat(p1.timeLagInterpolated()).isEqualTo(Fmt.UNKNOWN);
    LagPanel.Row p2 = rows.get(4);
    assertThat(p2.timeToClose()).isEqualTo("never");
    assertThat(p2.status()).isEqualTo("STALL");

    assertThat(fx(() -> view.lag().sources().getItems()))
        .containsExactly(new LagPanel.SourceRow("txns", "1,234", "800 ms", "900 ms"));
    assertThat(fx(() -> view.lookup("#lag-commit-note").isVisible())).isTrue();
    assertThat(cellClasses(view.lag().table(), "STALL")).contains("status-stall");
    assertThat(cellClasses(view.lag().table(), "OK")).contains("status-ok");
    assertThat(fx(() -> view.lag().chart().last(LagPanel.MAX_TIME_LAG))).isEqualTo(180.0);
    assertThat(fx(() -> view.lag().chart().last(LagPanel.TOTAL_OFFSET_LAG))).isEqualTo(510.0);
  }

  @Test
  void aGroupWithoutAnyCommitSaysSoRatherThanZero() {
    show(
        Snapshots.atSecond(0)
            .group(
                "new-group",
                "clicks",
                partition("clicks", 0, 10, null, null, null, null, LagStatus.OK)));
    LagPanel.Row group = fx(() -> view.lag().table().getItems().get(0));
    assertThat(group.offsetLag()).isEqualTo("no commit");
  }

  @Test
  void latencyShowsPercentilesAndMarksABreachedObjective() {
    run(() -> view.showPanel(Panel.LATENCY, null));
    show(
        Snapshots.atSecond(0)
            .source("txns", 100, 0, 10, 10, 2_500)
            .job("RUNNING", 0, List.of(), CheckpointFigures.NONE)
            .sink("alerts", 12_345, 120, 480, 1_450, 2_100, 3_050)
            .sink("scores", 500, 40, 70, 90, 150, 200));

    List<LatencyPanel.Row> rows = fx(() -> List.copyOf(view.latency().table().getItems()));
    LatencyPanel.Row alerts = rows.get(0);
    assertThat(List.of(alerts.nodeId(), alerts.count(), alerts.p50(), alerts.p95(), alerts.p99()))
        .containsExactly("alerts", "12,345", "120 ms", "480 ms", "1.45 s");
    assertThat(List.of(alerts.p999(), alerts.max(), alerts.slo(), alerts.status()))
        .containsExactly("2.10 s", "3.05 s", "1.00 s", "breached");
    assertThat(rows.get(1).status()).isEqualTo("within");
    assertThat(cellClasses(view.latency().table(), "breached")).contains("breached");
    assertThat(cellClasses(view.latency().table(), "within")).contains("within");

    LiveChart chart = view.latency().chart();
    assertThat(fx(() -> chart.points("alerts/breached"))).isEqualTo(1);
    assertThat(fx(() -> chart.last("alerts/p99"))).isEqualTo(1450.0);
    assertThat(fx(() -> chart.points("scores/breached"))).isZero();
    assertThat(fx(() -> view.latency().watermarks().getItems()))
        .containsExactly(new LatencyPanel.WatermarkRow("txns", "2.5 s"));
    assertThat(fx(() -> view.latency().jobWatermarkText())).isEqualTo("Job: 1.5 s");

    view.setSlo(Duration.ofSeconds(5));
    until(
        "the new objective is applied",
        () -> view.latency().table().getItems().get(0).slo().equals("5.00 s"));
    assertThat(fx(() -> view.latency().table().getItems().get(0).status())).isEqualTo("within");
  }

  @Test
  void throughputShowsRatesBackpressureLevelsAndSharedTasks() {
    run(() -> view.showPanel(Panel.THROUGHPUT, null));
    show(
        Snapshots.atSecond(0)
            .node("filter", 1_000, 990, 0.20, 0.05, 0.75)
            .node("score", 990, 990, 0.55, 0.30, 0.15)
            .node("enrich", 1_200.5, 1_200.5, 0.10, 0.80, 0.10)
            .sharedNode("project", 990, 990));
    List<ThroughputPanel.Row> rows = fx(() -> List.copyOf(view.throughput().table().getItems()));
    assertThat(rows)
        .extracting(ThroughputPanel.Row::nodeId)
        .containsExactly("enrich", "filter", "project", "score");
    ThroughputPanel.Row enrich = rows.get(0);
    assertThat(List.of(enrich.in(), enrich.busy(), enrich.backPressured(), enrich.level()))
        .containsExactly("1,200.5/s", "10 %", "80 %", "HIGH");
    assertThat(rows.get(1).level()).isEqualTo("OK");
    assertThat(rows.get(3).level()).isEqualTo("LOW");
    assertThat(rows.get(2).task()).isEqualTo("shared");
    assertThat(rows.get(1).task()).isEmpty();
    assertThat(cellClasses(view.throughput().table(), "HIGH")).contains("level-high");
    assertThat(cellClasses(view.throughput().table(), "LOW")).contains("level-low");
    assertThat(fx(() -> view.throughput().chart().keys()))
        .containsExactlyInAnyOrder("filter", "score", "enrich", "project");
  }

  @Test
  void theThroughputChartDrawsTheBusiestNodesOrTheSelectedOnes() {
    run(() -> view.showPanel(Panel.THROUGHPUT, null));
    Snapshots s = Snapshots.atSecond(0);
    for (int i = 0; i < 12; i++) {
      s.node("n" + (char) ('a' + i), 100 * (i + 1), 100 * (i + 1), 0.1, 0, 0.9);
    }
    show(s);
    LiveChart chart = view.throughput().chart();
    assertThat(fx(chart::keys)).hasSize(12);
    assertThat(fx(chart::shownKeys))
        .as("the ten busiest")
        .hasSize(ThroughputPanel.DEFAULT_CHARTED)
        .doesNotContain("na", "nb");
    assertThat(fx(() -> ((Labeled) view.lookup("#throughput-charted")).getText()))
        .isEqualTo("Charted: the 10 busiest of 12 nodes; select rows to chart others.");

    run(
        () -> {
          view.throughput().table().getSelectionModel().clearSelection();
          view.throughput().table().getSelectionModel().select(0);
          view.throughput().table().getSelectionModel().select(1);
        });
    assertThat(fx(chart::shownKeys)).containsExactlyInAnyOrder("na", "nb");

    show(Snapshots.atSecond(1).node("na", 5, 5, 0.1, 0, 0.9).node("nb", 6, 6, 0.1, 0, 0.9));
    show(s.deployment("again"));
    assertThat(fx(chart::shownKeys))
        .as("the selection, and so the chart, survive new figures")
        .containsExactlyInAnyOrder("na", "nb");
  }

  @Test
  void healthShowsTheJobCheckpointsRootCausesAndModels() {
    run(() -> view.showPanel(Panel.HEALTH, null));
    CheckpointFigures cps =
        new CheckpointFigures(
            42,
            2,
            1,
            Optional.of(Duration.ofMillis(350)),
            3 * 1024 * 1024,
            Optional.of(Snapshots.NOON.minusSeconds(10)));
    show(
        Snapshots.atSecond(0)
            .job("RUNNING", 3, List.of("TaskManager lost", "OutOfMemoryError: heap"), cps)
            .model("score", 10_000, 12, 3, "INPUT column 'amount' is NaN"));
    HealthPanel h = view.health();
    assertThat(fx(() -> h.value("State"))).isEqualTo("RUNNING");
    assertThat(fx(() -> h.value("Uptime"))).isEqualTo("1 h 02 min");
    assertThat(fx(() -> h.value("Started"))).isEqualTo("10:57:55");
    assertThat(fx(() -> h.value("Restarts"))).isEqualTo("3");
    assertThat(fx(() -> h.value("Completed"))).isEqualTo("42");
    assertThat(fx(() -> h.value("Failed"))).isEqualTo("2");
    assertThat(fx(() -> h.value("Last duration"))).isEqualTo("350 ms");
    assertThat(fx(() -> h.value("Last size"))).isEqualTo("3.0 MiB");
    assertThat(fx(() -> h.value("Last completed"))).isEqualTo("11:59:50");
    assertThat(fx(() -> List.copyOf(h.causes())))
        .containsExactly("TaskManager lost", "OutOfMemoryError: heap");
    assertThat(fx(() -> h.models().getItems()))
        .containsExactly(
            new HealthPanel.ModelRow(
                "score", "10,000", "12", "3", "INPUT column 'amount' is NaN", "11:59:55"));
    assertThat(fx(() -> view.header().text("state"))).isEqualTo("RUNNING");
    assertThat(fx(() -> view.header().text("uptime"))).isEqualTo("up 1 h 02 min");
  }

  @Test
  void chartsAndTablesFollowTheDarkTheme() {
    show(Snapshots.atSecond(0).node("filter", 10, 10, 0.1, 0, 0.9));
    run(() -> view.showPanel(Panel.THROUGHPUT, null));
    AbstractAxisParameter axis = (AbstractAxisParameter) view.throughput().chart().valueAxis();
    Color light = fx(() -> (Color) axis.getTickLabelStyle().getFill());

    run(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    show(Snapshots.atSecond(1).node("filter", 11, 11, 0.1, 0, 0.9));

    until(
        "the axis labels turned light on the dark background",
        () -> ((Color) axis.getTickLabelStyle().getFill()).getBrightness() > 0.7);
    assertThat(light.getBrightness()).isLessThan(0.4);
  }

  @Test
  void rowsAndChartsAreCheapToRedrawInSoftware() {
    show(Snapshots.atSecond(0).node("filter", 10, 10, 0.1, 0, 0.9).node("map", 5, 5, 0.1, 0, 0.9));
    run(() -> view.showPanel(Panel.THROUGHPUT, null));
    TableView<?> table = view.throughput().table();
    until("rows show", () -> !table.lookupAll(".table-row-cell:filled").isEmpty());
    // One plain fill per row (no inset fills, which JavaFX draws through a scaled nine-slice
    // image) and an opaque viewport, so a row update repaints from the table down.
    for (Node row : fx(() -> List.copyOf(table.lookupAll(".table-row-cell:filled")))) {
      Background background = fx(() -> ((Region) row).getBackground());
      assertThat(background.getFills()).hasSize(1);
      assertThat(background.getFills().get(0).getInsets()).isEqualTo(Insets.EMPTY);
    }
    Region flow = (Region) fx(() -> table.lookup(".virtual-flow"));
    assertThat(fx(() -> flow.getBackground().getFills().get(0).getFill()))
        .isInstanceOf(Color.class)
        .matches(c -> ((Color) c).isOpaque());
    // The chart's lines are reduced to their envelope, not averaged.
    assertThat(fx(() -> view.throughput().chart().chart().getRenderers()))
        .filteredOn(r -> r instanceof ErrorDataSetRenderer)
        .isNotEmpty()
        .allMatch(
            r -> ((ErrorDataSetRenderer) r).getRendererDataReducer() instanceof EnvelopeReducer);
  }

  /** The style classes of the visible cells of a table that show the text. */
  private static List<String> cellClasses(TableView<?> table, String text) {
    until("a cell shows " + text, () -> !cells(table, text).isEmpty());
    return fx(
        () ->
            cells(table, text).stream()
                .flatMap(c -> c.getStyleClass().stream())
                .distinct()
                .toList());
  }

  private static List<Labeled> cells(TableView<?> table, String text) {
    return table.lookupAll(".table-cell").stream()
        .filter(n -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
        .map(Labeled.class::cast)
        .toList();
  }
}
