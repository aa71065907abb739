package dev.streamwright.monitor.flink;

import dev.streamwright.runtime.errors.FlinkErrors;

/**
 * The root cause of one entry of a job's exception history in one line: the innermost {@code Caused
 * by:} of its stack trace (else its first line), as {@code message (SimpleName)}.
 */
final class RootCause {

  /** Longest line kept. */
  static final int MAX = 300;

  private RootCause() {}

  static String of(String stacktrace, String exceptionName) {
    String root = null;
    String first = null;
    for (String line : stacktrace.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (first == null) {
        first = l;
      }
      if (l.startsWith("Caused by: ")) {
        root = l.substring("Caused by: ".length());
      }
    }
    String text = root != null ? root : first;
    if (text == null) {
      return exceptionName.isBlank() ? "unknown failure" : simple(exceptionName);
    }
    String className = text;
    String message = "";
    int colon = text.indexOf(": ");
    if (colon > 0 && !text.substring(0, colon).contains(" ")) {
      className = text.substring(0, colon);
      message = FlinkErrors.clean(text.substring(colon + 2));
    } else if (text.contains(" ")) {
      className = exceptionName;
      message = FlinkErrors.clean(text);
    }
    String simple = simple(className);
    String out =
        message.isEmpty()
            ? simple
            : simple.isEmpty() || message.contains(simple)
                ? message
                : message + " (" + simple + ")";
    return out.length() > MAX ? out.substring(0, MAX) + "..." : out;
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
