package dev.streamwright.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * The state a node keeps while its job runs (running aggregates, open windows, buffered rows, read
 * positions), as its node type declares it: what that state holds, in words for messages, and which
 * of the node's properties shape it. Upgrading a running pipeline keeps a node's state only while
 * the node stays, keeps its type and keeps the values of those properties; the upgrade check names
 * every stateful node that does not.
 *
 * @param holds what the state holds, a plural noun phrase that reads after "its" and before "are
 *     lost", e.g. {@code open windows and their partial aggregates}; empty when the node keeps none
 * @param shapedBy the names of the properties whose change leaves the saved state unusable; the
 *     others (a HAVING condition, a buffer size) can change without losing it
 */
public record NodeState(String holds, List<String> shapedBy) {

  /** A node that keeps nothing between rows: filters, projections, most sinks. */
  public static final NodeState NONE = new NodeState("", List.of());

  public NodeState {
    holds = Objects.requireNonNull(holds, "holds").strip();
    shapedBy = List.copyOf(shapedBy);
  }

  /** State holding {@code holds}, shaped by the named properties. */
  public static NodeState kept(String holds, String... shapedBy) {
    if (holds.isBlank()) {
      throw new IllegalArgumentException("say what the state holds, e.g. running counts");
    }
    return new NodeState(holds, List.of(shapedBy));
  }

  /** Whether the node keeps state at all. */
  public boolean keepsState() {
    return !holds.isEmpty();
  }
}
