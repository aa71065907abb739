package dev.streamwright.designer.document.diff;

import java.util.Objects;

/**
 * One node property that was added, removed or changed between two versions.
 *
 * @param property the property key
 * @param kind what happened to it
 * @param before the older value, or null when added
 * @param after the newer value, or null when removed
 */
public record PropertyChange(String property, Kind kind, Object before, Object after) {

  /** What happened to a property. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  public PropertyChange {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(kind, "kind");
  }
}
