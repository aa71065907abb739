package dev.streamwright.runtime.compile;

import java.util.Optional;

/**
 * Checks that a user's SQL fragment stays one expression once it is placed inside the generated
 * SQL: quotes and brackets balanced, brackets never closing more than they opened, and no statement
 * separator or comment outside quotes. This is what makes it impossible for a property value to end
 * the generated statement early and inject another; whether the expression means anything is left
 * to the Flink planner.
 */
public final class Expressions {

  private Expressions() {}

  /**
   * Finds why the fragment cannot be embedded.
   *
   * @return the reason, or empty when it is safe to embed
   */
  public static Optional<String> problem(String fragment) {
    if (fragment == null || fragment.isBlank()) {
      return Optional.of("is empty; write an SQL expression, e.g. amount > 100");
    }
    int depth = 0;
    int i = 0;
    int n = fragment.length();
    while (i < n) {
      char c = fragment.charAt(i);
      if (c == '\'' || c == '`' || c == '"') {
        int end = closingQuote(fragment, i, c);
        if (end < 0) {
          return Optional.of(
              "has a "
                  + (c == '\'' ? "string" : "quoted name")
                  + " opened at position "
                  + (i + 1)
                  + " that is never closed; add the closing "
                  + c);
        }
        i = end + 1;
        continue;
      }
      if (c == ';') {
        return Optional.of(
            "contains ';' at position " + (i + 1) + "; write a single expression without ';'");
      }
      if ((c == '-' && i + 1 < n && fragment.charAt(i + 1) == '-')
          || (c == '/' && i + 1 < n && fragment.charAt(i + 1) == '*')) {
        return Optional.of("contains a comment at position " + (i + 1) + "; remove the comment");
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          return Optional.of(
              "closes a bracket at position "
                  + (i + 1)
                  + " that was never opened; remove it or add the matching '('");
        }
      }
      i++;
    }
    if (depth > 0) {
      return Optional.of(
          "opens " + depth + " bracket(s) that are never closed; add the matching ')'");
    }
    return Optional.empty();
  }

  /**
   * The index of the quote closing the one at {@code start}, honouring doubled quotes, or -1 when
   * it is never closed.
   */
  public static int closingQuote(String s, int start, char quote) {
    int i = start + 1;
    while (i < s.length()) {
      if (s.charAt(i) == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }
}
