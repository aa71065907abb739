package dev.streamwright.app.run;

import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one deployment on the calling thread: takes batches of rows from every preview sink and
 * hands them to a {@link Rows} listener, and asks for the job's status twice a second, until the
 * job has ended and every row was taken, the job failed, the time limit passed, the run's Kafka
 * brokers were lost, or {@link #stop()} was called. The CLI prints from the listener; the studio
 * gives it a {@link RowMailbox} its FX thread drains, so the UI sees one update per drain.
 */
public final class PreviewPoller implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(PreviewPoller.class);

  /** Short enough that a second sink's rows and a finished job are noticed promptly. */
  private static final Duration POLL = Duration.ofMillis(100);

  /** Rows taken from one sink at a time: keeps a burst on one sink from starving the others. */
  private static final int BATCH = 500;

  /** Asking the cluster for the status on every poll would be wasted round trips. */
  private static final long STATUS_EVERY_NANOS = Duration.ofMillis(500).toNanos();

  /** Where rows go as they arrive; called on the poller's thread, never with an empty list. */
  @FunctionalInterface
  public interface Rows {
    /** Rows that arrived from one preview sink, in arrival order. */
    void arrived(String sinkId, List<ResultRow> rows);
  }

  /** Why following ended. */
  public enum Ending {
    /** {@link #stop()} was called. */
    STOPPED,
    /** The time limit passed while the job ran. */
    TIME_LIMIT,
    /** The job failed; {@link #latestStatus()} says why. */
    FAILED,
    /** The run's Kafka brokers stopped answering (the run's watchdog said so). */
    KAFKA_LOST,
    /** The job finished or was stopped, and every row was taken. */
    ENDED
  }

  private final PipelineRuntime runtime;
  private final Deployment deployment;
  private final Rows rows;
  private final Duration limit;
  private final BooleanSupplier kafkaLost;
  private final AtomicReference<DeploymentStatus> status = new AtomicReference<>();
  private volatile boolean stopped;
  private volatile boolean done;

  /**
   * @param limit how long to follow at most; null for as long as the job runs
   * @param kafkaLost whether the run's Kafka brokers were lost (checked every poll)
   */
  PreviewPoller(
      PipelineRuntime runtime,
      Deployment deployment,
      Rows rows,
      Duration limit,
      BooleanSupplier kafkaLost) {
    this.runtime = runtime;
    this.deployment = deployment;
    this.rows = rows;
    this.limit = limit;
    this.kafkaLost = kafkaLost;
  }

  /** The latest status seen, or null before the first check. */
  public DeploymentStatus latestStatus() {
    return status.get();
  }

  /** Whether the poller has ended: the job ended and every row was taken, or it was stopped. */
  public boolean isDone() {
    return done;
  }

  /** Asks the poller to end after its current poll. */
  public void stop() {
    stopped = true;
  }

  /**
   * Follows until one of the endings; failures to read rows propagate. The latest status is fresh
   * when it returns {@link Ending#TIME_LIMIT} or {@link Ending#STOPPED}.
   */
  public Ending follow() throws InterruptedException {
    Map<String, ResultStream> streams = new LinkedHashMap<>();
    try {
      for (String sink : deployment.previewSinks()) {
        streams.put(sink, runtime.results(deployment, sink));
      }
      return follow(streams);
    } finally {
      streams.values().forEach(ResultStream::close);
      done = true;
    }
  }

  /** {@link #follow()} on a background thread: a failure to read rows fails the latest status. */
  @Override
  public void run() {
    try {
      follow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Following the previews of job {} failed", deployment.jobId(), e);
      status.set(
          new DeploymentStatus(
              DeploymentStatus.Phase.FAILED,
              "the preview rows could not be read (" + e.getMessage() + "); the log has details"));
    }
  }

  private Ending follow(Map<String, ResultStream> streams) throws InterruptedException {
    long deadline = limit == null ? 0 : System.nanoTime() + limit.toNanos();
    long nextStatus = 0;
    DeploymentStatus current = DeploymentStatus.of(DeploymentStatus.Phase.STARTING);
    while (true) {
      for (Map.Entry<String, ResultStream> e : streams.entrySet()) {
        if (stopped) {
          break;
        }
        List<ResultRow> batch = e.getValue().poll(POLL, BATCH);
        if (!batch.isEmpty()) {
          rows.arrived(e.getKey(), batch);
        }
      }
      if (stopped) {
        status.set(runtime.status(deployment));
        return Ending.STOPPED;
      }
      if (streams.isEmpty()) {
        Thread.sleep(POLL.toMillis());
      }
      long now = System.nanoTime();
      if (limit != null && now - deadline >= 0) {
        status.set(runtime.status(deployment));
        return Ending.TIME_LIMIT;
      }
      if (now - nextStatus >= 0) {
        nextStatus = now + STATUS_EVERY_NANOS;
        current = runtime.status(deployment);
        status.set(current);
        LOG.debug("Job {} is {}", deployment.jobId(), current.phase());
      }
      if (current.phase() == DeploymentStatus.Phase.FAILED) {
        return Ending.FAILED;
      }
      if (kafkaLost.getAsBoolean()) {
        return Ending.KAFKA_LOST;
      }
      if (current.phase().isTerminal()
          && streams.values().stream().allMatch(ResultStream::isEnded)) {
        return Ending.ENDED;
      }
    }
  }
}
