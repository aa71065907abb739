package dev.streamwright.monitor.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The level a metric is measured at: a whole pipeline, one node, one consumer group, a column. */
public enum ScopeKind {
  /** The deployment as a whole; its instance name is empty. */
  PIPELINE,
  /** One node of the pipeline; its instance name is the node id. */
  NODE,
  /** One Kafka consumer group of the pipeline's sources; its instance name is the group id. */
  GROUP,
  /** One monitored column; its instance name is {@code nodeId/column}. */
  COLUMN;

  /** The name rules are written with, e.g. {@code group}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The scope kind of a name written in a rule, case-insensitive.
   *
   * @throws IllegalArgumentException naming the known scopes
   */
  public static ScopeKind parse(String text) {
    for (ScopeKind kind : values()) {
      if (kind.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a scope; write one of "
            + Arrays.stream(values()).map(ScopeKind::id).collect(Collectors.joining(", ")));
  }
}
