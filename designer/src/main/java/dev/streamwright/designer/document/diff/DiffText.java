package dev.streamwright.designer.document.diff;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link PipelineDiff} as short lines a person can scan: {@code +} added, {@code -}
 * removed, {@code ~} changed, with old and new values.
 */
final class DiffText {

  /**
   * Longest value shown in full; longer ones (a free-form SQL query, a long column list) are cut,
   * since the history view shows both versions in full beside the summary.
   */
  static final int MAX_VALUE_LENGTH = 120;

  private DiffText() {}

  static String render(PipelineDiff d) {
    if (d.isEmpty()) {
      return "No changes.\n";
    }
    StringBuilder sb = new StringBuilder();
    if (d.name() != null) {
      line(sb, 0, "Name: " + text(d.name().before()) + " -> " + text(d.name().after()));
    }
    if (d.description() != null) {
      line(
          sb,
          0,
          "Description: "
              + text(d.description().before())
              + " -> "
              + text(d.description().after()));
    }
    d.tagsAdded().forEach(t -> line(sb, 0, "+ tag " + t));
    d.tagsRemoved().forEach(t -> line(sb, 0, "- tag " + t));
    for (Node n : d.nodesAdded()) {
      line(sb, 0, "+ node " + n.id() + " (" + n.type() + ")");
    }
    for (Node n : d.nodesRemoved()) {
      line(sb, 0, "- node " + n.id() + " (" + n.type() + ")");
    }
    for (NodeChange c : d.nodesChanged()) {
      node(sb, c);
    }
    for (Edge e : d.edgesAdded()) {
      line(sb, 0, "+ edge " + e);
    }
    for (Edge e : d.edgesRemoved()) {
      line(sb, 0, "- edge " + e);
    }
    return sb.toString();
  }

  private static void node(StringBuilder sb, NodeChange c) {
    if (!c.changesContent()) {
      line(sb, 0, "~ node " + c.nodeId() + ": moved");
      return;
    }
    line(sb, 0, "~ node " + c.nodeId() + (c.moved() ? " (moved)" : ""));
    if (c.name() != null) {
      line(sb, 2, "name: " + text(c.name().before()) + " -> " + text(c.name().after()));
    }
    if (c.type() != null) {
      line(sb, 2, "type: " + c.type().before() + " -> " + c.type().after());
    }
    for (PropertyChange p : c.properties()) {
      switch (p.kind()) {
        case ADDED -> line(sb, 2, "+ " + p.property() + " = " + value(p.after()));
        case REMOVED -> line(sb, 2, "- " + p.property() + " (was " + value(p.before()) + ")");
        case CHANGED ->
            line(sb, 2, p.property() + ": " + value(p.before()) + " -> " + value(p.after()));
      }
    }
  }

  private static void line(StringBuilder sb, int indent, String text) {
    sb.append(" ".repeat(indent)).append(text).append('\n');
  }

  /** A property value the way it reads in the pipeline file, cut to a readable length. */
  static String value(Object v) {
    String s = format(v);
    return s.length() <= MAX_VALUE_LENGTH ? s : s.substring(0, MAX_VALUE_LENGTH - 3) + "...";
  }

  private static String format(Object v) {
    if (v instanceof String s) {
      return text(s);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(DiffText::format).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .map(e -> e.getKey() + ": " + format(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(v);
  }

  private static String text(String s) {
    return s == null
        ? "null"
        : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
