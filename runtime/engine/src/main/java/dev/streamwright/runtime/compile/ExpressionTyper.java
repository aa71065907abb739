package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers the type of common SQL expressions (column references, literals, casts, arithmetic,
 * comparisons, frequent functions) without the Flink planner, so schemas propagate as the user
 * types. Whatever it cannot tell is {@link SqlTypes#UNKNOWN}; the planner check settles those.
 */
public final class ExpressionTyper {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern INTEGER = Pattern.compile("\\d+");
  private static final Pattern DECIMAL = Pattern.compile("(\\d*)\\.(\\d+)");
  private static final Pattern CALL = Pattern.compile("(?s)([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)");
  private static final Pattern CAST =
      Pattern.compile("(?is)(?:TRY_)?CAST\\s*\\((.*)\\s+AS\\s+(.+)\\)");
  private static final Pattern BOOLEAN_WORDS =
      Pattern.compile("(?i)\\b(AND|OR|NOT|IS|LIKE|IN|BETWEEN|EXISTS|SIMILAR)\\b|<>|!=|<=|>=|[<>=]");
  private static final Pattern CASE = Pattern.compile("(?is)^CASE\\b(.*)\\bEND$");
  private static final Pattern THEN =
      Pattern.compile("(?is)\\b(?:THEN|ELSE)\\s+(.+?)(?=\\s+(?:WHEN|ELSE|END)\\b|$)");

  private static final Map<String, String> FIXED =
      Map.ofEntries(
          Map.entry("UPPER", "STRING"),
          Map.entry("LOWER", "STRING"),
          Map.entry("CONCAT", "STRING"),
          Map.entry("CONCAT_WS", "STRING"),
          Map.entry("SUBSTRING", "STRING"),
          Map.entry("SUBSTR", "STRING"),
          Map.entry("TRIM", "STRING"),
          Map.entry("REPLACE", "STRING"),
          Map.entry("REGEXP_REPLACE", "STRING"),
          Map.entry("REGEXP_EXTRACT", "STRING"),
          Map.entry("DATE_FORMAT", "STRING"),
          Map.entry("MD5", "STRING"),
          Map.entry("SHA256", "STRING"),
          Map.entry("CHAR_LENGTH", "INT"),
          Map.entry("CHARACTER_LENGTH", "INT"),
          Map.entry("POSITION", "INT"),
          Map.entry("HASH_CODE", "INT"),
          Map.entry("UNIX_TIMESTAMP", "BIGINT"),
          Map.entry("COUNT", "BIGINT"),
          Map.entry("EXP", "DOUBLE"),
          Map.entry("LN", "DOUBLE"),
          Map.entry("LOG10", "DOUBLE"),
          Map.entry("LOG2", "DOUBLE"),
          Map.entry("SQRT", "DOUBLE"),
          Map.entry("POWER", "DOUBLE"),
          Map.entry("RAND", "DOUBLE"),
          Map.entry("SIN", "DOUBLE"),
          Map.entry("COS", "DOUBLE"),
          Map.entry("REGEXP", "BOOLEAN"),
          Map.entry("PROCTIME", "TIMESTAMP_LTZ(3)"),
          Map.entry("CURRENT_TIMESTAMP", "TIMESTAMP_LTZ(3)"),
          Map.entry("NOW", "TIMESTAMP_LTZ(3)"),
          Map.entry("TO_TIMESTAMP", "TIMESTAMP(3)"),
          Map.entry("TO_TIMESTAMP_LTZ", "TIMESTAMP_LTZ(3)"),
          Map.entry("LOCALTIMESTAMP", "TIMESTAMP(3)"),
          Map.entry("TO_DATE", "DATE"));

  private ExpressionTyper() {}

  /** The type of the expression over the columns, or {@link SqlTypes#UNKNOWN}. */
  public static String typeOf(String expression, Schema columns) {
    if (expression == null || Expressions.problem(expression).isPresent()) {
      return SqlTypes.UNKNOWN;
    }
    return infer(unwrap(expression.trim()), columns);
  }

  private static String infer(String e, Schema schema) {
    if (e.isEmpty()) {
      return SqlTypes.UNKNOWN;
    }
    Matcher caseMatch = CASE.matcher(e);
    if (caseMatch.matches()) {
      return caseType(caseMatch.group(1), schema);
    }
    String top = topLevel(e);
    if (BOOLEAN_WORDS.matcher(top).find()) {
      return "BOOLEAN";
    }
    for (String ops : List.of("+-", "*/%")) {
      List<String> parts = splitBinary(e, top, ops);
      if (parts.size() > 1) {
        String type = null;
        for (String part : parts) {
          String t = infer(unwrap(part.trim()), schema);
          if (!SqlTypes.isNumeric(t)) {
            return SqlTypes.UNKNOWN;
          }
          type = type == null ? t : SqlTypes.widen(type, t);
        }
        return type;
      }
    }
    return atom(e, schema);
  }

  private static String atom(String e, Schema schema) {
    if (e.startsWith("`") && e.endsWith("`") && e.length() > 1) {
      return schema
          .column(e.substring(1, e.length() - 1).replace("``", "`"))
          .map(Column::type)
          .orElse(SqlTypes.UNKNOWN);
    }
    if (e.startsWith("'") && e.endsWith("'") && e.length() > 1) {
      return "STRING";
    }
    if (INTEGER.matcher(e).matches()) {
      return e.length() > 9 ? "BIGINT" : "INT";
    }
    Matcher dec = DECIMAL.matcher(e);
    if (dec.matches()) {
      int scale = dec.group(2).length();
      int precision = Math.max(1, dec.group(1).replaceFirst("^0+", "").length()) + scale;
      return "DECIMAL(" + precision + "," + scale + ")";
    }
    String upper = e.toUpperCase(Locale.ROOT);
    if (upper.equals("TRUE") || upper.equals("FALSE")) {
      return "BOOLEAN";
    }
    if (FIXED.containsKey(upper)) {
      return FIXED.get(upper);
    }
    if (IDENTIFIER.matcher(e).matches()) {
      return schema.column(e).map(Column::type).orElse(SqlTypes.UNKNOWN);
    }
    Matcher cast = CAST.matcher(e);
    if (cast.matches() && isSingleCall(e)) {
      return SqlTypes.normalize(cast.group(2));
    }
    Matcher call = CALL.matcher(e);
    if (call.matches() && isSingleCall(e)) {
      String fn = call.group(1).toUpperCase(Locale.ROOT);
      if (FIXED.containsKey(fn)) {
        return FIXED.get(fn);
      }
      List<String> args = arguments(call.group(2));
      if (args.isEmpty()) {
        return SqlTypes.UNKNOWN;
      }
      String first = infer(unwrap(args.get(0).trim()), schema);
      return switch (fn) {
        case "ABS",
            "FLOOR",
            "CEIL",
            "CEILING",
            "ROUND",
            "TRUNCATE",
            "COALESCE",
            "IFNULL",
            "MIN",
            "MAX",
            "SUM",
            "AVG",
            "FIRST_VALUE",
            "LAST_VALUE" ->
            first;
        default -> SqlTypes.UNKNOWN;
      };
    }
    return SqlTypes.UNKNOWN;
  }

  private static String caseType(String body, Schema schema) {
    Matcher m = THEN.matcher(body.trim());
    String type = null;
    while (m.find()) {
      String t = infer(unwrap(m.group(1).trim()), schema);
      if (SqlTypes.isUnknown(t)) {
        return SqlTypes.UNKNOWN;
      }
      if (type == null || type.equals(t)) {
        type = t;
      } else if (SqlTypes.isNumeric(type) && SqlTypes.isNumeric(t)) {
        type = SqlTypes.widen(type, t);
      } else if (!(SqlTypes.isString(type) && SqlTypes.isString(t))) {
        return SqlTypes.UNKNOWN;
      }
    }
    return type == null ? SqlTypes.UNKNOWN : type;
  }

  /** The expression with quoted and bracketed parts blanked out, same length. */
  static String topLevel(String e) {
    StringBuilder sb = new StringBuilder(e.length());
    int depth = 0;
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      if (c == '\'' || c == '`' || c == '"') {
        int end = Expressions.closingQuote(e, i, c);
        end = end < 0 ? e.length() - 1 : end;
        if (depth == 0) {
          sb.append(c).append(" ".repeat(Math.max(0, end - i - 1)));
          if (end > i) {
            sb.append(c);
          }
        } else {
          sb.append(" ".repeat(end - i + 1));
        }
        i = end;
        continue;
      }
      if (c == '(') {
        sb.append(depth == 0 ? '(' : ' ');
        depth++;
      } else if (c == ')') {
        depth--;
        sb.append(depth == 0 ? ')' : ' ');
      } else {
        sb.append(depth == 0 ? c : ' ');
      }
    }
    return sb.toString();
  }

  private static List<String> splitBinary(String e, String top, String ops) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < top.length(); i++) {
      if (ops.indexOf(top.charAt(i)) >= 0 && isBinaryPosition(top, i)) {
        parts.add(e.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(e.substring(start));
    return parts;
  }

  private static boolean isBinaryPosition(String top, int i) {
    int j = i - 1;
    while (j >= 0 && top.charAt(j) == ' ') {
      j--;
    }
    if (j < 0) {
      return false;
    }
    char before = top.charAt(j);
    boolean exponent =
        (before == 'e' || before == 'E') && j > 0 && Character.isDigit(top.charAt(j - 1));
    return "+-*/%(,".indexOf(before) < 0 && !exponent;
  }

  private static String unwrap(String e) {
    String s = e;
    while (s.startsWith("(") && s.endsWith(")") && isSingleCall("x" + s)) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  /** Whether the brackets opened after the function name close only at the very end. */
  private static boolean isSingleCall(String e) {
    int open = e.indexOf('(');
    if (open < 0) {
      return false;
    }
    String top = topLevel(e);
    return top.indexOf(')', open) == e.length() - 1 && top.lastIndexOf('(') == open;
  }

  private static List<String> arguments(String inner) {
    String top = topLevel(inner);
    List<String> args = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < top.length(); i++) {
      if (top.charAt(i) == ',') {
        args.add(inner.substring(start, i));
        start = i + 1;
      }
    }
    if (!inner.isBlank()) {
      args.add(inner.substring(start));
    }
    return args;
  }

  /** The referenced column's type when the expression is just a column name. */
  public static Optional<Column> columnReference(String expression, Schema schema) {
    String e = expression == null ? "" : expression.trim();
    if (e.startsWith("`") && e.endsWith("`") && e.length() > 1) {
      e = e.substring(1, e.length() - 1).replace("``", "`");
    } else if (!IDENTIFIER.matcher(e).matches()) {
      return Optional.empty();
    }
    return schema.column(e);
  }
}
