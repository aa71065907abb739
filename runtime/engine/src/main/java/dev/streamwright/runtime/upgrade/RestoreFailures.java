package dev.streamwright.runtime.upgrade;

import dev.streamwright.runtime.errors.FlinkErrors;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A job that cannot start from a savepoint or retained checkpoint, in a sentence that names the
 * path and what to do, instead of Flink's trace. Shared by every runtime: Flink words these
 * failures the same way on a MiniCluster and on a remote cluster.
 */
public final class RestoreFailures {

  /**
   * The Flink option that starts a job from a savepoint even when some of its state has no place in
   * the job, dropping that state: what a user allows by accepting the loss.
   */
  public static final String IGNORE_UNCLAIMED_STATE =
      "execution.state-recovery.ignore-unclaimed-state";

  /** The file every savepoint and retained checkpoint folder holds. */
  public static final String METADATA = "_metadata";

  private RestoreFailures() {}

  /**
   * Checks a local restore path before a job is submitted: it must exist and be a savepoint (a
   * folder with {@value #METADATA}, or that file). Paths on other file systems ({@code s3://},
   * {@code hdfs://}) are left to the cluster.
   *
   * @return the problem, or empty when the path looks like a savepoint or is not local
   */
  public static Optional<String> checkLocal(String path) {
    Path local = localPath(path).orElse(null);
    if (local == null) {
      return Optional.empty();
    }
    if (!Files.exists(local)) {
      return Optional.of(
          "Cannot resume from "
              + path
              + ": there is no savepoint there. Use the path printed when the job was stopped with a"
              + " savepoint, or start without one.");
    }
    if (Files.isDirectory(local) && !Files.isRegularFile(local.resolve(METADATA))) {
      return Optional.of(
          "Cannot resume from "
              + path
              + ": the folder is not a savepoint (it has no "
              + METADATA
              + " file). Use the folder printed when the job was stopped with a savepoint, or start"
              + " without one.");
    }
    return Optional.empty();
  }

  /**
   * Describes a failure of a job that was started from {@code path}, when the failure is about that
   * path or the state in it.
   *
   * @return the sentence, or empty when the failure has another cause
   */
  public static Optional<String> describe(Throwable error, String path) {
    for (Throwable t : FlinkErrors.chain(error)) {
      String m = String.valueOf(t.getMessage());
      String lower = m.toLowerCase(Locale.ROOT);
      if (lower.contains("cannot map checkpoint/savepoint state")
          || lower.contains("is not available in the new program")) {
        return Optional.of(
            "Cannot resume from "
                + path
                + ": it holds state that this version of the pipeline has no place for (a stateful"
                + " node was removed or reshaped, or the job's graph changed). Resume the version"
                + " that took the savepoint, start this version without the savepoint, or accept"
                + " dropping that state ("
                + IGNORE_UNCLAIMED_STATE
                + ").");
      }
      if (t instanceof java.io.FileNotFoundException
          || lower.contains("cannot find checkpoint or savepoint")
          || lower.contains("cannot access file system for checkpoint/savepoint path")) {
        return Optional.of(
            "Cannot resume from "
                + path
                + ": the cluster finds no savepoint there. Use the path printed when the job was"
                + " stopped with a savepoint (on a remote cluster, a path the cluster can read), or"
                + " start without one.");
      }
      if (t.getClass().getSimpleName().equals("StateMigrationException")
          || lower.contains("new state serializer")
          || lower.contains("incompatible") && lower.contains("serializer")) {
        return Optional.of(
            "Cannot resume from "
                + path
                + ": the state of a node in it does not fit this version of the pipeline (an"
                + " aggregate, its keys or its column types changed). Resume the version that took"
                + " the savepoint, or start this version without the savepoint.");
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> localPath(String path) {
    try {
      if (path.startsWith("file:")) {
        return Optional.of(Path.of(URI.create(path)));
      }
      if (path.matches("^[A-Za-z][A-Za-z0-9+.-]+://.*")) {
        return Optional.empty();
      }
      return Optional.of(Path.of(path));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
