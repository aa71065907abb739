package dev.streamwright.runtime.upgrade;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeState;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Says which stateful nodes of a running pipeline lose their state when it is upgraded to a new
 * version, before anything is stopped. A node's state is what its type declares ({@link
 * NodeType#state}); it carries over only when the node keeps its id and type, still keeps state,
 * keeps the values of the properties that shape it and, when schemas are known, the types of its
 * input columns. Everything else (a changed filter, a new sink, a moved node) keeps every state.
 *
 * <p>This is the check a user reads; Flink checks again when the new job starts and refuses a
 * savepoint whose state has no home in the new job (see decision 0018).
 */
public final class StateCheck {

  /** Values longer than this are named by their property only. */
  private static final int SHOWN_VALUE = 40;

  private final NodeTypeRegistry types;

  public StateCheck(NodeTypeRegistry types) {
    this.types = Objects.requireNonNull(types, "types");
  }

  /** Compares two versions by their nodes and properties alone. */
  public StateCheckResult check(Pipeline running, Pipeline next) {
    return check(running, Map.of(), next, Map.of());
  }

  /** Compares two compiled versions: also the column types flowing into each stateful node. */
  public StateCheckResult check(
      Pipeline running,
      CompiledPipeline runningCompiled,
      Pipeline next,
      CompiledPipeline nextCompiled) {
    StateCheckResult result =
        check(running, runningCompiled.schemas(), next, nextCompiled.schemas());
    Optional<StateLoss> taps = changedDriftTaps(runningCompiled, nextCompiled);
    if (taps.isEmpty()) {
      return result;
    }
    List<StateLoss> losses = new ArrayList<>(result.losses());
    losses.add(taps.get());
    return new StateCheckResult(losses, result.carriedOver());
  }

  /**
   * Drift taps added or removed: the tap keeps no state, but the job graph around a tapped node
   * changes (a calculation chained to a model's operator, sub-plans planned once), so Flink numbers
   * the operators anew and may refuse the savepoint (docs/decisions/0024-drift-tap.md).
   */
  private static Optional<StateLoss> changedDriftTaps(
      CompiledPipeline running, CompiledPipeline next) {
    java.util.Set<String> before = new java.util.TreeSet<>();
    running.driftTaps().forEach(t -> before.add(t.nodeId()));
    java.util.Set<String> after = new java.util.TreeSet<>();
    next.driftTaps().forEach(t -> after.add(t.nodeId()));
    if (before.equals(after)) {
      return Optional.empty();
    }
    java.util.Set<String> added = new java.util.TreeSet<>(after);
    added.removeAll(before);
    java.util.Set<String> removed = new java.util.TreeSet<>(before);
    removed.removeAll(after);
    List<String> what = new ArrayList<>();
    if (!added.isEmpty()) {
      what.add("added on " + String.join(", ", added));
    }
    if (!removed.isEmpty()) {
      what.add("removed from " + String.join(", ", removed));
    }
    return Optional.of(
        new StateLoss(
            null,
            "drift",
            "drift taps are "
                + String.join(" and ", what)
                + ": the job's operators around them change, so Flink may refuse the savepoint"
                + " and the state of the nodes after them is lost; keep the running version's"
                + " drift settings to keep it"));
  }

  private StateCheckResult check(
      Pipeline running,
      Map<String, Map<String, Schema>> runningSchemas,
      Pipeline next,
      Map<String, Map<String, Schema>> nextSchemas) {
    List<StateLoss> losses = new ArrayList<>();
    List<String> carried = new ArrayList<>();
    for (Node old : running.nodes()) {
      Optional<NodeType> oldType = types.find(old.type());
      if (oldType.isEmpty()) {
        losses.add(
            new StateLoss(
                old.id(),
                null,
                "node '"
                    + old.id()
                    + "' has type '"
                    + old.type()
                    + "', which this Streamwright does not know: it cannot tell whether its state"
                    + " carries over; install the plugin that provides it"));
        continue;
      }
      NodeProperties oldProps = new NodeProperties(old.properties(), oldType.get().properties());
      NodeState state = oldType.get().state(oldProps);
      if (!state.keepsState()) {
        continue;
      }
      String label = "node '" + old.id() + "' (" + oldType.get().displayName() + ")";
      String lost = "its " + state.holds() + " are lost";
      Node now = next.node(old.id()).orElse(null);
      if (now == null) {
        losses.add(new StateLoss(old.id(), null, label + " is removed: " + lost));
        continue;
      }
      NodeType newType = types.find(now.type()).orElse(null);
      if (!now.type().equals(old.type()) || newType == null) {
        String becomes = newType == null ? "type '" + now.type() + "'" : newType.displayName();
        losses.add(
            new StateLoss(old.id(), null, label + " becomes a " + becomes + " node: " + lost));
        continue;
      }
      NodeProperties newProps = new NodeProperties(now.properties(), newType.properties());
      if (!newType.state(newProps).keepsState()) {
        losses.add(new StateLoss(old.id(), null, label + " no longer keeps state: " + lost));
        continue;
      }
      Optional<StateLoss> changed =
          changedProperty(old.id(), label, lost, state, oldProps, newProps);
      if (changed.isEmpty()) {
        changed = changedInput(old.id(), label, lost, running, runningSchemas, next, nextSchemas);
      }
      if (changed.isPresent()) {
        losses.add(changed.get());
      } else {
        carried.add(old.id());
      }
    }
    return new StateCheckResult(losses, carried);
  }

  private static Optional<StateLoss> changedProperty(
      String id,
      String label,
      String lost,
      NodeState state,
      NodeProperties before,
      NodeProperties after) {
    List<String> changes = new ArrayList<>();
    String first = null;
    for (String p : state.shapedBy()) {
      Object was = before.raw(p);
      Object is = after.raw(p);
      if (!Objects.equals(was, is)) {
        first = first == null ? p : first;
        changes.add(describe(p, was, is));
      }
    }
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new StateLoss(
            id,
            first,
            label
                + " changes "
                + String.join(", ", changes)
                + ": the saved state no longer fits, "
                + lost));
  }

  /** {@code 'size' (1h -> 30min)}, or just {@code 'aggregates'} for lists and long values. */
  private static String describe(String property, Object was, Object is) {
    String quoted = "'" + property + "'";
    if (shown(was) && shown(is)) {
      return quoted + " (" + text(was) + " -> " + text(is) + ")";
    }
    return quoted;
  }

  private static boolean shown(Object value) {
    return value == null
        || (value instanceof String || value instanceof Number || value instanceof Boolean)
            && value.toString().length() <= SHOWN_VALUE
            && !value.toString().contains("\n");
  }

  private static String text(Object value) {
    return value == null ? "unset" : value.toString();
  }

  /** The first input column present in both versions whose type changed. */
  private static Optional<StateLoss> changedInput(
      String id,
      String label,
      String lost,
      Pipeline running,
      Map<String, Map<String, Schema>> runningSchemas,
      Pipeline next,
      Map<String, Map<String, Schema>> nextSchemas) {
    Map<String, Schema> before = inputs(id, running, runningSchemas);
    Map<String, Schema> after = inputs(id, next, nextSchemas);
    for (Map.Entry<String, Schema> port : before.entrySet()) {
      Schema now = after.get(port.getKey());
      if (now == null) {
        continue;
      }
      for (Column c : port.getValue().columns()) {
        Optional<Column> same = now.column(c.name());
        if (same.isPresent() && !same.get().type().equalsIgnoreCase(c.type())) {
          return Optional.of(
              new StateLoss(
                  id,
                  null,
                  label
                      + " gets input column '"
                      + c.name()
                      + "' as "
                      + same.get().type()
                      + " instead of "
                      + c.type()
                      + ": the saved state no longer fits, "
                      + lost));
        }
      }
    }
    return Optional.empty();
  }

  /** The schema arriving at each input port of the node, where known. */
  private static Map<String, Schema> inputs(
      String nodeId, Pipeline pipeline, Map<String, Map<String, Schema>> schemas) {
    Map<String, Schema> out = new java.util.TreeMap<>();
    for (Edge e : pipeline.edges()) {
      if (e.to().equals(nodeId)) {
        Schema s = schemas.getOrDefault(e.from(), Map.of()).get(e.fromPort());
        if (s != null) {
          out.put(e.toPort(), s);
        }
      }
    }
    return out;
  }
}
