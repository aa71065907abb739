package dev.streamwright.app.cli;

import dev.streamwright.monitor.cost.CostBreakdown;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.NodeCost;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.cost.Showback;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A deployment's cost as text for {@code streamwright monitor} and {@code streamwright cost}: the
 * allocation (with idle apart), the usage, the unit costs and the projection, then per node; every
 * figure names the price profile and says when its prices are an estimate.
 */
final class CostText {

  private final Map<String, String> names;

  CostText(Map<String, String> names) {
    this.names = names;
  }

  /** What the prices are: the profile's name, their day, and whether they are an estimate. */
  static String pricedWith(PriceProfile p) {
    return p.name()
        + (p.estimate() ? ", an estimate with prices of " : ", prices of ")
        + p.pricesTakenOn();
  }

  /** The cost section of the monitor's screen. */
  String screen(DeploymentCost c, PriceProfile p) {
    StringBuilder out = new StringBuilder();
    String cur = c.currency();
    CostBreakdown b = c.cost();
    out.append("\nCOST  priced with ").append(pricedWith(p)).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "metered %s h  requested %s cores, %s GiB  used %s cores (busy time)%n",
            number(c.hours()),
            number(c.requestedCores()),
            number(c.requestedMemoryGib()),
            number(c.usedCores())));
    out.append(
        String.format(
            Locale.ROOT,
            "allocation %s (CPU %s, memory %s), of it idle %s%n",
            money(b.allocation(), cur),
            money(b.cpuAllocation(), cur),
            money(b.memoryAllocation(), cur),
            money(b.idle(), cur)));
    out.append(
        String.format(
            Locale.ROOT,
            "usage %s (Kafka %s GB read %s, %s GB written %s; checkpoints %s)%n",
            money(b.usage(), cur),
            number(c.gbRead()),
            money(b.kafkaRead(), cur),
            number(c.gbWritten()),
            money(b.kafkaWritten(), cur),
            money(b.checkpointStorage(), cur)));
    out.append(
        String.format(
            Locale.ROOT,
            "total %s  per million records %s  per GB processed %s%n",
            money(b.total(), cur),
            money(c.costPerMillionRecords(), cur),
            money(c.costPerGbProcessed(), cur)));
    out.append(
        String.format(
            Locale.ROOT,
            "projected monthly %s (the rate of the last %d min x 730 h)%n",
            money(c.projectedMonthly(), cur),
            c.window().toMinutes()));
    if (!c.nodes().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"NODE", "BUSY CORES", "CPU SHARE", "CPU", "KAFKA", "COST"});
      c.nodes().values().stream()
          .sorted(Comparator.comparing(NodeCost::nodeId))
          .forEach(
              n ->
                  rows.add(
                      new String[] {
                        name(n.nodeId()),
                        number(n.busyCores()),
                        SnapshotText.percent(n.cpuShare()),
                        money(n.cpuCost(), cur),
                        money(n.kafkaReadCost() + n.kafkaWrittenCost(), cur),
                        money(n.total(), cur)
                      }));
      SnapshotText.table(out, rows);
    }
    return out.toString();
  }

  /** The cost for the one-line-per-poll output. */
  static String line(DeploymentCost c) {
    return " cost="
        + money(c.cost().total(), c.currency())
        + " monthly="
        + money(c.projectedMonthly(), c.currency());
  }

  /** Showback rows as a table: one per tag value and currency. */
  static String showback(List<Showback.Row> rows) {
    StringBuilder out = new StringBuilder();
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"KEY", "VALUE", "DEPLOYMENTS", "COST", "IDLE", "PROJECTED MONTHLY"});
    for (Showback.Row r : rows) {
      table.add(
          new String[] {
            r.key(),
            r.value(),
            String.join(", ", r.deployments()),
            money(r.cost().total(), r.currency()),
            money(r.cost().idle(), r.currency()),
            money(r.projectedMonthly(), r.currency())
          });
    }
    SnapshotText.table(out, table);
    return out.toString();
  }

  private String name(String nodeId) {
    String n = names.get(nodeId);
    return n == null || n.equals(nodeId) ? nodeId : n + " (" + nodeId + ")";
  }

  /**
   * An amount with its currency: 2 decimals from 1 up, 3 significant digits below (a few seconds of
   * a deployment cost a fraction of a cent), at most 10 decimals.
   */
  static String money(double v, String currency) {
    double a = Math.abs(v);
    int decimals =
        a >= 1 || a == 0 ? 2 : Math.min(10, Math.max(2, 2 - (int) Math.floor(Math.log10(a))));
    return currency + " " + String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String money(OptionalDouble v, String currency) {
    return v.isPresent() ? money(v.getAsDouble(), currency) : "–";
  }

  static String number(double v) {
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
  }
}
