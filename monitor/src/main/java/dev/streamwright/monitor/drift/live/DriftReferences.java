package dev.streamwright.monitor.drift.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The references the live drift compares tapped columns with, by tapped node id and column. Asked
 * on the monitor's thread at every report, so a reference set meanwhile (a frozen window, a file)
 * applies from the next report on; implementations must be thread-safe.
 */
@FunctionalInterface
public interface DriftReferences {

  /** No reference at all: columns are reported without drift until one is set. */
  DriftReferences NONE = (node, column) -> Optional.empty();

  /**
   * The reference of a column.
   *
   * @param nodeId the tapped node's id
   * @param column the column
   * @return its reference, or empty when it has none
   */
  Optional<LiveReference> reference(String nodeId, String column);

  /** Fixed references: by node id, then by column. */
  static DriftReferences of(Map<String, Map<String, LiveReference>> byNode) {
    Map<String, Map<String, LiveReference>> copy = new LinkedHashMap<>();
    byNode.forEach((node, columns) -> copy.put(node, Map.copyOf(columns)));
    return (node, column) -> Optional.ofNullable(copy.getOrDefault(node, Map.of()).get(column));
  }

  /** These references, and {@code fallback}'s for a column these do not have. */
  default DriftReferences orElse(DriftReferences fallback) {
    return (node, column) -> {
      Optional<LiveReference> mine = reference(node, column);
      return mine.isPresent() ? mine : fallback.reference(node, column);
    };
  }
}
