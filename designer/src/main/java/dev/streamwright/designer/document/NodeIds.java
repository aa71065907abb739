package dev.streamwright.designer.document;

import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands out new node ids named after their type ({@code filter_1}, {@code filter_2}, ...), so ids
 * in pipeline files and SQL relation names read well. A new id is one past the highest of its kind
 * in the pipeline, so ids grow in the order nodes were added, even when the user named some by
 * hand.
 */
public final class NodeIds {

  private static final Pattern NUMBERED = Pattern.compile("(.+)_([0-9]{1,9})");
  // The compiler's limit on ids, minus room for the "_<number>" suffix.
  private static final int MAX_BASE_LENGTH = 52;

  private final Set<String> used = new HashSet<>();
  private final Map<String, Long> highest = new HashMap<>();

  /** An allocator that avoids every id of the pipeline. */
  public NodeIds(Pipeline pipeline) {
    for (Node n : pipeline.nodes()) {
      note(n.id());
    }
  }

  /** The next id of a node of this type, e.g. {@code window_aggregate_3}; reserved from now on. */
  public String next(String typeId) {
    String base = base(typeId);
    long n = highest.getOrDefault(base, 0L);
    String id;
    do {
      n++;
      id = base + "_" + n;
    } while (used.contains(id));
    note(id);
    return id;
  }

  /** The next id for a node of this type in the pipeline. */
  public static String next(Pipeline pipeline, String typeId) {
    return new NodeIds(pipeline).next(typeId);
  }

  /** The id prefix for a type: letters, digits and '_' only, starting with a letter. */
  static String base(String typeId) {
    StringBuilder sb = new StringBuilder();
    for (char c : typeId.toCharArray()) {
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      sb.append(plain ? c : '_');
    }
    if (sb.length() == 0 || !Character.isLetter(sb.charAt(0))) {
      sb.insert(0, "node_");
    }
    return sb.length() > MAX_BASE_LENGTH ? sb.substring(0, MAX_BASE_LENGTH) : sb.toString();
  }

  private void note(String id) {
    used.add(id);
    Matcher m = NUMBERED.matcher(id);
    if (m.matches()) {
      highest.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
    }
  }
}
