package dev.streamwright.runtime.connectors;

import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connector tables of a compiled pipeline, read back from its {@code CREATE TABLE} statements,
 * so that what is checked before a run and blamed after a failure is exactly what Flink was given:
 * the node's options, the user's extra options and the environment's brokers.
 */
public final class ConnectorTables {

  private static final String NAME = "(?:`(?:[^`]|``)+`|[\\w$]+)";

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "^\\s*CREATE\\s+(?:TEMPORARY\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?("
              + NAME
              + "(?:\\."
              + NAME
              + ")*)",
          Pattern.CASE_INSENSITIVE);

  /** No tables: a pipeline without connectors, or a caller that has no compiled pipeline. */
  public static final ConnectorTables NONE = new ConnectorTables(List.of());

  private final List<ConnectorTable> tables;

  private ConnectorTables(List<ConnectorTable> tables) {
    this.tables = List.copyOf(tables);
  }

  /** The tables the pipeline's statements create, in statement order. */
  public static ConnectorTables of(CompiledPipeline pipeline) {
    List<ConnectorTable> tables = new ArrayList<>();
    for (SqlStatement s : pipeline.statements()) {
      if (s.kind() != SqlStatement.Kind.DDL) {
        continue;
      }
      Matcher m = CREATE_TABLE.matcher(s.sql());
      if (!m.find()) {
        continue;
      }
      Map<String, String> options = withOptions(s.sql());
      if (options == null) {
        continue;
      }
      String table = m.group(1);
      Pattern insert =
          Pattern.compile(
              "^\\s*INSERT\\s+INTO\\s+" + Pattern.quote(table) + "(?:\\s|\\()",
              Pattern.CASE_INSENSITIVE);
      boolean sink = pipeline.inserts().stream().anyMatch(i -> insert.matcher(i.sql()).find());
      tables.add(new ConnectorTable(s.nodeId(), table, sink, options));
    }
    return new ConnectorTables(tables);
  }

  /** Tables given directly. */
  public static ConnectorTables of(List<ConnectorTable> tables) {
    return new ConnectorTables(tables);
  }

  /** Every table. */
  public List<ConnectorTable> all() {
    return tables;
  }

  /** The tables Flink's Kafka connectors read or write. */
  public List<ConnectorTable> kafka() {
    return tables.stream().filter(ConnectorTable::isKafka).toList();
  }

  /** The sinks: tables the pipeline writes into. */
  public List<ConnectorTable> sinks() {
    return tables.stream().filter(ConnectorTable::sink).toList();
  }

  /** Where a failure points: a Kafka node and the property to look at. */
  public record Blame(ConnectorTable table, String property, String topic) {

    /** {@code node 'x', property 'topic'}, as problems name their place. */
    public String location() {
      return "node '" + table.nodeId() + "', property '" + property + "'";
    }
  }

  /**
   * The Kafka node a failure is about: the first one whose topic the text names the way Kafka and
   * Flink's connector quote topics ({@code [orders]}, {@code 'orders'}, {@code Topic orders not
   * present}, a partition {@code orders-0}), else the first whose broker address it names. Empty
   * when it names neither.
   */
  public Optional<Blame> blame(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    for (ConnectorTable t : kafka()) {
      for (String topic : t.topics()) {
        if (namesTopic(text, topic)) {
          return Optional.of(new Blame(t, ConnectorTable.TOPIC_PROPERTY, topic));
        }
      }
    }
    for (ConnectorTable t : kafka()) {
      for (String address : addresses(t.bootstrapServers())) {
        if (namesAddress(text, address)) {
          return Optional.of(new Blame(t, ConnectorTable.BOOTSTRAP_PROPERTY, null));
        }
      }
    }
    return Optional.empty();
  }

  static boolean namesTopic(String text, String topic) {
    String q = Pattern.quote(topic);
    Pattern p =
        Pattern.compile(
            "(?:(?:[\\['\"]|, )"
                + q
                + "(?=[\\]'\",])"
                + "|\\b[Tt]opics?[:=]? ?"
                + q
                + "(?![\\w.-])"
                + "|(?<![\\w.-])"
                + q
                + "-\\d+(?![\\w.]))");
    return p.matcher(text).find();
  }

  static boolean namesAddress(String text, String address) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      return false;
    }
    String host = address.substring(0, colon);
    String port = address.substring(colon + 1);
    // Kafka writes a resolved address as host/ip:port.
    Pattern p =
        Pattern.compile(
            "(?<![\\w.-])"
                + Pattern.quote(host)
                + "(?:/[^\\s/:]+)?:"
                + Pattern.quote(port)
                + "(?!\\d)");
    return p.matcher(text).find();
  }

  /** The {@code host:port} entries of a bootstrap list. */
  static List<String> addresses(String bootstrap) {
    List<String> out = new ArrayList<>();
    for (String a : bootstrap.split(",")) {
      if (!a.isBlank()) {
        out.add(a.trim());
      }
    }
    return out;
  }

  /**
   * The options of the statement's top-level {@code WITH (...)} clause, or null when it has none.
   * String literals ({@code '...'} with {@code ''} for a quote) and quoted names are skipped while
   * looking for it, so a column expression can hold any text.
   */
  static Map<String, String> withOptions(String sql) {
    int depth = 0;
    boolean columnsSeen = false;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '`') {
        i = skipQuoted(sql, i, c);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          columnsSeen = true;
        }
      } else if (depth == 0
          && columnsSeen
          && sql.regionMatches(true, i, "WITH", 0, 4)
          && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
        int open = i + 4;
        while (open < n && Character.isWhitespace(sql.charAt(open))) {
          open++;
        }
        if (open < n && sql.charAt(open) == '(') {
          return options(sql, open + 1);
        }
      }
      i++;
    }
    return null;
  }

  /** {@code 'key' = 'value', ...)} from {@code from}; null when it is not that shape. */
  private static Map<String, String> options(String sql, int from) {
    Map<String, String> options = new LinkedHashMap<>();
    int i = from;
    while (true) {
      i = skipSpace(sql, i);
      if (i < sql.length() && sql.charAt(i) == ')') {
        return options;
      }
      int keyEnd = literalEnd(sql, i);
      if (keyEnd < 0) {
        return null;
      }
      String key = unquote(sql, i, keyEnd);
      i = skipSpace(sql, keyEnd);
      if (i >= sql.length() || sql.charAt(i) != '=') {
        return null;
      }
      i = skipSpace(sql, i + 1);
      int valueEnd = literalEnd(sql, i);
      if (valueEnd < 0) {
        return null;
      }
      options.put(key, unquote(sql, i, valueEnd));
      i = skipSpace(sql, valueEnd);
      if (i < sql.length() && sql.charAt(i) == ',') {
        i++;
      }
    }
  }

  private static int skipSpace(String sql, int i) {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the literal starting at {@code i}, or -1 when none starts there. */
  private static int literalEnd(String sql, int i) {
    if (i >= sql.length() || sql.charAt(i) != '\'') {
      return -1;
    }
    int end = skipQuoted(sql, i, '\'');
    return end > sql.length() ? -1 : end;
  }

  private static String unquote(String sql, int start, int end) {
    return sql.substring(start + 1, end - 1).replace("''", "'");
  }

  /** The index after the quoted text that starts at {@code i} with {@code quote}. */
  private static int skipQuoted(String sql, int i, char quote) {
    int j = i + 1;
    while (j < sql.length()) {
      if (sql.charAt(j) == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return sql.length() + 1;
  }
}
