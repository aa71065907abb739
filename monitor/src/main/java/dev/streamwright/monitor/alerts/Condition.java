package dev.streamwright.monitor.alerts;

import java.util.Objects;

/**
 * A comparison of a series' value with a threshold, written as text such as {@code > 1000}, {@code
 * >= 0.25} or {@code <= 0.05}: one of {@code > >= < <= == !=}, then a finite decimal number (a
 * sign, a fraction and an exponent are allowed: {@code -1.5}, {@code 1e3}). A missing or NaN value
 * never satisfies a condition; the engine treats it as missing data, not as false.
 *
 * @param comparison the comparison
 * @param threshold the threshold, finite
 */
public record Condition(Comparison comparison, double threshold) {

  /** The comparisons a condition can make. */
  public enum Comparison {
    /** Strictly above. */
    GT(">"),
    /** Above or equal. */
    GE(">="),
    /** Strictly below. */
    LT("<"),
    /** Below or equal. */
    LE("<="),
    /** Equal. */
    EQ("=="),
    /** Not equal. */
    NE("!=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    /** How it is written, e.g. {@code >=}. */
    public String symbol() {
      return symbol;
    }
  }

  public Condition {
    Objects.requireNonNull(comparison, "comparison");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("condition: the threshold must be a finite number");
    }
  }

  /** Whether a value satisfies the condition; false for NaN. */
  public boolean test(double value) {
    return switch (comparison) {
      case GT -> value > threshold;
      case GE -> value >= threshold;
      case LT -> value < threshold;
      case LE -> value <= threshold;
      case EQ -> value == threshold;
      case NE -> !Double.isNaN(value) && value != threshold;
    };
  }

  /**
   * Parses a condition such as {@code > 1000}; spaces around the parts are optional.
   *
   * @throws IllegalArgumentException saying what is wrong: no comparison, no number, or a number
   *     that does not parse or is not finite
   */
  public static Condition parse(String text) {
    String s = text == null ? "" : text.strip();
    String example = "; write a comparison and a number, e.g. > 1000 or <= 0.05";
    if (s.isEmpty()) {
      throw new IllegalArgumentException("the condition is empty" + example);
    }
    Comparison found = null;
    for (Comparison c :
        new Comparison[] {
          Comparison.GE, Comparison.LE, Comparison.EQ, Comparison.NE, Comparison.GT, Comparison.LT
        }) {
      if (s.startsWith(c.symbol())) {
        found = c;
        break;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          "condition '" + text + "' does not start with a comparison (> >= < <= == !=)" + example);
    }
    String number = s.substring(found.symbol().length()).strip();
    if (number.isEmpty()) {
      throw new IllegalArgumentException(
          "condition '" + text + "' has no number after '" + found.symbol() + "'" + example);
    }
    if (!number.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      throw new IllegalArgumentException(
          "condition '"
              + text
              + "': '"
              + number
              + "' is not a number (write digits with an optional sign, point and exponent, no"
              + " units or thousands separators, e.g. 1000, 0.25, 1e6)");
    }
    double threshold = Double.parseDouble(number);
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          "condition '" + text + "': '" + number + "' is too large for a number");
    }
    return new Condition(found, threshold);
  }

  /** The condition as text that {@link #parse} reads back, e.g. {@code > 1000}. */
  @Override
  public String toString() {
    return comparison.symbol() + " " + format(threshold);
  }

  /** A threshold or value without a needless {@code .0}. */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
