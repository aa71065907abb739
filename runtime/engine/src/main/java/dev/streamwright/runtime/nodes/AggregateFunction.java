package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The aggregate functions window aggregates and OVER features offer, with the SQL each renders to
 * and the result type Flink gives it (checked against Flink 2.2's planner: SUM, AVG and STDDEV keep
 * the argument's type, so AVG of an INT column is an INT; on DECIMAL(p,s), SUM gives DECIMAL(38,s)
 * and AVG and STDDEV give DECIMAL(38,max(6,s))).
 */
enum AggregateFunction {
  COUNT,
  SUM,
  AVG,
  MIN,
  MAX,
  COUNT_DISTINCT,
  STDDEV_POP,
  STDDEV_SAMP,
  LAST_VALUE,
  FIRST_VALUE;

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");

  /** Whether the function only makes sense over numbers. */
  boolean needsNumber() {
    return this == SUM || this == AVG || this == STDDEV_POP || this == STDDEV_SAMP;
  }

  /** Whether the function may go without a column ({@code COUNT(*)}). */
  boolean columnIsOptional() {
    return this == COUNT;
  }

  /** Whether the result of an integral argument is a truncated integer users may not expect. */
  boolean truncatesIntegers() {
    return this == AVG || this == STDDEV_POP || this == STDDEV_SAMP;
  }

  /**
   * The call, e.g. {@code SUM(`amount`)}, {@code COUNT(*)} or {@code COUNT(DISTINCT `page`)}.
   *
   * @param column the argument column's name, or null for {@code COUNT(*)}
   */
  String call(String column) {
    if (column == null) {
      return "COUNT(*)";
    }
    String arg = Sql.identifier(column);
    return this == COUNT_DISTINCT ? "COUNT(DISTINCT " + arg + ")" : name() + "(" + arg + ")";
  }

  /** The result type for an argument of the given type (null for {@code COUNT(*)}). */
  String resultType(String argumentType) {
    if (this == COUNT || this == COUNT_DISTINCT) {
      return "BIGINT";
    }
    String t = SqlTypes.normalize(argumentType);
    Matcher decimal = DECIMAL.matcher(t);
    if (decimal.matches()) {
      int scale = Integer.parseInt(decimal.group(2));
      if (this == SUM) {
        return "DECIMAL(38," + scale + ")";
      }
      if (needsNumber()) {
        return "DECIMAL(38," + Math.max(6, scale) + ")";
      }
    }
    return t;
  }
}
