package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.run;
import static dev.streamwright.monitor.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.streamwright.monitor.drift.DriftMethod;
import dev.streamwright.monitor.drift.DriftStatus;
import dev.streamwright.monitor.drift.NumericProfile;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The drift panel shows given windows' drift: rows, status colours, histograms and measures. */
@ExtendWith(ApplicationExtension.class)
class DriftPanelTest {

  private DriftPanel panel;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    panel = new DriftPanel(ZoneOffset.UTC);
    stage.setScene(new Scene(panel, 1300, 800));
    stage.show();
  }

  @AfterEach
  void dispose() {
    run(
        () -> {
          panel.dispose();
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        });
  }

  private void show(DriftView view) {
    long before = fx(panel::draws);
    panel.show(view);
    until("the view is drawn", () -> panel.draws() > before);
  }

  @Test
  void rowsShowEachColumnsDefaultMeasureStatusAndMissing() {
    DriftView view = PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.4);
    show(view);

    List<DriftPanel.Row> rows = fx(() -> List.copyOf(panel.table().getItems()));
    assertThat(rows)
        .extracting(DriftPanel.Row::column)
        .containsExactly(
            "amount", "avg_1min_spend", "merchant", "tx_count_1min", "fraud_probability");
    DriftView.Column amount = view.columns().get(0);
    // A 10,000-row reference: Wasserstein decides a numeric column's status (Evidently's choice).
    assertThat(amount.drift().method()).isEqualTo(DriftMethod.WASSERSTEIN);
    assertThat(amount.drift().status()).isEqualTo(DriftStatus.DRIFT);
    assertThat(amount.drift().measure(DriftMethod.PSI).value()).isGreaterThanOrEqualTo(0.25);
    DriftPanel.Row first = rows.get(0);
    assertThat(first.nodeId()).isEqualTo("fraud_score");
    assertThat(first.measure()).isEqualTo("Wasserstein (norm.)");
    assertThat(first.value()).isEqualTo(String.format(Locale.ROOT, "%.3f", amount.drift().value()));
    assertThat(first.missing()).isEqualTo("12 (0 %)");
    assertThat(rows.get(2).measure()).isEqualTo("Jensen-Shannon");
    assertThat(rows.get(3).status()).isEqualTo(DriftStatus.NO_DRIFT);

    assertThat(TableCells.classes(panel.table(), "drift")).contains("level-high");
    assertThat(TableCells.classes(panel.table(), "no drift")).contains("level-ok");
    assertThat(fx(panel::shareLabel))
        .startsWith("Dataset drift: ")
        .contains("of 5 columns drifted")
        .endsWith(" at 12:00:00.");
    // The colours are the theme's: red and green text, not the same.
    Color red = fx(() -> (Color) TableCells.cells(panel.table(), "drift").get(0).getTextFill());
    Color green =
        fx(() -> (Color) TableCells.cells(panel.table(), "no drift").get(0).getTextFill());
    assertThat(red.getRed()).isGreaterThan(red.getGreen());
    assertThat(green.getGreen()).isGreaterThan(green.getRed());
  }

  @Test
  void histogramsHaveOneBarPerReferenceBinWithUnderAndOverflow() {
    DriftView view = PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.4);
    show(view);
    run(() -> panel.table().getSelectionModel().select(0));

    NumericProfile reference = (NumericProfile) view.columns().get(0).reference();
    int bins = reference.edges().length + 1; // inner bins + under- and overflow
    List<XYChart.Series<String, Number>> series =
        fx(() -> List.copyOf(panel.histogram().getData()));
    assertThat(series).extracting(XYChart.Series::getName).containsExactly("reference", "current");
    assertThat(series.get(0).getData()).hasSize(bins);
    assertThat(series.get(1).getData()).hasSize(bins);
    assertThat(series.get(0).getData().get(0).getXValue()).startsWith("< ");
    assertThat(series.get(0).getData().get(bins - 1).getXValue()).startsWith("> ");
    // The reference has nothing outside its own range and a tenth in each decile bin; the shifted
    // window piles up in the top bins.
    assertThat(series.get(0).getData().get(0).getYValue().doubleValue()).isZero();
    assertThat(series.get(0).getData().get(bins - 1).getYValue().doubleValue()).isZero();
    assertThat(series.get(0).getData().get(bins - 2).getYValue().doubleValue())
        .isCloseTo(10, org.assertj.core.data.Offset.offset(0.1));
    long[] current = view.columns().get(0).current().counts();
    long total = java.util.Arrays.stream(current).sum();
    assertThat(series.get(1).getData().get(bins - 2).getYValue().doubleValue())
        .isCloseTo(100.0 * current[bins - 2] / total, org.assertj.core.data.Offset.offset(1e-9))
        .isGreaterThan(25);
    // Each bar drawn: as many bar nodes as data points.
    FxWait.pulses(3);
    assertThat(
            fx(
                () ->
                    panel.histogram().lookupAll(".chart-bar").stream()
                        .filter(n -> !n.getStyleClass().contains("bar-legend-symbol"))
                        .map(n -> n.getStyleClass().toString())
                        .toList()))
        .hasSize(2 * bins);

    run(() -> panel.table().getSelectionModel().select(2));
    List<String> categories =
        fx(
            () ->
                panel.histogram().getData().get(0).getData().stream()
                    .map(XYChart.Data::getXValue)
                    .toList());
    assertThat(categories).contains("grocery", "online", "fuel").endsWith("(other)").hasSize(7);
    assertThat(
            fx(
                () ->
                    ((javafx.scene.control.Label) panel.lookup("#drift-histogram-title"))
                        .getText()))
        .contains("merchant");
  }

  @Test
  void measuresOverTimeChartTheSelectedColumnOnly() {
    show(PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.0));
    show(PanelFixtures.fraudAfterShift(PanelFixtures.NOON.plusSeconds(60), 1.2));
    show(PanelFixtures.fraudAfterShift(PanelFixtures.NOON.plusSeconds(120), 1.4));
    run(() -> panel.table().getSelectionModel().select(0));

    String psi = "fraud_score/amount#PSI";
    assertThat(fx(() -> panel.measures().points(psi))).isEqualTo(3);
    assertThat(fx(() -> panel.measures().shownKeys()))
        .contains(psi, "fraud_score/amount#WASSERSTEIN", "fraud_score/amount#KOLMOGOROV_SMIRNOV")
        .noneMatch(k -> k.startsWith("fraud_score/tx_count_1min"));
    // Before the shift PSI is small; after it, major.
    DriftView after = PanelFixtures.fraudAfterShift(PanelFixtures.NOON.plusSeconds(120), 1.4);
    assertThat(fx(() -> panel.measures().last(psi)))
        .isEqualTo(after.columns().get(0).drift().measure(DriftMethod.PSI).value())
        .isGreaterThanOrEqualTo(0.25);
    DriftView before = PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.0);
    assertThat(before.columns().get(0).drift().measure(DriftMethod.PSI).value()).isLessThan(0.1);
    // Few series shown: the legend names them.
    assertThat(fx(() -> (boolean) panel.measures().chart().legendVisibleProperty().get())).isTrue();
  }

  @Test
  void viewsFromAnotherThreadAreCoalescedToThePulse() throws Exception {
    show(PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.0));
    long before = fx(panel::draws);
    List<DriftView> views =
        java.util.stream.IntStream.range(1, 201)
            .mapToObj(i -> PanelFixtures.fraudAfterShift(PanelFixtures.NOON.plusSeconds(i), 1.0))
            .toList();
    // 200 windows offered as fast as a thread can: never waiting for the FX thread.
    long elapsed =
        CompletableFuture.supplyAsync(
                () -> {
                  long t0 = System.nanoTime();
                  views.forEach(panel::show);
                  return System.nanoTime() - t0;
                })
            .get(20, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(elapsed)).isLessThan(1_000);
    until("the newest window is drawn", () -> panel.shareLabel().endsWith(" at 12:03:20."));
    // Far fewer redraws than offers: one per pulse at most, the newest one.
    assertThat(fx(panel::draws) - before).isLessThan(200);
  }

  @Test
  void readsInTheDarkTheme() {
    run(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    show(PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.4));
    until(
        "the drifted status is a light red on the dark background",
        () -> {
          var cells = TableCells.cells(panel.table(), "drift");
          return !cells.isEmpty()
              && ((Color) cells.get(0).getTextFill()).getBrightness() > 0.6
              && ((Color) cells.get(0).getTextFill()).getRed() > 0.6;
        });
  }

  @Test
  void theSpansSwitchBetweenTheLastWindowAndTheSlidingViewAndTheLastHourGoesToTheAction() {
    DriftView window = PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.4);
    DriftView sliding = PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.0);
    long before = fx(panel::draws);
    panel.show(window, sliding);
    until("the views are drawn", () -> panel.draws() > before);
    assertThat(fx(panel::span)).isEqualTo(DriftPanel.Span.LAST_WINDOW);
    assertThat(fx(panel::shareLabel)).startsWith("Last window. Dataset drift: ");
    assertThat(fx(() -> panel.table().getItems().get(0).status())).isEqualTo(DriftStatus.DRIFT);

    run(() -> panel.setSpan(DriftPanel.Span.SLIDING_VIEW));
    assertThat(fx(panel::shareLabel)).startsWith("Last 15 windows. Dataset drift: ");
    // The unshifted view: amount does not drift over it.
    assertThat(fx(() -> panel.table().getItems().get(0).status())).isEqualTo(DriftStatus.NO_DRIFT);
    assertThat(fx(() -> panel.measures().shownKeys()))
        .allMatch(k -> k.startsWith("view:"))
        .isNotEmpty();

    // Without an action the button is off; with one it gets the selected column.
    assertThat(fx(() -> panel.useLastHourButton().isDisabled())).isTrue();
    List<String> asked = new java.util.ArrayList<>();
    run(() -> panel.setOnUseLastHour((node, column) -> asked.add(node + "/" + column)));
    run(() -> panel.table().getSelectionModel().select(0));
    assertThat(fx(() -> panel.useLastHourButton().isDisabled())).isFalse();
    run(() -> panel.useLastHourButton().fire());
    assertThat(asked).containsExactly("fraud_score/amount");
    assertThat(fx(panel::messageText)).startsWith("Freezing the last hour of amount");
    run(() -> panel.message("No value yet: wait for data", true));
    assertThat(fx(() -> panel.lookup("#drift-message").getStyleClass())).contains("level-high");
    run(() -> panel.message("Kept.", false));
    assertThat(fx(() -> panel.lookup("#drift-message").getStyleClass()))
        .doesNotContain("level-high");

    // A view without its sliding span: that span cannot be chosen and the window is shown.
    long again = fx(panel::draws);
    panel.show(window, null);
    until("the window is drawn", () -> panel.draws() > again);
    assertThat(fx(() -> panel.lookup("#drift-span-view").isDisabled())).isTrue();
    assertThat(fx(panel::shareLabel)).startsWith("Last window. ");
  }
}
