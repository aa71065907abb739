package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.runtime.api.CheckpointInfo;
import dev.streamwright.runtime.api.RuntimeFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.commons.io.FileUtils;

/** How the deploy views word failures, durations and times: in sentences, never stack traces. */
final class DeployText {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss");

  private static final DateTimeFormatter OTHER_DAY =
      DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);

  /**
   * A path or URI standing alone in a sentence: {@code file:/a/b}, {@code s3://a/b}, {@code /a}.
   */
  private static final Pattern PATH =
      Pattern.compile("(?<!\\S)(?!https?:)(?:[A-Za-z][A-Za-z0-9+.-]*:)?/[^\\s]*[^\\s/.,;:)]");

  /** A Flink job id (32 hex digits) standing alone. */
  private static final Pattern JOB_ID = Pattern.compile("\\b[0-9a-f]{32}\\b");

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

  /**
   * A moment as briefly as a table needs it: {@code 16:14:52} when it falls on {@code now}'s day,
   * else {@code Dec 6 09:30}; empty for null.
   */
  static String time(Instant at, Instant now, ZoneId zone) {
    if (at == null) {
      return "";
    }
    var local = at.atZone(zone);
    return local.toLocalDate().equals(LocalDate.ofInstant(now, zone))
        ? TODAY.format(local)
        : OTHER_DAY.format(local);
  }

  /** {@link #time(Instant, Instant, ZoneId)} for now, here. */
  static String time(Instant at) {
    return time(at, Instant.now(), ZoneId.systemDefault());
  }

  /** A checkpoint as a table cell shows it: {@code #3 · 16:14:52 · 18 KB}; empty for null. */
  static String checkpoint(CheckpointInfo c, Instant now, ZoneId zone) {
    if (c == null) {
      return "";
    }
    StringBuilder s = new StringBuilder("#").append(c.id());
    if (c.completedAt() != null) {
      s.append(" · ").append(time(c.completedAt(), now, zone));
    }
    if (c.sizeBytes() > 0) {
      s.append(" · ").append(FileUtils.byteCountToDisplaySize(c.sizeBytes()));
    }
    return s.toString();
  }

  /** A checkpoint in full, for a tooltip: id, date and time, exact size and where it lies. */
  static String checkpointDetail(CheckpointInfo c) {
    if (c == null) {
      return "";
    }
    return (c.savepoint() ? "Savepoint #" : "Checkpoint #")
        + c.id()
        + (c.completedAt() == null ? "" : ", completed " + when(c.completedAt()))
        + (c.sizeBytes() > 0
            ? ", " + String.format(Locale.ENGLISH, "%,d", c.sizeBytes()) + " bytes"
            : "")
        + (c.path().isEmpty() ? ", not retained" : "\n" + c.path());
  }

  /**
   * The last part of a savepoint or checkpoint path or URI, which names it ({@code
   * savepoint-307f72-a10c50ae9068}, {@code chk-3}); the text itself when it has no folders.
   */
  static String folderName(String path) {
    if (path == null) {
      return "";
    }
    String p = path.strip();
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return slash < 0 || slash == p.length() - 1 ? p : p.substring(slash + 1);
  }

  /**
   * A sentence as one line shows it: each path or URI by its folder name and each job id by its
   * first 8 characters; the full sentence belongs in a tooltip.
   */
  static String compact(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String paths = PATH.matcher(text).replaceAll(m -> quote(folderName(m.group())));
    return JOB_ID.matcher(paths).replaceAll(m -> shortId(m.group()));
  }

  /**
   * What happened in a word or two, as the history's What column shows it: the version, job and
   * savepoint have their own columns ({@code deployed}, {@code stopped}, {@code upgraded}).
   */
  static String brief(DeploymentEvent e) {
    return switch (e.kind()) {
      case DEPLOYED -> "deployed";
      case STOPPED -> "stopped";
      case RESUMED -> "resumed";
      case UPGRADED -> "upgraded";
      case ROLLED_BACK -> "rolled back";
      case FAILED -> compact("failed: " + e.message());
      case STATE_CHANGED -> compact(e.message());
    };
  }

  private static String quote(String replacement) {
    return java.util.regex.Matcher.quoteReplacement(replacement);
  }
}
