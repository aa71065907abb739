package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.runtime.api.RuntimeFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the deploy views word failures, durations and times: in sentences, never stack traces. */
final class DeployText {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private DeployText() {}

  /** The cause in words: the message of the failures users act on, else its kind and message. */
  static String readable(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof RuntimeFailure
        || e instanceof EnvironmentException
        || e instanceof WorkspaceException
        || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException) {
      return message.isBlank() ? e.getClass().getSimpleName() : message;
    }
    return e.getClass().getSimpleName()
        + (message.isBlank() ? "" : ": " + message)
        + " (the log has the details)";
  }

  /** A duration as {@code 3d 4h}, {@code 2h 05m}, {@code 4m 09s} or {@code 12s}. */
  static String duration(Duration d) {
    if (d == null || d.isNegative()) {
      return "";
    }
    long s = d.toSeconds();
    if (s >= 86_400) {
      return String.format("%dd %dh", s / 86_400, (s % 86_400) / 3600);
    }
    if (s >= 3600) {
      return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return String.format("%dm %02ds", s / 60, s % 60);
    }
    return s + "s";
  }

  /** A moment as local date and time, or empty. */
  static String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }

  /** The first 8 characters of an id, as the status bar shows job ids. */
  static String shortId(String id) {
    return id == null ? "" : id.length() <= 8 ? id : id.substring(0, 8);
  }
}
