package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.ui.monitor.MonitorPane;
import dev.streamwright.app.ui.run.PreviewTable;
import dev.streamwright.app.ui.run.RunViewModel.Phase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fraud-detection sample runs from the studio's toolbar on the Kafka sandbox: Run starts an
 * embedded broker (its address in the status bar) and the sample's generator, the Kafka sink topics
 * fill their preview tables live, the generator stops from the toolbar while the job runs on, and
 * Stop stops the job.
 */
class RunFraudSampleIT {

  private static final Duration ROWS = Duration.ofSeconds(120);

  @TempDir Path workspace;

  private StudioDriver studio;

  @AfterEach
  void quit() throws Exception {
    if (studio != null) {
      studio.quit();
    }
  }

  @Test
  void runStartsTheSandboxAndTheGeneratorAndTheSinkTopicsFillTheirTables() throws Exception {
    studio = StudioDriver.launch(workspace).awaitReady();
    studio.fx(() -> studio.model().workspace().open("fraud-detection")).get();
    StudioDriver.waitFor(
        Duration.ofSeconds(10),
        () -> studio.model().designer().pipelineProperty().get().id().equals("fraud-detection"));
    Node controls = studio.find("#" + StudioToolBar.GENERATOR);
    assertThat(studio.fx(controls::isVisible)).as("generator controls for a Kafka sample").isTrue();
    Label kafka = studio.find("#" + StatusBarView.KAFKA);
    assertThat(studio.fx(kafka::isVisible)).as("no Kafka before the first run").isFalse();

    studio.robot.clickOn("#run-button");
    StudioDriver.waitFor(
        ROWS,
        () ->
            studio.model().run().phaseProperty().get() == Phase.RUNNING
                || studio.model().run().phaseProperty().get() == Phase.FAILED);
    assertThat(studio.fx(() -> studio.model().run().phaseProperty().get()))
        .as(
            "%s",
            studio.fx(() -> List.copyOf(studio.model().designer().outputs().problems()))
                + " "
                + studio.fx(() -> studio.model().run().failureProperty().get()))
        .isEqualTo(Phase.RUNNING);
    assertThat(studio.fx(kafka::getText)).startsWith("Kafka 127.0.0.1:");
    assertThat(studio.fx(kafka::isVisible)).isTrue();

    // The generator produces and the sink topics' tables fill while the job runs.
    StudioDriver.waitFor(ROWS, () -> rows("scored_transactions") > 0);
    StudioDriver.waitFor(ROWS, () -> rows("fraud_rule_alerts") > 0);
    // The run is watched: the Monitor tab shows it and the canvas carries its live figures.
    StudioDriver.waitFor(
        ROWS,
        () ->
            studio.fx(
                () -> {
                  var s = studio.model().monitor().latestProperty().get();
                  return s != null
                      && s.flink().connected()
                      && s.kafka().connected()
                      && !s.nodes().isEmpty()
                      && !s.lag().isEmpty()
                      && !s.lag().get(0).noCommit()
                      && s.latency().containsKey("scored_transactions")
                      && !s.latency().get("scored_transactions").window().isEmpty();
                }));
    assertThat(studio.fx(() -> studio.model().monitor().watchingProperty().get().title()))
        .startsWith("run of Fraud detection on embedded Flink");
    assertThat(studio.fx(() -> studio.view().canvas().overlayTextOf("transactions")))
        .contains("lag ");
    assertThat(studio.fx(() -> studio.view().canvas().overlayTextOf("scored_transactions")))
        .contains("p99 ");
    Label watching = studio.find("#" + MonitorPane.TITLE);
    assertThat(studio.fx(watching::getText)).startsWith("Watching run of Fraud detection");
    // A latency objective in words: refused with a hint, or applied from the next poll on.
    javafx.scene.control.TextField slo = studio.find("#" + MonitorPane.SLO);
    assertThat(studio.fx(() -> slo.getText())).isEqualTo("1000ms");
    studio.fx(
        () -> {
          slo.setText("soon");
          slo.fireEvent(new javafx.event.ActionEvent());
          return null;
        });
    assertThat(studio.fx(() -> slo.getStyleClass().contains("error"))).isTrue();
    assertThat(studio.fx(() -> slo.getTooltip().getText())).contains("'soon' is not a duration");
    studio.fx(
        () -> {
          slo.setText("1ms");
          slo.fireEvent(new javafx.event.ActionEvent());
          return null;
        });
    StudioDriver.waitFor(
        ROWS,
        () ->
            studio.fx(
                () -> {
                  var s = studio.model().monitor().latestProperty().get();
                  var l = s == null ? null : s.latency().get("scored_transactions");
                  return l != null && l.slo().toMillis() == 1 && l.breached();
                }));
    assertThat(studio.fx(() -> slo.getStyleClass().contains("error"))).isFalse();
    List<String> tables =
        studio.fx(
            () -> studio.model().run().previews().stream().map(PreviewTable::sinkId).toList());
    assertThat(tables)
        .contains("scored_transactions", "fraud_alerts", "fraud_rule_alerts", "malformed_dlq");
    PreviewTable scored = table("scored_transactions");
    assertThat(studio.fx(() -> List.copyOf(scored.columns())))
        .contains("transaction_id", "avg_1min_spend", "fraud_score");
    Label generator = studio.find("#" + StatusBarView.GENERATOR);
    assertThat(studio.fx(generator::getText))
        .startsWith("fraud-transactions: ")
        .contains(" events");
    assertThat(studio.fx(() -> studio.model().run().generator().runningProperty().get())).isTrue();

    // Stopping the generator leaves the job running.
    studio.robot.clickOn("#generator-stop-button");
    StudioDriver.waitFor(
        Duration.ofSeconds(20), () -> !studio.model().run().generator().runningProperty().get());
    assertThat(studio.fx(generator::getText)).endsWith(" - stopped");
    assertThat(studio.fx(() -> studio.model().run().phaseProperty().get()))
        .isEqualTo(Phase.RUNNING);

    studio.robot.clickOn("#stop-button");
    StudioDriver.waitFor(ROWS, () -> studio.model().run().phaseProperty().get() == Phase.STOPPED);
    assertThat(studio.fx(() -> scored.rows().size())).isPositive();
  }

  private PreviewTable table(String sinkId) {
    return studio.fx(() -> tableNow(sinkId));
  }

  /** The sink's table; call on the FX thread (waitFor conditions run there). */
  private PreviewTable tableNow(String sinkId) {
    return studio.model().run().previews().stream()
        .filter(t -> t.sinkId().equals(sinkId))
        .findFirst()
        .orElse(null);
  }

  /** Rows the sink's table received; call on the FX thread. */
  private long rows(String sinkId) {
    PreviewTable t = tableNow(sinkId);
    return t == null ? 0 : t.receivedProperty().get();
  }
}
