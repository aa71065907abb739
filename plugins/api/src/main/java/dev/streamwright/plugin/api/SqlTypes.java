package dev.streamwright.plugin.api;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink SQL type names as text: normalisation so equal types compare equal, and the few
 * classifications schema checks need (is it numeric, a string, a timestamp).
 */
public final class SqlTypes {

  /** The type of an expression whose type only the Flink planner can tell. */
  public static final String UNKNOWN = "UNKNOWN";

  private static final Set<String> INTEGRAL = Set.of("TINYINT", "SMALLINT", "INT", "BIGINT");
  private static final Set<String> APPROXIMATE = Set.of("FLOAT", "DOUBLE");
  private static final Set<String> BASE_TYPES =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INT",
          "BIGINT",
          "FLOAT",
          "DOUBLE",
          "DECIMAL",
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
          "TIMESTAMP_LTZ",
          "ARRAY",
          "MAP",
          "ROW",
          "MULTISET",
          UNKNOWN);
  private static final Pattern BASE = Pattern.compile("^([A-Z_]+)");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SqlTypes() {}

  /**
   * Upper-cases, folds white space and maps synonyms ({@code INTEGER} to {@code INT}, {@code
   * VARCHAR(2147483647)} to {@code STRING}, {@code TIMESTAMP(3) WITHOUT TIME ZONE} to {@code
   * TIMESTAMP(3)}, {@code NOT NULL} dropped) so that equal types compare equal as strings.
   */
  public static String normalize(String type) {
    String folded = SPACES.matcher(type.trim()).replaceAll(" ");
    // ROW field names are case-sensitive in Flink: keep nested types' text as written.
    String upper = folded.toUpperCase(Locale.ROOT);
    String t = upper.startsWith("ROW") || folded.contains("<") ? folded : upper;
    t = t.replaceAll("(?i)TIMESTAMP(\\(\\d+\\))? WITH LOCAL TIME ZONE", "TIMESTAMP_LTZ$1");
    t = t.replace(" NOT NULL", "").replace(" WITHOUT TIME ZONE", "");
    t = t.replace("( ", "(").replace(" )", ")").replace(", ", ",");
    t = t.replace("TIMESTAMP WITH LOCAL TIME ZONE", "TIMESTAMP_LTZ");
    t = t.replace(" *ROWTIME*", "").replace(" *PROCTIME*", "");
    if (t.equals("INTEGER")) {
      return "INT";
    }
    if (t.equals("VARCHAR(2147483647)")) {
      return "STRING";
    }
    if (t.equals("BOOL")) {
      return "BOOLEAN";
    }
    return t;
  }

  /**
   * The type name without length, precision or element types: {@code DECIMAL(10,2)} gives {@code
   * DECIMAL}.
   */
  public static String base(String type) {
    Matcher m = BASE.matcher(normalize(type));
    return m.find() ? m.group(1) : "";
  }

  /** Whether the type names a type Flink SQL knows. */
  public static boolean isKnown(String type) {
    return BASE_TYPES.contains(base(type));
  }

  /** Whether values of the type can be summed and averaged. */
  public static boolean isNumeric(String type) {
    String b = base(type);
    return INTEGRAL.contains(b) || APPROXIMATE.contains(b) || b.equals("DECIMAL");
  }

  /** Whether the type is a whole-number type. */
  public static boolean isIntegral(String type) {
    return INTEGRAL.contains(base(type));
  }

  /** Whether the type is a character string. */
  public static boolean isString(String type) {
    String b = base(type);
    return b.equals("STRING") || b.equals("VARCHAR") || b.equals("CHAR");
  }

  /** Whether the type is a timestamp with or without local time zone. */
  public static boolean isTimestamp(String type) {
    String b = base(type);
    return b.equals("TIMESTAMP") || b.equals("TIMESTAMP_LTZ");
  }

  /** Whether the type is unknown until the planner looks at it. */
  public static boolean isUnknown(String type) {
    return UNKNOWN.equals(type);
  }

  /**
   * The type of {@code a op b} for arithmetic: DOUBLE if either side is approximate, DECIMAL stays
   * DECIMAL, otherwise the wider integral type.
   */
  public static String widen(String a, String b) {
    if (isUnknown(a) || isUnknown(b)) {
      return UNKNOWN;
    }
    String ba = base(a);
    String bb = base(b);
    if (APPROXIMATE.contains(ba) || APPROXIMATE.contains(bb)) {
      return "DOUBLE";
    }
    if (ba.equals("DECIMAL")) {
      return normalize(a);
    }
    if (bb.equals("DECIMAL")) {
      return normalize(b);
    }
    int ra = INTEGRAL_ORDER.indexOf(ba);
    int rb = INTEGRAL_ORDER.indexOf(bb);
    return ra >= rb ? ba : bb;
  }

  private static final java.util.List<String> INTEGRAL_ORDER =
      java.util.List.of("TINYINT", "SMALLINT", "INT", "BIGINT");
}
