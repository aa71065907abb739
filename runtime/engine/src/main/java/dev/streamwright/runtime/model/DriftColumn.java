package dev.streamwright.runtime.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A column of a node's output rows, named for the drift settings.
 *
 * @param node the node's id
 * @param column the column's name in the node's (main) output
 */
public record DriftColumn(String node, String column) implements Comparable<DriftColumn> {

  private static final Comparator<DriftColumn> ORDER =
      Comparator.comparing(DriftColumn::node).thenComparing(DriftColumn::column);

  public DriftColumn {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(column, "column");
  }

  @Override
  public int compareTo(DriftColumn o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return node + "." + column;
  }
}
