package dev.streamwright.monitor.ui;

import static dev.streamwright.monitor.ui.FxWait.fx;
import static dev.streamwright.monitor.ui.FxWait.run;
import static dev.streamwright.monitor.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.ZoneOffset;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The cost panel shows given costs: per deployment, per node, and grouped by tag. */
@ExtendWith(ApplicationExtension.class)
class CostPanelTest {

  private CostPanel panel;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    panel = new CostPanel(ZoneOffset.UTC);
    stage.setScene(new Scene(panel, 1300, 800));
    stage.show();
  }

  @AfterEach
  void dispose() {
    run(panel::dispose);
  }

  private void show(CostView view) {
    long before = fx(panel::draws);
    panel.show(view);
    until("the costs are drawn", () -> panel.draws() > before);
  }

  @Test
  void deploymentsShowAllocationIdleUsageRatesAndProjection() {
    show(PanelFixtures.threeDeployments());

    List<CostPanel.DeploymentRow> rows = fx(() -> List.copyOf(panel.deploymentsTable().getItems()));
    assertThat(rows)
        .extracting(CostPanel.DeploymentRow::deploymentId)
        .containsExactly("fraud-detection-1", "fraud-detection-eu", "clicks-per-user");
    CostPanel.DeploymentRow fraud = rows.get(0);
    // Allocation = CPU 0.26 + 0.54 and memory 0.05 + 0.10 = 0.95, of which idle 0.54 + 0.10.
    assertThat(fraud.allocation()).isEqualTo("USD 0.95");
    assertThat(fraud.idle()).isEqualTo("USD 0.64");
    // Usage = Kafka 0.02 + 0.01 + checkpoints 0.003.
    assertThat(fraud.usage()).isEqualTo("USD 0.03");
    assertThat(fraud.total()).isEqualTo("USD 0.98");
    // 0.983 over 7.2 M records; 0.983 over 3.6 GB read.
    assertThat(fraud.perMillion()).isEqualTo("USD 0.14");
    assertThat(fraud.perGb()).isEqualTo("USD 0.27");
    assertThat(fraud.monthly()).isEqualTo("USD 712.50");
    assertThat(fraud.hours()).isEqualTo("2.00 h");
    assertThat(fraud.prices()).contains("AWS").contains("estimate");
    // Nothing read, no projection yet: a dash, never a division by zero.
    CostPanel.DeploymentRow clicks = rows.get(2);
    assertThat(clicks.perMillion()).isEqualTo(Fmt.UNKNOWN);
    assertThat(clicks.perGb()).isEqualTo(Fmt.UNKNOWN);
    assertThat(clicks.monthly()).isEqualTo(Fmt.UNKNOWN);
    // The idle column reads muted, apart from what was used.
    assertThat(TableCells.classes(panel.deploymentsTable(), "USD 0.64")).contains("muted");
  }

  @Test
  void theSelectedDeploymentShowsItsBreakdownPriceLabelAndNodes() {
    show(PanelFixtures.threeDeployments());
    run(() -> panel.focus("fraud-detection-1"));

    assertThat(fx(() -> panel.figure("CPU used"))).isEqualTo("USD 0.26");
    assertThat(fx(() -> panel.figure("CPU idle"))).isEqualTo("USD 0.54");
    assertThat(fx(() -> panel.figure("Checkpoint storage"))).isEqualTo("USD 0.0030");
    assertThat(fx(() -> panel.figure("Requested cores"))).isEqualTo("4.00");
    assertThat(fx(() -> panel.figure("Busy cores"))).isEqualTo("1.30");
    // The preset's name says it is an estimate: the line does not say it twice.
    assertThat(PanelFixtures.aws().name()).endsWith("(estimate)");
    assertThat(fx(panel::priceLabel))
        .isEqualTo(
            "Priced with '"
                + PanelFixtures.aws().name()
                + "': prices of "
                + PanelFixtures.aws().pricesTakenOn()
                + " in USD.");
    assertThat(
            CostPanel.priceLine(
                "own",
                new dev.streamwright.monitor.cost.PriceProfile(
                    "own",
                    "USD",
                    0.04,
                    0.005,
                    0,
                    0,
                    0.02,
                    PanelFixtures.aws().pricesTakenOn(),
                    "a quote",
                    true)))
        .startsWith("Priced with 'own': estimate, prices of ");
    List<CostPanel.NodeRow> nodes = fx(() -> List.copyOf(panel.nodesTable().getItems()));
    // Most expensive first: fraud_score has 70 % of the CPU.
    assertThat(nodes)
        .extracting(CostPanel.NodeRow::nodeId)
        .containsExactly("fraud_score", "transactions");
    assertThat(nodes.get(0).cpuShare()).isEqualTo("70 %");
    assertThat(nodes.get(0).cpu()).isEqualTo("USD 0.18");
    assertThat(nodes.get(1).kafka()).isEqualTo("USD 0.02");
  }

  @Test
  void showbackGroupsByTheChosenTagKey() {
    show(PanelFixtures.threeDeployments());

    List<CostPanel.ShowbackRow> byCentre = fx(() -> List.copyOf(panel.showbackTable().getItems()));
    assertThat(byCentre)
        .extracting(CostPanel.ShowbackRow::value)
        .containsExactly("fraud-ops", "untagged");
    assertThat(byCentre.get(0).deployments()).isEqualTo("fraud-detection-1, fraud-detection-eu");
    // 712.50 + 730.00 projected; 0.983 + 1.004 spent.
    assertThat(byCentre.get(0).monthly()).isEqualTo("USD 1,442.50");
    assertThat(byCentre.get(0).total()).isEqualTo("USD 1.99");

    run(() -> panel.showbackKey().setValue("team"));
    List<CostPanel.ShowbackRow> byTeam = fx(() -> List.copyOf(panel.showbackTable().getItems()));
    assertThat(byTeam)
        .extracting(CostPanel.ShowbackRow::value)
        .containsExactly("risk", "risk-eu", "untagged");
    assertThat(byTeam.get(2).deployments()).isEqualTo("clicks-per-user");
  }
}
