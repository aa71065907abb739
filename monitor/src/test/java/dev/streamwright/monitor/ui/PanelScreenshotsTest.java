package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.run;
import static dev.streamwright.monitor.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.streamwright.monitor.alerts.Condition;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleEngine;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.Scope;
import dev.streamwright.monitor.alerts.ScopeKind;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.alerts.Severity;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's pictures of the drift panel, cost panel, notification centre and rule editor
 * from realistic figures (the fraud sample's {@code amount} shifted by 1.4x at 12:06), rendered by
 * {@code scene.snapshot()} into docs/screenshots/. Opt-in, so an ordinary build leaves the
 * committed pictures alone: {@code mvn -B -pl monitor -am verify -DskipITs
 * -Dtest=PanelScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots=true}.
 */
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class PanelScreenshotsTest {

  static final Path FOLDER = Path.of("../docs/screenshots");

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private void light() {
    run(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
  }

  private void dark() {
    run(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
  }

  private Scene stageOf(Parent root, double w, double h) {
    return fx(
        () -> {
          Scene scene = new Scene(root, w, h);
          stage.setScene(scene);
          stage.show();
          return scene;
        });
  }

  @Test
  void driftPanelInBothThemes() throws Exception {
    for (String theme : List.of("light", "dark")) {
      if (theme.equals("dark")) {
        dark();
      } else {
        light();
      }
      DriftPanel panel = fx(() -> new DriftPanel(ZoneOffset.UTC));
      Scene scene = stageOf(panel, 1400, 720);
      // Fifteen one-minute windows; the scripted shift multiplies amount by 1.4 from 12:06.
      for (int minute = 0; minute < 15; minute++) {
        long before = fx(panel::draws);
        panel.show(
            PanelFixtures.fraudAfterShift(
                PanelFixtures.NOON.plusSeconds(60L * minute), minute < 6 ? 1.0 : 1.4));
        until("window " + minute + " is drawn", () -> panel.draws() > before);
      }
      run(() -> panel.table().getSelectionModel().select(0));
      write(scene, panel::dispose, "studio-drift-" + theme + ".png");
    }
    light();
  }

  @Test
  void costPanel() throws Exception {
    light();
    CostPanel panel = fx(() -> new CostPanel(ZoneOffset.UTC));
    Scene scene = stageOf(panel, 1400, 720);
    panel.show(PanelFixtures.threeDeployments());
    until("the costs are drawn", () -> panel.draws() == 1);
    run(() -> panel.focus("fraud-detection-1"));
    write(scene, panel::dispose, "studio-cost.png");
  }

  @Test
  void notificationCentre() throws Exception {
    light();
    RuleEngine engine = new RuleEngine(DefaultRules.ruleSet());
    Instant t0 = PanelFixtures.NOON;
    NotificationCentre centre =
        fx(() -> new NotificationCentre(engine, ZoneOffset.UTC, Clock.fixed(t0, ZoneOffset.UTC)));
    Scene scene = stageOf(centre, 1000, 360);
    SeriesKey lag = new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "fraud-detection-1", "fraud-scorer");
    SeriesKey amount =
        SeriesKey.column(Metric.DRIFT_PSI, "fraud-detection-1", "fraud_score", "amount");
    SeriesKey merchant =
        SeriesKey.column(Metric.DRIFT_PSI, "fraud-detection-1", "fraud_score", "merchant");
    SeriesKey checkpoints = SeriesKey.pipeline(Metric.CHECKPOINT_FAILURES, "fraud-detection-1");
    // The sample's scenario: a burst from 12:03 for a minute (lag), the shift at 12:06 (drift).
    for (int s = 0; s <= 660; s += 30) {
      Map<SeriesKey, Double> values = new HashMap<>();
      values.put(lag, s >= 180 && s < 560 ? 25_000.0 + 40 * s : 120.0);
      values.put(amount, s >= 390 ? 0.31 + s / 10_000.0 : 0.02);
      values.put(merchant, s >= 420 ? 0.27 : 0.03);
      values.put(checkpoints, s == 240 ? 1.0 : 0.0);
      Instant at = t0.plusSeconds(s);
      CompletableFuture.runAsync(() -> engine.evaluate(at, values)).get(10, TimeUnit.SECONDS);
    }
    centre.refresh();
    until("the alerts show", () -> centre.table().getItems().size() >= 4);
    run(() -> centre.table().getSelectionModel().select(0));
    run(() -> centre.acknowledgeButton().fire());
    until(
        "one is acknowledged",
        () ->
            centre.table().getItems().stream()
                .anyMatch(r -> r.state() == NotificationCentre.State.ACKNOWLEDGED));
    run(() -> centre.table().getSelectionModel().select(1));
    write(scene, centre::dispose, "studio-alerts.png");
  }

  @Test
  void ruleEditor() throws Exception {
    light();
    RuleSet rules =
        DefaultRules.ruleSet(5_000)
            .with(
                new Rule(
                    "amount-drift",
                    "The fraud model's amount input drifted",
                    Metric.DRIFT_PSI,
                    new Scope(
                        ScopeKind.COLUMN,
                        java.util.Optional.of("fraud-detection-1"),
                        java.util.Optional.of("fraud_score/amount")),
                    Condition.parse(">= 0.2"),
                    Duration.ofMinutes(2),
                    Severity.CRITICAL,
                    Duration.ofMinutes(30),
                    List.of("in-app", "ops-webhook"),
                    true));
    RuleEditorPane editor = fx(() -> new RuleEditorPane(rules, DefaultRules::ruleSet));
    Scene scene = stageOf(editor, 1300, 560);
    run(() -> editor.table().getSelectionModel().select(rules.rules().size() - 1));
    // A mistyped condition, as a user would see it refused.
    run(
        () -> {
          ((javafx.scene.control.TextField) editor.lookup("#rule-condition")).setText("over 0.2");
          editor.save();
        });
    assertThat(fx(editor::error)).startsWith("Condition:");
    write(scene, () -> {}, "studio-rule-editor.png");
  }

  /** Stops the node's drawing, lets the pulses settle, and writes the scene as a PNG. */
  private static void write(Scene scene, Runnable stop, String name) throws Exception {
    run(stop);
    FxWait.pulses(3);
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    Path file = FOLDER.resolve(name);
    Files.createDirectories(FOLDER);
    assertThat(ImageIO.write(out, "png", file.toFile())).isTrue();
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(w);
  }
}
