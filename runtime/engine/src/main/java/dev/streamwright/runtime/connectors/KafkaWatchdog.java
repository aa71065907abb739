package dev.streamwright.runtime.connectors;

import dev.streamwright.runtime.compile.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the Kafka clusters of a running job and reports, once, when one of them stops answering
 * for longer than the allowed outage. Flink's Kafka clients never give up on an unreachable broker
 * (a source reconnects forever; a sink blocks, fails, restarts), so without this a run whose broker
 * went away goes on showing nothing.
 *
 * <p>One daemon thread and one admin client per cluster, both closed by {@link #close()}; a
 * pipeline without Kafka nodes gets a watchdog that starts no thread.
 */
public final class KafkaWatchdog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaWatchdog.class);

  /** How often each cluster is asked whether it is there: cheap, one metadata request. */
  public static final Duration CHECK_EVERY = Duration.ofSeconds(3);

  /**
   * How long a cluster may not answer before the run fails. A single broker restarts in a few
   * seconds and a cluster moves a partition leader in well under ten, while a busy laptop can delay
   * one check by seconds; twenty seconds without any answer (six checks in a row) is a broker that
   * is gone, and still short enough that a user watching the run learns it within half a minute
   * instead of never.
   */
  public static final Duration ALLOWED_OUTAGE = Duration.ofSeconds(20);

  /** Bound on one check: a broker that is there answers in milliseconds. */
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

  private static final AtomicInteger WATCHDOGS = new AtomicInteger();

  private final List<Watched> clusters;
  private final Duration allowedOutage;
  private final Duration checkTimeout;
  private final Consumer<List<Problem>> onFailure;
  private final ScheduledExecutorService thread;
  private volatile List<Problem> failure;
  private volatile boolean closed;

  /** One cluster and what the watchdog knows about it; touched by the watchdog thread only. */
  private static final class Watched {
    final KafkaCluster cluster;
    Admin admin;
    long lastAnswer;
    String lastError = "";

    Watched(KafkaCluster cluster, long now) {
      this.cluster = cluster;
      this.lastAnswer = now;
    }
  }

  private KafkaWatchdog(
      List<KafkaCluster> clusters,
      Duration every,
      Duration allowedOutage,
      Consumer<List<Problem>> onFailure) {
    long now = System.nanoTime();
    this.clusters = new ArrayList<>();
    clusters.forEach(c -> this.clusters.add(new Watched(c, now)));
    this.allowedOutage = allowedOutage;
    // A check may take longer than the interval (the next one waits), but never half the outage.
    Duration half = allowedOutage.dividedBy(2);
    this.checkTimeout = min(CHECK_TIMEOUT, every.compareTo(half) > 0 ? every : half);
    this.onFailure = onFailure;
    if (clusters.isEmpty()) {
      thread = null;
      return;
    }
    int n = WATCHDOGS.incrementAndGet();
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "streamwright-kafka-watchdog-" + n);
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        this::checkAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts watching with {@link #CHECK_EVERY} and {@link #ALLOWED_OUTAGE}.
   *
   * @param onFailure called once, on the watchdog's thread, with an error per Kafka node of the
   *     cluster that stopped answering
   */
  public static KafkaWatchdog start(ConnectorTables tables, Consumer<List<Problem>> onFailure) {
    return start(tables, CHECK_EVERY, ALLOWED_OUTAGE, onFailure);
  }

  /**
   * Starts watching.
   *
   * @param every how often each cluster is asked
   * @param allowedOutage how long a cluster may not answer before {@code onFailure} is called
   * @param onFailure called once, on the watchdog's thread, with an error per Kafka node of the
   *     cluster that stopped answering
   */
  public static KafkaWatchdog start(
      ConnectorTables tables,
      Duration every,
      Duration allowedOutage,
      Consumer<List<Problem>> onFailure) {
    Objects.requireNonNull(onFailure, "onFailure");
    if (every.isNegative() || every.isZero() || allowedOutage.isNegative()) {
      throw new IllegalArgumentException("every must be positive and the outage not negative");
    }
    return new KafkaWatchdog(KafkaCluster.of(tables), every, allowedOutage, onFailure);
  }

  /**
   * The errors, one per Kafka node of the cluster that stopped answering; empty while all is well.
   */
  public Optional<List<Problem>> failure() {
    return Optional.ofNullable(failure);
  }

  private void checkAll() {
    for (Watched w : clusters) {
      if (closed || failure != null) {
        return;
      }
      check(w);
    }
  }

  private void check(Watched w) {
    long now = System.nanoTime();
    try {
      if (w.admin == null) {
        w.admin = w.cluster.admin("streamwright-watchdog", checkTimeout);
      }
      w.admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) checkTimeout.toMillis()))
          .nodes()
          .get(checkTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      w.lastAnswer = System.nanoTime();
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      w.lastError = KafkaPreflight.rootMessage(e);
      LOG.debug("Kafka at {} did not answer the watchdog", w.cluster.bootstrap(), e);
    }
    long silent = System.nanoTime() - w.lastAnswer;
    if (silent <= allowedOutage.toNanos() || closed) {
      return;
    }
    String message =
        "Kafka at "
            + w.cluster.bootstrap()
            + " stopped answering while the job ran (no answer for "
            + TimeUnit.NANOSECONDS.toSeconds(silent)
            + " s); check that the brokers run, then run the pipeline again";
    List<Problem> problems = new ArrayList<>();
    Set<String> nodes = new LinkedHashSet<>();
    for (ConnectorTable t : w.cluster.tables()) {
      if (nodes.add(t.nodeId())) {
        problems.add(Problem.error(t.nodeId(), ConnectorTable.BOOTSTRAP_PROPERTY, message));
      }
    }
    failure = List.copyOf(problems);
    LOG.warn(
        "Kafka at {} is unreachable for nodes {}: {} (last error: {})",
        w.cluster.bootstrap(),
        nodes,
        message,
        w.lastError);
    try {
      onFailure.accept(failure);
    } catch (RuntimeException e) {
      LOG.warn("The Kafka watchdog's listener failed", e);
    }
    thread.shutdown(); // no more checks; close() still waits for this one to return
  }

  /** Stops watching and closes the admin clients; waits a few seconds at most. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (thread == null) {
      return;
    }
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(checkTimeout.toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
        LOG.warn("The Kafka watchdog did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Watched w : clusters) {
      if (w.admin != null) {
        w.admin.close(Duration.ofSeconds(2));
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
