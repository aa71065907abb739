package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.cost.CostBreakdown;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.NodeCost;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.cost.Showback;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The cost panel: per deployment its allocation cost (max of requested and used) with the idle part
 * shown apart, its usage cost, cost per million records and per GB, the projected monthly cost and
 * the price profile it is priced with, labelled an estimate with its date where it is one; for the
 * selected deployment its breakdown and its nodes' parts; and a showback table grouped by a tag key
 * ({@code cost_center}, {@code project}, {@code team}).
 *
 * <p>{@link #show(CostView)} may be called from any thread; the newest view is drawn at the next
 * pulse. Call {@link #dispose()} when the panel is closed.
 */
public final class CostPanel extends VBox {

  /** One deployment's row, formatted. */
  record DeploymentRow(
      String deploymentId,
      String prices,
      String hours,
      String allocation,
      String idle,
      String usage,
      String total,
      String perMillion,
      String perGb,
      String monthly) {}

  /** One node's row, formatted. */
  record NodeRow(
      String nodeId, String busyCores, String cpuShare, String cpu, String kafka, String total) {}

  /** One showback row, formatted. */
  record ShowbackRow(
      String value,
      String deployments,
      String allocation,
      String idle,
      String usage,
      String total,
      String monthly) {}

  private static final String STYLESHEET =
      Objects.requireNonNull(CostPanel.class.getResource("monitor.css")).toExternalForm();

  private final ZoneId zone;
  private final Coalescer<CostView> coalescer = new Coalescer<>(this::draw);
  private final Label heading = new Label("No cost measured yet.");
  private final TableView<DeploymentRow> deployments =
      Tables.table("cost-deployments", "No deployment is watched.");
  private final Label priceLabel = new Label();
  private final Map<String, Label> breakdown = new LinkedHashMap<>();
  private final TableView<NodeRow> nodes = Tables.table("cost-nodes", "No node cost yet.");
  private final ChoiceBox<String> showbackKey = new ChoiceBox<>();
  private final TableView<ShowbackRow> showback =
      Tables.table("cost-showback", "No deployment to group.");
  private CostView shown;

  /** A panel in the system's time zone. */
  public CostPanel() {
    this(ZoneId.systemDefault());
  }

  /** A panel that writes times in the given zone. */
  CostPanel(ZoneId zone) {
    super(6);
    this.zone = zone;
    setId("cost-panel");
    getStyleClass().addAll("monitor-view", "monitor-panel", "cost-panel");
    getStylesheets().add(STYLESHEET);
    setPadding(new Insets(8));
    heading.getStyleClass().add("panel-subtitle");
    heading.setId("cost-heading");
    Tables.column(deployments, "Deployment", DeploymentRow::deploymentId);
    Tables.column(deployments, "Price profile", DeploymentRow::prices);
    Tables.number(deployments, "Hours", DeploymentRow::hours);
    Tables.number(deployments, "Allocation", DeploymentRow::allocation);
    Tables.column(deployments, "of which idle", DeploymentRow::idle, r -> "muted", true);
    Tables.number(deployments, "Usage", DeploymentRow::usage);
    Tables.number(deployments, "Total", DeploymentRow::total);
    Tables.number(deployments, "per M records", DeploymentRow::perMillion);
    Tables.number(deployments, "per GB", DeploymentRow::perGb);
    Tables.number(deployments, "Projected monthly", DeploymentRow::monthly);
    deployments.setPrefHeight(170);
    deployments.setMinHeight(150);
    Tables.column(nodes, "Node", NodeRow::nodeId);
    Tables.number(nodes, "Busy cores", NodeRow::busyCores);
    Tables.number(nodes, "CPU share", NodeRow::cpuShare);
    Tables.number(nodes, "CPU cost", NodeRow::cpu);
    Tables.number(nodes, "Kafka cost", NodeRow::kafka);
    Tables.number(nodes, "Total", NodeRow::total);
    priceLabel.setId("cost-price-label");
    priceLabel.getStyleClass().add("figure-name");
    priceLabel.setWrapText(true);
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(3);
    String[] names = {
      "CPU used",
      "CPU idle",
      "Memory used",
      "Memory idle",
      "Kafka read",
      "Kafka written",
      "Checkpoint storage",
      "Requested cores",
      "Busy cores",
      "Requested memory"
    };
    for (int i = 0; i < names.length; i++) {
      Label name = new Label(names[i]);
      name.getStyleClass().add("figure-name");
      Label value = new Label(Fmt.UNKNOWN);
      value.getStyleClass().add("figure-value");
      value.setId("cost-" + names[i].toLowerCase(Locale.ROOT).replace(' ', '-'));
      breakdown.put(names[i], value);
      grid.add(name, (i / 5) * 2, i % 5);
      grid.add(value, (i / 5) * 2 + 1, i % 5);
    }
    VBox details = new VBox(4, subtitle("Breakdown of the selected deployment"), priceLabel, grid);
    details.setMinWidth(360);
    VBox nodeBox = new VBox(4, subtitle("Per node (CPU and Kafka bytes)"), nodes);
    VBox.setVgrow(nodes, Priority.ALWAYS);
    HBox middle = new HBox(16, details, nodeBox);
    HBox.setHgrow(nodeBox, Priority.ALWAYS);
    showbackKey.setId("showback-key");
    showbackKey.getItems().setAll(Showback.KEYS);
    showbackKey.setValue(Showback.KEYS.get(0));
    showbackKey.valueProperty().addListener((o, was, now) -> drawShowback());
    Tables.column(showback, "Value", ShowbackRow::value);
    Tables.column(showback, "Deployments", ShowbackRow::deployments);
    Tables.number(showback, "Allocation", ShowbackRow::allocation);
    Tables.column(showback, "of which idle", ShowbackRow::idle, r -> "muted", true);
    Tables.number(showback, "Usage", ShowbackRow::usage);
    Tables.number(showback, "Total", ShowbackRow::total);
    Tables.number(showback, "Projected monthly", ShowbackRow::monthly);
    showback.setPrefHeight(150);
    showback.setMinHeight(130);
    HBox showbackHead = new HBox(8, subtitle("Showback grouped by tag"), showbackKey);
    getChildren().addAll(heading, deployments, middle, showbackHead, showback);
    VBox.setVgrow(middle, Priority.ALWAYS);
    deployments
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> drawSelected());
  }

  private static Label subtitle(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("panel-subtitle");
    return l;
  }

  /** Shows costs, from any thread; drawn at the next pulse. */
  public void show(CostView view) {
    coalescer.offer(view);
  }

  /** Selects a deployment's row; on the FX thread. */
  public boolean focus(String deploymentId) {
    return Tables.select(deployments, deploymentId, DeploymentRow::deploymentId);
  }

  /** Stops the panel's timer; on the FX thread. */
  public void dispose() {
    coalescer.stop();
  }

  private void draw(CostView view) {
    shown = view;
    heading.setText(
        "Cost since each deployment was first watched, at " + Fmt.clock(view.at(), zone) + ".");
    List<DeploymentRow> rows = new ArrayList<>();
    for (DeploymentCost c : view.deployments()) {
      CostBreakdown b = c.cost();
      String cur = c.currency();
      rows.add(
          new DeploymentRow(
              c.deploymentId(),
              priceName(c.prices(), view.profiles().get(c.prices())),
              String.format(Locale.ROOT, "%.2f h", c.hours()),
              money(cur, b.allocation()),
              money(cur, b.idle()),
              money(cur, b.usage()),
              money(cur, b.total()),
              money(cur, c.costPerMillionRecords()),
              money(cur, c.costPerGbProcessed()),
              money(cur, c.projectedMonthly())));
    }
    Tables.replace(deployments, rows, DeploymentRow::deploymentId);
    if (deployments.getSelectionModel().isEmpty() && !rows.isEmpty()) {
      deployments.getSelectionModel().select(0);
    }
    drawSelected();
    drawShowback();
  }

  private void drawSelected() {
    DeploymentRow row = deployments.getSelectionModel().getSelectedItem();
    DeploymentCost c = null;
    if (row != null && shown != null) {
      c =
          shown.deployments().stream()
              .filter(d -> d.deploymentId().equals(row.deploymentId()))
              .findFirst()
              .orElse(null);
    }
    if (c == null) {
      priceLabel.setText("");
      breakdown.values().forEach(l -> l.setText(Fmt.UNKNOWN));
      nodes.getItems().clear();
      return;
    }
    String cur = c.currency();
    CostBreakdown b = c.cost();
    priceLabel.setText(priceLine(c.prices(), shown.profiles().get(c.prices())));
    set("CPU used", money(cur, b.cpuUsed()));
    set("CPU idle", money(cur, b.cpuIdle()));
    set("Memory used", money(cur, b.memoryUsed()));
    set("Memory idle", money(cur, b.memoryIdle()));
    set("Kafka read", money(cur, b.kafkaRead()));
    set("Kafka written", money(cur, b.kafkaWritten()));
    set("Checkpoint storage", money(cur, b.checkpointStorage()));
    set("Requested cores", String.format(Locale.ROOT, "%.2f", c.requestedCores()));
    set("Busy cores", String.format(Locale.ROOT, "%.2f", c.usedCores()));
    set("Requested memory", String.format(Locale.ROOT, "%.1f GiB", c.requestedMemoryGib()));
    List<NodeRow> nodeRows = new ArrayList<>();
    c.nodes().values().stream()
        .sorted(
            Comparator.comparingDouble(NodeCost::total).reversed().thenComparing(NodeCost::nodeId))
        .forEach(
            n ->
                nodeRows.add(
                    new NodeRow(
                        n.nodeId(),
                        String.format(Locale.ROOT, "%.2f", n.busyCores()),
                        Fmt.percent(n.cpuShare()),
                        money(cur, n.cpuCost()),
                        money(cur, n.kafkaReadCost() + n.kafkaWrittenCost()),
                        money(cur, n.total()))));
    Tables.replace(nodes, nodeRows, NodeRow::nodeId);
  }

  private void drawShowback() {
    if (shown == null) {
      return;
    }
    List<ShowbackRow> rows = new ArrayList<>();
    for (Showback.Row r :
        Showback.rows(showbackKey.getValue(), shown.deployments(), shown.tags())) {
      String cur = r.currency();
      rows.add(
          new ShowbackRow(
              r.value(),
              String.join(", ", r.deployments()),
              money(cur, r.cost().allocation()),
              money(cur, r.cost().idle()),
              money(cur, r.cost().usage()),
              money(cur, r.cost().total()),
              money(cur, r.projectedMonthly())));
    }
    Tables.replace(showback, rows, r -> r.value() + "|" + r.deployments());
  }

  private void set(String name, String value) {
    breakdown.get(name).setText(value);
  }

  /** The profile's name, with "estimate" when it is one. */
  static String priceName(String name, PriceProfile p) {
    return p != null && p.estimate() && !name.toLowerCase(Locale.ROOT).contains("estimate")
        ? name + " (estimate)"
        : name;
  }

  /**
   * The line under the breakdown: which prices, an estimate or not (said once: not again when the
   * profile's name says it), and of which day.
   */
  static String priceLine(String name, PriceProfile p) {
    if (p == null) {
      return "Priced with '" + name + "'.";
    }
    boolean named = p.name().toLowerCase(Locale.ROOT).contains("estimate");
    return "Priced with '"
        + p.name()
        + "': "
        + (p.estimate() && !named ? "estimate, " : "")
        + "prices of "
        + p.pricesTakenOn()
        + " in "
        + p.currency()
        + ".";
  }

  /** An amount of money: {@code USD 12.34}, more digits for amounts under a cent. */
  static String money(String currency, double v) {
    if (!Double.isFinite(v)) {
      return Fmt.UNKNOWN;
    }
    double a = Math.abs(v);
    String pattern = a == 0 || a >= 0.01 ? "%s %,.2f" : "%s %.4f";
    return String.format(Locale.ROOT, pattern, currency, v);
  }

  static String money(String currency, OptionalDouble v) {
    return v.isPresent() ? money(currency, v.getAsDouble()) : Fmt.UNKNOWN;
  }

  // For tests (package-private).

  TableView<DeploymentRow> deploymentsTable() {
    return deployments;
  }

  TableView<NodeRow> nodesTable() {
    return nodes;
  }

  TableView<ShowbackRow> showbackTable() {
    return showback;
  }

  ChoiceBox<String> showbackKey() {
    return showbackKey;
  }

  String priceLabel() {
    return priceLabel.getText();
  }

  String figure(String name) {
    return breakdown.get(name).getText();
  }

  long draws() {
    return coalescer.draws();
  }
}
