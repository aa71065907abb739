package dev.streamwright.designer.document.command;

import java.util.Collection;

/** Shared wording of command descriptions, so the Edit menu reads the same for every edit. */
final class Words {

  private Words() {}

  /** {@code 'id'}. */
  static String quote(String id) {
    return "'" + id + "'";
  }

  /** {@code 1 node}, {@code 3 nodes}. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code 'f1'} for one id, {@code 3 nodes} for several. */
  static String nodes(Collection<String> ids) {
    return ids.size() == 1 ? quote(ids.iterator().next()) : count(ids.size(), "node");
  }

  /** The label with a lower-case first letter unless it starts an acronym ({@code SQL query}). */
  static String inSentence(String label) {
    if (label.length() > 1
        && Character.isUpperCase(label.charAt(0))
        && !Character.isUpperCase(label.charAt(1))) {
      return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
    return label;
  }
}
