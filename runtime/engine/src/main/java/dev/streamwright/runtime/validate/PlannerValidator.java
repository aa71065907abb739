package dev.streamwright.runtime.validate;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.errors.FlinkErrors;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Flink's planner whether a compiled pipeline would be accepted, without running anything, and
 * pins each refusal on the node and property whose value caused it. Catches what the Streamwright
 * schema checks cannot: type rules of Flink functions, connector options, sink column mismatches.
 *
 * <p>Each call uses a fresh {@link TableEnvironment}, so instances are stateless and thread-safe.
 * The first call in a JVM pays Flink's planner warm-up (~2-3 s on a laptop, class loading and code
 * generation); later calls take ~5 ms for the environment plus ~50-200 ms of planning. Call {@link
 * #warmUp()} on a background thread at start-up to hide the first cost.
 */
public final class PlannerValidator {

  private static final Logger LOG = LoggerFactory.getLogger(PlannerValidator.class);

  /** Calcite's position of a validation error inside the statement text. */
  private static final Pattern SPAN =
      Pattern.compile("From line (\\d+), column (\\d+) to line (\\d+), column (\\d+)");

  /** The parser's position of an unexpected token. */
  private static final Pattern ENCOUNTERED =
      Pattern.compile("Encountered \"(.*?)\" at line (\\d+), column (\\d+)");

  /** A connector that could not be created names its table. */
  private static final Pattern TABLE_IN_MESSAGE =
      Pattern.compile(
          "(?:source for reading|sink for writing|sink for) table '(?:[^'.]+\\.[^'.]+\\.)?([^']+)'");

  private static final Pattern CREATED =
      Pattern.compile(
          "^\\s*CREATE\\s+(?:TEMPORARY\\s+)?(TABLE|VIEW|MODEL)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
              + "((?:`[^`]+`|[\\w$]+)(?:\\.(?:`[^`]+`|[\\w$]+))*)",
          Pattern.CASE_INSENSITIVE);

  /** A function the later statements call (the drift tap): registered, not a relation. */
  private static final Pattern FUNCTION =
      Pattern.compile(
          "^\\s*CREATE\\s+(?:TEMPORARY\\s+)?(?:SYSTEM\\s+)?FUNCTION\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern QUOTED = Pattern.compile("'([^']+)'|\"([^\"]+)\"|`([^`]+)`");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final Pattern CHANGELOG = Pattern.compile("changelogMode=\\[([^\\]]*)\\]");

  /** Words of SQL itself, which say nothing about which property a span came from. */
  private static final Set<String> SQL_WORDS =
      Set.of(
          "select",
          "from",
          "where",
          "as",
          "and",
          "or",
          "not",
          "null",
          "is",
          "in",
          "on",
          "by",
          "group",
          "order",
          "having",
          "case",
          "when",
          "then",
          "else",
          "end",
          "cast",
          "table",
          "view",
          "create",
          "temporary",
          "insert",
          "into",
          "with",
          "distinct",
          "all",
          "true",
          "false",
          "interval");

  /** What the planner said about a pipeline, and the schemas it resolved on the way. */
  public record Result(List<Problem> problems, Map<String, Schema> schemas) {

    public Result {
      problems = List.copyOf(problems);
      schemas = Map.copyOf(schemas);
    }
  }

  /** Loads and exercises the planner once, so the first real validation is fast. */
  public static void warmUp() {
    long started = System.nanoTime();
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.explainSql("SELECT x + 1 FROM (VALUES (1)) AS t(x)");
    LOG.debug("Flink planner warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * The planner's objections to a compiled pipeline: the first failing setup statement (the
   * statements after it depend on it), and every failing insert and preview. Empty when Flink
   * accepts the pipeline.
   */
  public List<Problem> validate(Pipeline pipeline, CompiledPipeline compiled) {
    return run(pipeline, compiled, false).problems();
  }

  /**
   * Like {@link #validate}, plus the schema Flink resolves for every table and view the setup
   * statements create, keyed by relation name as written in the SQL. Costs one extra plan per
   * relation, which is how {@link Schema#updating()} is known.
   */
  public Result check(Pipeline pipeline, CompiledPipeline compiled) {
    return run(pipeline, compiled, true);
  }

  private Result run(Pipeline pipeline, CompiledPipeline compiled, boolean resolve) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    Map<String, SqlStatement> creators = new LinkedHashMap<>();
    Map<String, Schema> schemas = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (SqlStatement s : compiled.statements()) {
      Optional<String> relation = createdRelation(s.sql());
      if (relation.isEmpty()) {
        if (FUNCTION.matcher(s.sql()).find()) {
          // Views after it call the function: without it they fail as unknown calls.
          try {
            tEnv.executeSql(s.sql());
          } catch (RuntimeException e) {
            problems.add(problem(pipeline, s, creators, e));
            return new Result(problems, schemas);
          }
        } else {
          LOG.debug("Not a CREATE statement, skipped by planner validation: {}", s.sql());
        }
        continue;
      }
      try {
        tEnv.executeSql(s.sql());
      } catch (RuntimeException e) {
        problems.add(problem(pipeline, s, creators, e));
        return new Result(problems, schemas);
      }
      creators.put(relation.get().toLowerCase(Locale.ROOT), s);
      if (resolve && !isModel(s.sql())) {
        resolveSchema(tEnv, relation.get())
            .ifPresent(schema -> schemas.put(relation.get(), schema));
      }
    }
    problems.addAll(checkInserts(tEnv, pipeline, compiled.inserts(), creators));
    for (SqlStatement s : compiled.previews()) {
      try {
        tEnv.explainSql(s.sql());
      } catch (RuntimeException e) {
        problems.add(problem(pipeline, s, creators, e));
      }
    }
    return new Result(problems, schemas);
  }

  /** The statement set as a whole, then each insert alone to find the culprit when it fails. */
  private List<Problem> checkInserts(
      TableEnvironment tEnv,
      Pipeline pipeline,
      List<SqlStatement> inserts,
      Map<String, SqlStatement> creators) {
    if (inserts.isEmpty()) {
      return List.of();
    }
    RuntimeException whole;
    try {
      StatementSet set = tEnv.createStatementSet();
      for (SqlStatement s : inserts) {
        set.addInsertSql(s.sql());
      }
      set.explain();
      return List.of();
    } catch (RuntimeException e) {
      whole = e;
    }
    List<Problem> problems = new ArrayList<>();
    for (SqlStatement s : inserts) {
      try {
        StatementSet one = tEnv.createStatementSet();
        one.addInsertSql(s.sql());
        one.explain();
      } catch (RuntimeException e) {
        problems.add(problem(pipeline, s, creators, e));
      }
    }
    if (problems.isEmpty()) {
      // Every insert plans alone but not together: a problem of the pipeline as a whole.
      LOG.debug("The statement set fails only as a whole", whole);
      problems.add(Problem.error(null, null, FlinkErrors.rootMessage(whole)));
    }
    return problems;
  }

  private Optional<Schema> resolveSchema(TableEnvironment tEnv, String relation) {
    try {
      ResolvedSchema resolved = tEnv.from(relation).getResolvedSchema();
      List<Column> columns = new ArrayList<>();
      String eventTime = null;
      String procTime = null;
      for (org.apache.flink.table.catalog.Column c : resolved.getColumns()) {
        if (!c.isPhysical() && !c.isPersisted()) {
          continue;
        }
        LogicalType type = c.getDataType().getLogicalType();
        columns.add(new Column(c.getName(), type.asSummaryString()));
        if (LogicalTypeChecks.isRowtimeAttribute(type)) {
          eventTime = c.getName();
        } else if (LogicalTypeChecks.isProctimeAttribute(type)) {
          procTime = c.getName();
        }
      }
      return Optional.of(new Schema(columns, eventTime, procTime, isUpdating(tEnv, relation)));
    } catch (RuntimeException e) {
      LOG.debug("Could not resolve the schema of {}", relation, e);
      return Optional.empty();
    }
  }

  /** Whether the relation's plan emits updates or deletes, read from its root node. */
  private static boolean isUpdating(TableEnvironment tEnv, String relation) {
    String plan = tEnv.from(relation).explain(ExplainDetail.CHANGELOG_MODE);
    int physical = plan.indexOf("== Optimized Physical Plan ==");
    Matcher m = CHANGELOG.matcher(physical < 0 ? plan : plan.substring(physical));
    if (!m.find()) {
      return false;
    }
    String modes = m.group(1);
    return modes.contains("U") || modes.contains("D");
  }

  /** Whether the statement creates a model (a model has no schema to resolve like a table). */
  private static boolean isModel(String sql) {
    Matcher m = CREATED.matcher(sql);
    return m.find() && m.group(1).equalsIgnoreCase("MODEL");
  }

  private static Optional<String> createdRelation(String sql) {
    Matcher m = CREATED.matcher(sql);
    if (!m.find()) {
      return Optional.empty();
    }
    String[] parts = m.group(2).split("\\.");
    return Optional.of(parts[parts.length - 1].replace("`", ""));
  }

  /** A planner error as a problem on the responsible node and, when it can tell, property. */
  private Problem problem(
      Pipeline pipeline,
      SqlStatement failing,
      Map<String, SqlStatement> creators,
      RuntimeException error) {
    LOG.debug("Planner refused statement of node '{}': {}", failing.nodeId(), failing.sql(), error);
    String message = FlinkErrors.rootMessage(error);
    SqlStatement culprit = failing;
    String span = null;
    for (Throwable t : FlinkErrors.chain(error)) {
      String text = t.getMessage() == null ? "" : t.getMessage();
      Matcher table = TABLE_IN_MESSAGE.matcher(text);
      if (table.find() && creators.containsKey(table.group(1).toLowerCase(Locale.ROOT))) {
        // A connector could not be made: the table's own node holds the wrong option.
        culprit = creators.get(table.group(1).toLowerCase(Locale.ROOT));
      }
      if (span == null) {
        span = span(text, failing.sql());
      }
    }
    Node node = pipeline.node(culprit.nodeId()).orElse(null);
    String property = null;
    if (node != null) {
      if (span != null && culprit == failing) {
        property = PropertyMatch.forSpan(node, span, SQL_WORDS);
      }
      if (property == null) {
        property = PropertyMatch.forMessage(node, quoted(message), words(message));
      }
    }
    return Problem.error(culprit.nodeId(), property, message);
  }

  /** The text of the statement that Calcite's position in {@code message} points at. */
  private static String span(String message, String sql) {
    Matcher m = SPAN.matcher(message);
    if (m.find()) {
      int start = offset(sql, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      int end = offset(sql, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))) + 1;
      if (start >= 0 && end > start && end <= sql.length()) {
        return sql.substring(start, end);
      }
      return null;
    }
    Matcher e = ENCOUNTERED.matcher(message);
    return e.find() ? e.group(1) : null;
  }

  /** The character offset of a 1-based line and column, or -1 when outside the text. */
  private static int offset(String sql, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', offset);
      if (nl < 0) {
        return -1;
      }
      offset = nl + 1;
    }
    int at = offset + column - 1;
    return at < sql.length() ? at : -1;
  }

  /** Names the message quotes: the likeliest wrong values. */
  private static List<String> quoted(String message) {
    List<String> tokens = new ArrayList<>();
    Matcher q = QUOTED.matcher(message);
    while (q.find()) {
      for (int g = 1; g <= 3; g++) {
        if (q.group(g) != null) {
          tokens.add(q.group(g));
        }
      }
    }
    return tokens;
  }

  /** The message's other words, for messages that name the wrong value without quotes. */
  private static List<String> words(String message) {
    List<String> tokens = new ArrayList<>();
    Matcher w = WORD.matcher(QUOTED.matcher(message).replaceAll(" "));
    while (w.find()) {
      if (w.group().length() >= 3 && !SQL_WORDS.contains(w.group().toLowerCase(Locale.ROOT))) {
        tokens.add(w.group());
      }
    }
    return tokens;
  }

  /**
   * Finds the property of a node whose value produced a piece of SQL. Property values are what the
   * compiler rendered into the statement, so the text Calcite points at is (part of) one of them;
   * list and map values count for their top-level property.
   */
  private static final class PropertyMatch {

    private PropertyMatch() {}

    /**
     * The property whose value contains the span (the most specific value wins), else the one whose
     * values hold the most of the span's identifiers.
     */
    static String forSpan(Node node, String span, Set<String> sqlWords) {
      String wanted = normalize(span);
      if (wanted.isEmpty()) {
        return null;
      }
      String best = null;
      int bestScore = 0;
      int bestLength = Integer.MAX_VALUE;
      for (Map.Entry<String, Object> p : node.properties().entrySet()) {
        for (String value : strings(p.getValue())) {
          String v = normalize(value);
          int score = v.equals(wanted) ? 2 : v.contains(wanted) ? 1 : 0;
          if (score > bestScore || (score == bestScore && score > 0 && v.length() < bestLength)) {
            best = p.getKey();
            bestScore = score;
            bestLength = v.length();
          }
        }
      }
      if (best != null) {
        return best;
      }
      List<String> identifiers = new ArrayList<>();
      Matcher w = WORD.matcher(span);
      while (w.find()) {
        if (!sqlWords.contains(w.group().toLowerCase(Locale.ROOT))) {
          identifiers.add(w.group());
        }
      }
      int bestCount = 0;
      for (Map.Entry<String, Object> p : node.properties().entrySet()) {
        List<String> values = strings(p.getValue());
        int count = 0;
        for (String id : identifiers) {
          if (values.stream().anyMatch(v -> containsWord(v, id))) {
            count++;
          }
        }
        if (count > bestCount) {
          best = p.getKey();
          bestCount = count;
        }
      }
      return best;
    }

    /**
     * The property holding a value the message names: a quoted name equal to or inside a value,
     * else a bare word equal to a whole value.
     */
    static String forMessage(Node node, List<String> quoted, List<String> words) {
      for (String token : quoted) {
        String hit = find(node, v -> normalize(v).equals(normalize(token)));
        if (hit != null) {
          return hit;
        }
      }
      for (String token : quoted) {
        String hit = find(node, v -> containsWord(v, token));
        if (hit != null) {
          return hit;
        }
      }
      for (String token : words) {
        String hit = find(node, v -> normalize(v).equals(normalize(token)));
        if (hit != null) {
          return hit;
        }
      }
      return null;
    }

    private static String find(Node node, java.util.function.Predicate<String> test) {
      for (Map.Entry<String, Object> p : node.properties().entrySet()) {
        if (strings(p.getValue()).stream().anyMatch(test)) {
          return p.getKey();
        }
      }
      return null;
    }

    /** Every scalar inside a property value (and map keys, which often are column names). */
    private static List<String> strings(Object value) {
      List<String> out = new ArrayList<>();
      collect(value, out);
      return out;
    }

    private static void collect(Object value, List<String> out) {
      if (value instanceof Map<?, ?> m) {
        m.forEach(
            (k, v) -> {
              collect(k, out);
              collect(v, out);
            });
      } else if (value instanceof Iterable<?> it) {
        it.forEach(v -> collect(v, out));
      } else if (value != null) {
        out.add(String.valueOf(value));
      }
    }

    /** Without quoting characters, white space folded, lower case: how SQL text compares. */
    private static String normalize(String text) {
      return text.replaceAll("[`'\"]", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean containsWord(String value, String word) {
      String w = normalize(word);
      if (w.isEmpty()) {
        return false;
      }
      return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(w) + "(?![A-Za-z0-9_])")
          .matcher(normalize(value))
          .find();
    }
  }
}
