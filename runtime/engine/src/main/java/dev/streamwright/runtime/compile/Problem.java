package dev.streamwright.runtime.compile;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a pipeline, pinned to the node and property that cause it so the studio can
 * badge the node and the CLI can say where to look.
 *
 * @param severity whether the pipeline can still run
 * @param nodeId the node responsible, or null for the pipeline as a whole
 * @param property the property responsible, or null for the node as a whole
 * @param message what is wrong and what to do, in one or two sentences
 */
public record Problem(Severity severity, String nodeId, String property, String message)
    implements Comparable<Problem> {

  /** Errors stop a pipeline from running; warnings do not. */
  public enum Severity {
    ERROR,
    WARNING
  }

  private static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::severity)
          .thenComparing(p -> p.nodeId() == null ? "" : p.nodeId())
          .thenComparing(p -> p.property() == null ? "" : p.property())
          .thenComparing(Problem::message);

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** An error on a node's property. */
  public static Problem error(String nodeId, String property, String message) {
    return new Problem(Severity.ERROR, nodeId, property, message);
  }

  /** A warning on a node's property. */
  public static Problem warning(String nodeId, String property, String message) {
    return new Problem(Severity.WARNING, nodeId, property, message);
  }

  /** Whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Where the problem is, e.g. {@code node 'counts', property 'window'}. */
  public String location() {
    if (nodeId == null) {
      return "pipeline";
    }
    return property == null
        ? "node '" + nodeId + "'"
        : "node '" + nodeId + "', property '" + property + "'";
  }

  @Override
  public int compareTo(Problem o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return severity.name().toLowerCase() + ": " + location() + ": " + message;
  }
}
