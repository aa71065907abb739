package dev.streamwright.plugin.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * Quoting for generated SQL. Every identifier and string literal a node type renders goes through
 * here, so no property value can end a literal or identifier early and inject SQL.
 */
public final class Sql {

  private Sql() {}

  /** A back-quoted identifier; back-quotes inside are doubled. */
  public static String identifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A single-quoted string literal; quotes inside are doubled. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * A {@code WITH (...)} clause with the options sorted by key, one per line, so generated DDL is
   * deterministic and diffs well.
   */
  public static String withClause(Map<String, String> options) {
    StringBuilder sb = new StringBuilder("WITH (");
    String sep = "\n  ";
    for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
      sb.append(sep).append(literal(e.getKey())).append(" = ").append(literal(e.getValue()));
      sep = ",\n  ";
    }
    return sb.append("\n)").toString();
  }
}
