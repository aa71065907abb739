package dev.streamwright.runtime.nodes;

import dev.streamwright.runtime.compile.Expressions;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's SQL query that names its input as {@code {{in}}}. The query becomes the body of a view,
 * so it must stay one query: no {@code ;} and no comments outside quotes (a trailing {@code --}
 * comment would swallow the {@code ;} the script puts after it), quotes closed, brackets balanced.
 * Placeholders inside quotes are left alone.
 */
final class QueryTemplate {

  /** The placeholder for the node's input relation. */
  static final String INPUT = "{{in}}";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern START =
      Pattern.compile("^\\(*\\s*(SELECT|WITH|VALUES)\\b", Pattern.CASE_INSENSITIVE);

  private QueryTemplate() {}

  /** Why the query cannot become a view, or empty when it can. */
  static Optional<String> problem(String query) {
    if (query == null || query.isBlank()) {
      return Optional.of("is empty; write a query such as SELECT * FROM {{in}} WHERE amount > 0");
    }
    if (!START.matcher(query.trim()).find()) {
      return Optional.of(
          "must be a query starting with SELECT, WITH or VALUES, because it becomes a view");
    }
    StringBuilder outside = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\'' || c == '`' || c == '"') {
        int end = Expressions.closingQuote(query, i, c);
        if (end < 0) {
          return Optional.of(
              "has a "
                  + (c == '\'' ? "string" : "quoted name")
                  + " opened at position "
                  + (i + 1)
                  + " that is never closed; add the closing "
                  + c);
        }
        outside.append(' ');
        i = end;
        continue;
      }
      if (c == ';') {
        return Optional.of(
            "contains ';' at position "
                + (i + 1)
                + "; the node takes one query, so remove the ';' and anything after it");
      }
      if ((c == '-' || c == '/') && i + 1 < query.length()) {
        char next = query.charAt(i + 1);
        if ((c == '-' && next == '-') || (c == '/' && next == '*')) {
          return Optional.of("contains a comment at position " + (i + 1) + "; remove the comment");
        }
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        return Optional.of(
            "closes a bracket at position " + (i + 1) + " that was never opened; remove it");
      }
      outside.append(c);
    }
    if (depth > 0) {
      return Optional.of("opens " + depth + " bracket(s) that are never closed; add the ')'");
    }
    Matcher m = PLACEHOLDER.matcher(outside);
    while (m.find()) {
      if (!m.group(1).toLowerCase(Locale.ROOT).equals("in")) {
        return Optional.of(
            "uses the placeholder {{"
                + m.group(1)
                + "}}, which does not exist; the input is "
                + INPUT);
      }
    }
    return Optional.empty();
  }

  /** Whether the query reads its input through the placeholder. */
  static boolean readsInput(String query) {
    return PLACEHOLDER.matcher(unquoted(query)).find();
  }

  /** The query with every {@code {{in}}} outside quotes replaced by the input relation. */
  static String fill(String query, String inputRelation) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '\'' || c == '`' || c == '"') {
        int end = Expressions.closingQuote(query, i, c);
        end = end < 0 ? query.length() - 1 : end;
        out.append(query, i, end + 1);
        i = end + 1;
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(query).region(i, query.length());
      if (c == '{' && m.lookingAt()) {
        out.append(inputRelation);
        i = m.end();
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString().trim();
  }

  private static String unquoted(String query) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\'' || c == '`' || c == '"') {
        int end = Expressions.closingQuote(query, i, c);
        i = end < 0 ? query.length() : end;
        out.append(' ');
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }
}
