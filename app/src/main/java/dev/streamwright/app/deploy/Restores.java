package dev.streamwright.app.deploy;

import dev.streamwright.app.deployments.CheckpointRecord;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RuntimeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Proves that a job restored from the savepoint or checkpoint it was asked to, by what the cluster
 * itself reports ({@code details().restoredFrom()}): a restart that silently ignored the state is
 * caught here, not weeks later.
 */
final class Restores {

  private static final long PAUSE_MILLIS = 200;

  private Restores() {}

  /**
   * Waits (bounded) until the cluster reports what the job restored from and checks that it is
   * {@code expected}.
   *
   * @return the path as the cluster reports it
   * @throws DeployException FAILED when the cluster reports another path, or none within the wait
   */
  static String verify(PipelineRuntime runtime, Deployment d, String expected, Duration wait)
      throws DeployException {
    long deadline = System.nanoTime() + wait.toNanos();
    String reported = "";
    String problem = "";
    while (true) {
      try {
        reported = runtime.details(d).restoredFrom();
        problem = "";
      } catch (RuntimeFailure e) {
        problem = " (" + e.getMessage() + ")";
      }
      if (!reported.isEmpty() || System.nanoTime() - deadline > 0) {
        break;
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeployException(
            DeployException.Kind.FAILED, "Interrupted while checking job " + d.jobId() + ".", e);
      }
    }
    if (reported.isEmpty()) {
      throw new DeployException(
          DeployException.Kind.FAILED,
          "Job "
              + d.jobId()
              + " started, but within "
              + wait.toSeconds()
              + " s the cluster did not report that it restored from "
              + expected
              + problem
              + ", so it may run without its state; it was cancelled.");
    }
    if (!samePath(reported, expected)) {
      throw new DeployException(
          DeployException.Kind.FAILED,
          "Job "
              + d.jobId()
              + " restored from "
              + reported
              + " instead of "
              + expected
              + "; it was cancelled.");
    }
    return reported;
  }

  /**
   * Whether two savepoint locations name the same folder: {@code file:/x}, {@code file:///x} and
   * {@code /x} are one place, as are a folder and its {@code _metadata} file.
   */
  static boolean samePath(String a, String b) {
    return normalize(a).equals(normalize(b));
  }

  private static String normalize(String path) {
    String p = path.strip();
    if (p.toLowerCase(Locale.ROOT).startsWith("file:")) {
      p = p.substring("file:".length());
    }
    if (p.startsWith("/")) {
      p = "/" + p.replaceFirst("^/+", "");
    }
    if (p.endsWith("/_metadata")) {
      p = p.substring(0, p.length() - "/_metadata".length());
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /**
   * Refuses a path the workspace recorded as a savepoint or retained checkpoint of another
   * pipeline's deployment: where the two pipelines' operators happen to match, Flink would restore
   * that pipeline's state into this one without a word.
   *
   * @throws DeployException REFUSED naming the path's deployment and pipeline
   */
  static void checkOwner(String path, String pipelineId, List<DeploymentRecord> all)
      throws DeployException {
    String wanted = normalized(path);
    if (wanted.isEmpty()) {
      return;
    }
    for (DeploymentRecord r : all) {
      if (r.pipelineId().equals(pipelineId)) {
        continue;
      }
      boolean taken =
          Stream.concat(
                  r.savepoints().stream().map(SavepointRecord::path),
                  r.checkpoints().stream().map(CheckpointRecord::path))
              .anyMatch(p -> normalized(p).equals(wanted));
      if (taken) {
        throw new DeployException(
            DeployException.Kind.REFUSED,
            path
                + " holds the state of pipeline '"
                + r.pipelineId()
                + "' (deployment "
                + r.id()
                + "), not of '"
                + pipelineId
                + "'. Resume from one of this pipeline's own savepoints ('streamwright"
                + " deployments' lists them), or deploy without --from-savepoint to start"
                + " without state.");
      }
    }
  }

  private static String normalized(String path) {
    String p = path == null ? "" : path.strip();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
