package dev.streamwright.designer.document.diff;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed from one version of a pipeline to another, for the workspace history view: nodes and
 * edges added and removed, per-node property changes with old and new values, and changes of the
 * name, description and tags. Lists are sorted so the same two versions always read the same.
 *
 * @param name the pipeline name change, or null
 * @param description the description change, or null
 * @param tagsAdded tags only the newer version has
 * @param tagsRemoved tags only the older version has
 * @param nodesAdded nodes only the newer version has, by id
 * @param nodesRemoved nodes only the older version has, by id
 * @param nodesChanged nodes in both whose label, type, position or properties differ, by id
 * @param edgesAdded edges only the newer version has
 * @param edgesRemoved edges only the older version has
 */
public record PipelineDiff(
    ValueChange name,
    ValueChange description,
    List<String> tagsAdded,
    List<String> tagsRemoved,
    List<Node> nodesAdded,
    List<Node> nodesRemoved,
    List<NodeChange> nodesChanged,
    List<Edge> edgesAdded,
    List<Edge> edgesRemoved) {

  public PipelineDiff {
    tagsAdded = List.copyOf(tagsAdded);
    tagsRemoved = List.copyOf(tagsRemoved);
    nodesAdded = List.copyOf(nodesAdded);
    nodesRemoved = List.copyOf(nodesRemoved);
    nodesChanged = List.copyOf(nodesChanged);
    edgesAdded = List.copyOf(edgesAdded);
    edgesRemoved = List.copyOf(edgesRemoved);
  }

  /** The changes that turn {@code older} into {@code newer}. */
  public static PipelineDiff between(Pipeline older, Pipeline newer) {
    Map<String, Node> before = byId(older);
    Map<String, Node> after = byId(newer);
    List<Node> added = new ArrayList<>();
    List<Node> removed = new ArrayList<>();
    List<NodeChange> changed = new ArrayList<>();
    after.forEach(
        (id, n) -> {
          if (!before.containsKey(id)) {
            added.add(n);
          }
        });
    before.forEach(
        (id, old) -> {
          Node now = after.get(id);
          if (now == null) {
            removed.add(old);
          } else if (!now.equals(old)) {
            changed.add(nodeChange(old, now));
          }
        });
    return new PipelineDiff(
        change(older.name(), newer.name()),
        change(older.description(), newer.description()),
        minus(newer.tags(), older.tags()),
        minus(older.tags(), newer.tags()),
        added,
        removed,
        changed,
        minus(newer.edges(), older.edges()),
        minus(older.edges(), newer.edges()));
  }

  /** Whether the two versions are the same. */
  public boolean isEmpty() {
    return name == null
        && description == null
        && tagsAdded.isEmpty()
        && tagsRemoved.isEmpty()
        && nodesAdded.isEmpty()
        && nodesRemoved.isEmpty()
        && nodesChanged.isEmpty()
        && edgesAdded.isEmpty()
        && edgesRemoved.isEmpty();
  }

  /** The changes as readable text, one change per line. */
  public String text() {
    return DiffText.render(this);
  }

  private static NodeChange nodeChange(Node old, Node now) {
    List<PropertyChange> props = new ArrayList<>();
    Set<String> keys = new TreeSet<>(old.properties().keySet());
    keys.addAll(now.properties().keySet());
    for (String key : keys) {
      Object a = old.properties().get(key);
      Object b = now.properties().get(key);
      if (a == null) {
        props.add(new PropertyChange(key, PropertyChange.Kind.ADDED, null, b));
      } else if (b == null) {
        props.add(new PropertyChange(key, PropertyChange.Kind.REMOVED, a, null));
      } else if (!a.equals(b)) {
        props.add(new PropertyChange(key, PropertyChange.Kind.CHANGED, a, b));
      }
    }
    return new NodeChange(
        old.id(),
        change(old.name(), now.name()),
        change(old.type(), now.type()),
        !old.position().equals(now.position()),
        props);
  }

  private static ValueChange change(String a, String b) {
    return Objects.equals(a, b) ? null : new ValueChange(a, b);
  }

  private static Map<String, Node> byId(Pipeline p) {
    Map<String, Node> out = new TreeMap<>();
    p.nodes().forEach(n -> out.putIfAbsent(n.id(), n));
    return out;
  }

  private static <T extends Comparable<? super T>> List<T> minus(List<T> a, List<T> b) {
    Set<T> out = new TreeSet<>(a);
    out.removeAll(new TreeSet<>(b));
    return new ArrayList<>(out);
  }
}
