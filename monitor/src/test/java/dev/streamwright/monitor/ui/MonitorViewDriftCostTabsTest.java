package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.run;
import static dev.streamwright.monitor.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.ZoneOffset;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Monitor view's Drift and Cost tabs: fed through their panels, opened on a focus. */
@ExtendWith(ApplicationExtension.class)
class MonitorViewDriftCostTabsTest {

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
    run(view::dispose);
  }

  @Test
  void aDriftBadgeOpensTheDriftTabOnItsColumnAndCostOnItsDeployment() {
    view.drift().show(PanelFixtures.fraudAfterShift(PanelFixtures.NOON, 1.4));
    view.cost().show(PanelFixtures.threeDeployments());
    until("both are drawn", () -> view.drift().draws() == 1 && view.cost().draws() == 1);

    run(() -> view.showDrift("fraud_score/merchant"));
    TabPane tabs = fx(() -> (TabPane) view.getCenter());
    assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("tab-drift");
    assertThat(fx(() -> view.drift().table().getSelectionModel().getSelectedItem().column()))
        .isEqualTo("merchant");

    run(() -> view.showCost("fraud-detection-eu"));
    assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("tab-cost");
    assertThat(
            fx(
                () ->
                    view.cost()
                        .deploymentsTable()
                        .getSelectionModel()
                        .getSelectedItem()
                        .deploymentId()))
        .isEqualTo("fraud-detection-eu");
    // The snapshot panels are untouched: a snapshot still draws.
    view.offer(Snapshots.atSecond(0).build());
    until("the snapshot is drawn", () -> view.shown() != null);
  }
}
