package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.SqlTypes;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a column type a user typed is exactly one Flink SQL type. Types are written into DDL
 * as they are, so this is what stops a type from closing the column list early; it also turns a
 * typo into an error on the node instead of a planner stack trace.
 */
final class SqlTypeSyntax {

  private static final Set<String> SIMPLE =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INT",
          "INTEGER",
          "BIGINT",
          "FLOAT",
          "DOUBLE",
          "DECIMAL",
          "NUMERIC",
          "BOOLEAN",
          "STRING",
          "VARCHAR",
          "CHAR",
          "BYTES",
          "VARBINARY",
          "BINARY",
          "DATE",
          "TIME",
          "TIMESTAMP",
          "TIMESTAMP_LTZ");

  /** What the error message suggests. */
  static final String EXAMPLES =
      "STRING, INT, BIGINT, DOUBLE, DECIMAL(10,2), BOOLEAN, TIMESTAMP(3), TIMESTAMP_LTZ(3),"
          + " ARRAY<STRING>";

  private static final Pattern LONG_LTZ =
      Pattern.compile("TIMESTAMP(\\(\\d+\\))? WITH LOCAL TIME ZONE");

  private final String text;
  private int pos;

  private SqlTypeSyntax(String text) {
    this.text = text;
  }

  /**
   * {@link SqlTypes#normalize(String)}, plus the long form of a local-time-zone timestamp with a
   * precision ({@code TIMESTAMP(3) WITH LOCAL TIME ZONE} becomes {@code TIMESTAMP_LTZ(3)}), which
   * the API's normalisation only folds without a precision.
   */
  static String normalize(String type) {
    return LONG_LTZ.matcher(SqlTypes.normalize(type)).replaceAll("TIMESTAMP_LTZ$1");
  }

  /** Why the (normalised) type is not one Flink SQL type, or empty when it is. */
  static Optional<String> problem(String type) {
    if (type == null || type.isBlank()) {
      return Optional.of("is empty; set a Flink SQL type such as " + EXAMPLES);
    }
    SqlTypeSyntax parser = new SqlTypeSyntax(type);
    boolean ok = parser.type() && parser.atEnd();
    return ok
        ? Optional.empty()
        : Optional.of("'" + type + "' is not a Flink SQL type; use one such as " + EXAMPLES);
  }

  private boolean type() {
    String name = word();
    if (name == null) {
      return false;
    }
    switch (name) {
      case "ARRAY", "MULTISET" -> {
        return symbol('<') && type() && symbol('>');
      }
      case "MAP" -> {
        return symbol('<') && type() && symbol(',') && type() && symbol('>');
      }
      case "ROW" -> {
        if (!symbol('<')) {
          return false;
        }
        do {
          if (!fieldName() || !type()) {
            return false;
          }
        } while (symbol(','));
        return symbol('>');
      }
      default -> {
        if (!SIMPLE.contains(name)) {
          return false;
        }
        if (symbol('(')) {
          if (!number()) {
            return false;
          }
          if (symbol(',') && !number()) {
            return false;
          }
          return symbol(')');
        }
        return true;
      }
    }
  }

  private boolean fieldName() {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == '`') {
      int end = pos + 1;
      while (end < text.length()) {
        if (text.charAt(end) == '`') {
          if (end + 1 < text.length() && text.charAt(end + 1) == '`') {
            end += 2;
            continue;
          }
          pos = end + 1;
          return true;
        }
        end++;
      }
      return false;
    }
    return word() != null;
  }

  private String word() {
    skipSpaces();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos || Character.isDigit(text.charAt(start))) {
      return null;
    }
    return text.substring(start, pos).toUpperCase(java.util.Locale.ROOT);
  }

  private boolean number() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos > start && pos - start <= 10;
  }

  private boolean symbol(char c) {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean atEnd() {
    skipSpaces();
    return pos == text.length();
  }

  private void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }
}
