package dev.streamwright.plugin.api;

import java.util.Objects;

/**
 * A named input or output port of a node type.
 *
 * @param id the port id used in pipeline files, e.g. {@code in} or {@code rejected}
 * @param label the port name shown on the canvas
 * @param acceptsUpdates for input ports: whether rows that update or retract earlier rows (a
 *     changelog) may flow in; append-only sinks such as files refuse them
 */
public record PortSpec(String id, String label, boolean acceptsUpdates) {

  /** The conventional single input port. */
  public static final String IN = "in";

  /** The conventional single output port. */
  public static final String OUT = "out";

  public PortSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
  }

  /** An input port that takes append-only streams and changelogs alike. */
  public static PortSpec input(String id) {
    return new PortSpec(id, id, true);
  }

  /** An input port that refuses changelogs. */
  public static PortSpec appendOnlyInput(String id) {
    return new PortSpec(id, id, false);
  }

  /** An output port. */
  public static PortSpec output(String id) {
    return new PortSpec(id, id, true);
  }
}
