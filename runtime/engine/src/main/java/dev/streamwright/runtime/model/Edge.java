package dev.streamwright.runtime.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A connection from an output port of one node to an input port of another.
 *
 * @param from source node id
 * @param fromPort output port id of the source node
 * @param to target node id
 * @param toPort input port id of the target node
 */
public record Edge(String from, String fromPort, String to, String toPort)
    implements Comparable<Edge> {

  private static final Comparator<Edge> ORDER =
      Comparator.comparing(Edge::from)
          .thenComparing(Edge::fromPort)
          .thenComparing(Edge::to)
          .thenComparing(Edge::toPort);

  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    fromPort = fromPort == null || fromPort.isBlank() ? "out" : fromPort;
    toPort = toPort == null || toPort.isBlank() ? "in" : toPort;
  }

  /** An edge between the conventional {@code out} and {@code in} ports. */
  public static Edge of(String from, String to) {
    return new Edge(from, "out", to, "in");
  }

  @Override
  public int compareTo(Edge o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return from + "." + fromPort + " -> " + to + "." + toPort;
  }
}
