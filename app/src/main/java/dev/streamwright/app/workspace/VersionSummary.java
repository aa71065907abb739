package dev.streamwright.app.workspace;

import dev.streamwright.designer.document.diff.NodeChange;
import dev.streamwright.designer.document.diff.PipelineDiff;
import dev.streamwright.designer.document.diff.PropertyChange;
import dev.streamwright.runtime.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one-line summary a history entry shows, such as {@code added filter; changed sink (topic)}.
 * It names nodes and properties but never values: a value can be a credential, and the summary is
 * shown in lists and may end up in screenshots.
 */
final class VersionSummary {

  /** Names listed before the rest is counted, so a summary fits one line of the history list. */
  private static final int MAX_NAMES = 3;

  /** Longest summary kept; the diff of the two versions has the full story. */
  static final int MAX_LENGTH = 160;

  private VersionSummary() {}

  static String of(PipelineDiff d) {
    if (d.isEmpty()) {
      return "no visible change";
    }
    List<String> parts = new ArrayList<>();
    if (d.name() != null) {
      parts.add("renamed");
    }
    if (d.description() != null) {
      parts.add("description edited");
    }
    if (!d.tagsAdded().isEmpty() || !d.tagsRemoved().isEmpty()) {
      parts.add("tags edited");
    }
    if (!d.nodesAdded().isEmpty()) {
      parts.add("added " + names(d.nodesAdded().stream().map(Node::id).toList()));
    }
    if (!d.nodesRemoved().isEmpty()) {
      parts.add("removed " + names(d.nodesRemoved().stream().map(Node::id).toList()));
    }
    List<String> changed = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    for (NodeChange c : d.nodesChanged()) {
      if (c.changesContent()) {
        changed.add(c.nodeId() + contentChanges(c));
      } else {
        moved.add(c.nodeId());
      }
    }
    if (!changed.isEmpty()) {
      parts.add("changed " + names(changed));
    }
    if (!moved.isEmpty()) {
      parts.add("moved " + names(moved));
    }
    int connected = d.edgesAdded().size();
    int disconnected = d.edgesRemoved().size();
    if (connected > 0) {
      parts.add(connected + (connected == 1 ? " edge" : " edges") + " added");
    }
    if (disconnected > 0) {
      parts.add(disconnected + (disconnected == 1 ? " edge" : " edges") + " removed");
    }
    return cut(String.join("; ", parts));
  }

  private static String contentChanges(NodeChange c) {
    List<String> what = new ArrayList<>();
    if (c.name() != null) {
      what.add("label");
    }
    if (c.type() != null) {
      what.add("type");
    }
    c.properties().stream().map(PropertyChange::property).forEach(what::add);
    return what.isEmpty() ? "" : " (" + names(what) + ")";
  }

  private static String names(List<String> names) {
    if (names.size() <= MAX_NAMES) {
      return String.join(", ", names);
    }
    return names.stream().limit(MAX_NAMES).collect(Collectors.joining(", "))
        + " and "
        + (names.size() - MAX_NAMES)
        + " more";
  }

  static String cut(String s) {
    return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 3) + "...";
  }
}
