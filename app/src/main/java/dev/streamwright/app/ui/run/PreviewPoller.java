package dev.streamwright.app.ui.run;

import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one deployment on a background thread: takes batches of rows from every preview sink and
 * the job's status, and leaves them in thread-safe mailboxes the FX thread drains a few times a
 * second. It never touches an observable list, so the UI sees one update per drain, not per row.
 */
final class PreviewPoller implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(PreviewPoller.class);

  /** Short enough that a second sink's rows and a finished job are noticed promptly. */
  private static final Duration POLL = Duration.ofMillis(100);

  /** Rows taken from one sink at a time: keeps a burst on one sink from starving the others. */
  private static final int BATCH = 500;

  /** Asking the cluster for the status on every poll would be wasted round trips. */
  private static final long STATUS_EVERY_NANOS = Duration.ofMillis(500).toNanos();

  /** A batch of rows from one sink. */
  record Batch(String sinkId, List<ResultRow> rows) {}

  private final PipelineRuntime runtime;
  private final Deployment deployment;
  private final Queue<Batch> batches = new ConcurrentLinkedQueue<>();
  private final AtomicReference<DeploymentStatus> status = new AtomicReference<>();
  private volatile boolean stopped;
  private volatile boolean done;

  PreviewPoller(PipelineRuntime runtime, Deployment deployment) {
    this.runtime = runtime;
    this.deployment = deployment;
  }

  /** Rows that arrived since the last call, in arrival order. */
  Queue<Batch> batches() {
    return batches;
  }

  /** The latest status seen, or null before the first check. */
  DeploymentStatus latestStatus() {
    return status.get();
  }

  /** Whether the poller has ended: the job ended and every row was taken, or it was stopped. */
  boolean isDone() {
    return done;
  }

  /** Asks the poller to end after its current poll. */
  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    Map<String, ResultStream> streams = new LinkedHashMap<>();
    try {
      for (String sink : deployment.previewSinks()) {
        streams.put(sink, runtime.results(deployment, sink));
      }
      follow(streams);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Following the previews of job {} failed", deployment.jobId(), e);
      status.set(
          new DeploymentStatus(
              DeploymentStatus.Phase.FAILED,
              "the preview rows could not be read (" + e.getMessage() + "); the log has details"));
    } finally {
      streams.values().forEach(ResultStream::close);
      done = true;
    }
  }

  private void follow(Map<String, ResultStream> streams) throws InterruptedException {
    long nextStatus = 0;
    while (!stopped) {
      for (Map.Entry<String, ResultStream> e : streams.entrySet()) {
        List<ResultRow> rows = e.getValue().poll(POLL, BATCH);
        if (!rows.isEmpty()) {
          batches.add(new Batch(e.getKey(), rows));
        }
      }
      if (streams.isEmpty()) {
        Thread.sleep(POLL.toMillis());
      }
      long now = System.nanoTime();
      if (now - nextStatus >= 0) {
        nextStatus = now + STATUS_EVERY_NANOS;
        DeploymentStatus current = runtime.status(deployment);
        status.set(current);
        if (current.phase() == DeploymentStatus.Phase.FAILED) {
          return;
        }
        if (current.phase().isTerminal()
            && streams.values().stream().allMatch(ResultStream::isEnded)) {
          return;
        }
      }
    }
  }
}
