package dev.streamwright.designer.ui.palette;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeType;
import java.util.Locale;

/**
 * One row of the palette: a group heading or a node type.
 *
 * @param category the group
 * @param type the node type, or null for the group heading
 */
record PaletteEntry(NodeCategory category, NodeType type) {

  static PaletteEntry heading(NodeCategory category) {
    return new PaletteEntry(category, null);
  }

  static PaletteEntry of(NodeType type) {
    return new PaletteEntry(type.category(), type);
  }

  boolean isType() {
    return type != null;
  }

  String text() {
    return type == null ? category.label() : type.displayName();
  }

  /** Whether every word of the search appears in the type's name, id, description or group. */
  boolean matches(String search) {
    return type != null
        && containsAll(
            type.displayName()
                + " "
                + type.id()
                + " "
                + type.description()
                + " "
                + category.label(),
            search);
  }

  /** 0 when the search matches the type's name, 1 when it only matches elsewhere: names first. */
  int rank(String search) {
    return type != null && containsAll(type.displayName(), search) ? 0 : 1;
  }

  private static boolean containsAll(String text, String search) {
    String haystack = text.toLowerCase(Locale.ROOT);
    for (String word : search.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      if (!haystack.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
