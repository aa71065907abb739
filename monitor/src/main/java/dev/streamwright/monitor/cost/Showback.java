package dev.streamwright.monitor.cost;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Showback: deployments' costs added up by a pipeline tag, the way OpenCost aggregates by label.
 * Pipeline tags are free words; a showback tag is written {@code key:value} or {@code key=value}
 * with one of the {@link #KEYS} ({@code cost_center:fraud-ops}, {@code team=risk}); keys are
 * case-insensitive, values are kept as written and trimmed. A deployment without that key is
 * {@value #UNTAGGED}; one with several values of a key counts under the first in its tag list.
 * Costs in different currencies are never added: each row holds one currency.
 */
public final class Showback {

  /** The tag keys costs are grouped by. */
  public static final List<String> KEYS = List.of("cost_center", "project", "team");

  /** The value of a deployment that has no tag of the key. */
  public static final String UNTAGGED = "untagged";

  /**
   * One row of the showback table.
   *
   * @param key the tag key
   * @param value the tag value, or {@value Showback#UNTAGGED}
   * @param currency the currency of the sums
   * @param deployments the deployments in the row, sorted
   * @param cost their cost by resource, summed
   * @param projectedMonthly their projected monthly costs, summed (those that have one)
   */
  public record Row(
      String key,
      String value,
      String currency,
      List<String> deployments,
      CostBreakdown cost,
      double projectedMonthly) {

    public Row {
      deployments = List.copyOf(deployments);
    }
  }

  private Showback() {}

  /**
   * The rows for one key, sorted by value ({@value #UNTAGGED} last) then currency.
   *
   * @param key one of {@link #KEYS}
   * @param costs the deployments' costs
   * @param tags per deployment id, its pipeline's tags (a deployment missing here is untagged)
   * @throws IllegalArgumentException when the key is not one of {@link #KEYS}
   */
  public static List<Row> rows(
      String key, Collection<DeploymentCost> costs, Map<String, ? extends List<String>> tags) {
    String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    if (!KEYS.contains(k)) {
      throw new IllegalArgumentException(
          "'" + key + "' is not a showback key; use one of " + String.join(", ", KEYS));
    }
    Map<List<String>, Row> rows = new TreeMap<>(Showback::compareKeys);
    for (DeploymentCost c : costs) {
      List<String> own = tags.get(c.deploymentId());
      String value = value(k, own == null ? List.of() : own).orElse(UNTAGGED);
      List<String> id = List.of(value, c.currency());
      Row before = rows.get(id);
      List<String> deployments = new ArrayList<>(before == null ? List.of() : before.deployments());
      deployments.add(c.deploymentId());
      deployments.sort(Comparator.naturalOrder());
      rows.put(
          id,
          new Row(
              k,
              value,
              c.currency(),
              deployments,
              (before == null ? CostBreakdown.ZERO : before.cost()).plus(c.cost()),
              (before == null ? 0 : before.projectedMonthly()) + c.projectedMonthly().orElse(0)));
    }
    return List.copyOf(rows.values());
  }

  /** The value of a key among pipeline tags, e.g. {@code team} in {@code [kafka, team:risk]}. */
  public static Optional<String> value(String key, List<String> tags) {
    for (String tag : tags) {
      int at = separator(tag);
      if (at > 0 && tag.substring(0, at).trim().equalsIgnoreCase(key)) {
        String v = tag.substring(at + 1).trim();
        if (!v.isEmpty()) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  private static int separator(String tag) {
    int colon = tag.indexOf(':');
    int equals = tag.indexOf('=');
    if (colon < 0) {
      return equals;
    }
    return equals < 0 ? colon : Math.min(colon, equals);
  }

  private static int compareKeys(List<String> a, List<String> b) {
    boolean au = a.get(0).equals(UNTAGGED);
    boolean bu = b.get(0).equals(UNTAGGED);
    if (au != bu) {
      return au ? 1 : -1;
    }
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }
}
