package dev.streamwright.monitor;

import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.drift.live.DriftReport;
import dev.streamwright.monitor.drift.live.LiveDrift;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.series.SeriesStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one running deployment, embedded or remote alike: polls it every interval on a thread of
 * its own and hands each {@link MonitorSnapshot} to its listeners, keeping bounded history in a
 * {@link SeriesStore}. Faults (a broker restarting, Flink's REST API unreachable, a job restarting)
 * show in the snapshots' links and are retried on the next poll; when the deployment ends, a last
 * snapshot says so and the thread stops. Closing it stops the thread and every client it opened.
 */
public final class Monitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

  private final MonitorTarget target;
  private final MonitorSettings settings;
  private final MonitorSeries series;
  private final DeploymentPoller poller;
  private final ScheduledExecutorService thread;
  private final List<Consumer<MonitorSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicReference<MonitorSnapshot> latest = new AtomicReference<>();
  private final List<Consumer<DriftReport>> driftListeners = new CopyOnWriteArrayList<>();
  private final CostTracker cost;
  private final List<Consumer<DeploymentCost>> costListeners = new CopyOnWriteArrayList<>();
  private final AtomicReference<DeploymentCost> latestCost = new AtomicReference<>();
  private final Object pollLock = new Object();
  private ScheduledFuture<?> schedule;
  private volatile boolean closed;

  private Monitor(MonitorTarget target, MonitorSettings settings, SeriesStore store) {
    this.target = target;
    this.settings = settings;
    this.series = new MonitorSeries(store);
    this.poller = new DeploymentPoller(target, settings, series);
    this.cost =
        new CostTracker(target.deployment().id(), target.pipeline(), store, CostSettings.DEFAULT);
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "streamwright-monitor-" + target.deployment().id());
              t.setDaemon(true);
              return t;
            });
  }

  /** A monitor of {@code target} that has not started polling; {@link #start} starts it. */
  public static Monitor of(MonitorTarget target, MonitorSettings settings) {
    return of(target, settings, new SeriesStore());
  }

  /** A monitor that keeps its history in {@code store} (a reopened deployment's history). */
  public static Monitor of(MonitorTarget target, MonitorSettings settings, SeriesStore store) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(settings, "settings");
    return new Monitor(target, settings, store);
  }

  /** Adds a listener, called on the monitor's thread after every poll; it must return quickly. */
  public Monitor onSnapshot(Consumer<MonitorSnapshot> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Adds a listener of live drift reports, called on the monitor's thread after a poll that read a
   * new drift tap window (or failed to); it must return quickly.
   */
  public Monitor onDrift(Consumer<DriftReport> listener) {
    driftListeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** The last drift report, empty before the drift tap was first read. */
  public Optional<DriftReport> latestDrift() {
    return poller.drift.latest();
  }

  /** The live drift of this deployment: its references can be set and its last hour frozen. */
  public LiveDrift drift() {
    return poller.drift;
  }

  /**
   * Adds a cost listener, called on the monitor's thread after every poll that reached Flink with
   * the deployment's cost so far; it must return quickly.
   */
  public Monitor onCost(Consumer<DeploymentCost> listener) {
    costListeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Prices the deployment with these resources and rates (the default is {@link
   * CostSettings#DEFAULT}); from any thread. The cost is metered anew from the next poll on.
   */
  public Monitor costSettings(CostSettings next) {
    cost.settings(Objects.requireNonNull(next, "next"));
    return this;
  }

  /** The deployment's cost so far, empty before a poll reached Flink. */
  public Optional<DeploymentCost> latestCost() {
    return Optional.ofNullable(latestCost.get());
  }

  /** Starts polling at once and then every interval. */
  public synchronized Monitor start() {
    if (closed) {
      throw new IllegalStateException("This monitor is closed.");
    }
    if (schedule == null) {
      long every = settings.interval().toMillis();
      schedule = thread.scheduleWithFixedDelay(this::pollSafely, 0, every, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /**
   * Polls once on the caller's thread, without starting the schedule (for {@code --once}); the
   * listeners are told as for a scheduled poll.
   */
  public MonitorSnapshot pollNow() {
    synchronized (pollLock) {
      MonitorSnapshot s = poller.poll();
      publish(s);
      return s;
    }
  }

  /**
   * Holds the sinks to a new latency objective from the next poll on (a user edited it); from any
   * thread.
   */
  public void setSlo(java.time.Duration objective) {
    poller.slo(objective);
  }

  /** The last snapshot, empty before the first poll. */
  public Optional<MonitorSnapshot> latest() {
    return Optional.ofNullable(latest.get());
  }

  /** The history of this monitor's figures. */
  public SeriesStore series() {
    return series.store();
  }

  /** The deployment watched. */
  public MonitorTarget target() {
    return target;
  }

  /** The settings this monitor polls with. */
  public MonitorSettings settings() {
    return settings;
  }

  /** Whether the deployment ended (the last snapshot said so) or the monitor was closed. */
  public boolean stopped() {
    return closed || poller.ended();
  }

  private void pollSafely() {
    if (closed) {
      return;
    }
    try {
      synchronized (pollLock) {
        publish(poller.poll());
      }
      if (poller.ended()) {
        LOG.info("Deployment {} ended; its monitor stops", target.deployment().id());
        thread.shutdown();
      }
    } catch (RuntimeException e) {
      // A poll never throws by design; a bug must not kill the schedule.
      LOG.warn("Poll of deployment {} failed", target.deployment().id(), e);
    }
  }

  private void publish(MonitorSnapshot s) {
    latest.set(s);
    for (Consumer<MonitorSnapshot> l : listeners) {
      try {
        l.accept(s);
      } catch (RuntimeException e) {
        LOG.warn("A monitor listener failed", e);
      }
    }
    poller.takeDrift().ifPresent(this::publishDrift);
    publishCost(s);
  }

  private void publishDrift(DriftReport report) {
    for (Consumer<DriftReport> l : driftListeners) {
      try {
        l.accept(report);
      } catch (RuntimeException e) {
        LOG.warn("A drift listener failed", e);
      }
    }
  }

  private void publishCost(MonitorSnapshot s) {
    Optional<DeploymentCost> c;
    try {
      c = cost.record(s, poller.planParallelism());
    } catch (RuntimeException e) {
      LOG.warn("Costing deployment {} failed", target.deployment().id(), e);
      return;
    }
    c.ifPresent(
        now -> {
          latestCost.set(now);
          for (Consumer<DeploymentCost> l : costListeners) {
            try {
              l.accept(now);
            } catch (RuntimeException e) {
              LOG.warn("A cost listener failed", e);
            }
          }
        });
  }

  /** Stops polling and closes every client; waits (bounded) for a poll in progress to finish. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(
          settings.timeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("The monitor of {} did not stop in time", target.deployment().id());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (pollLock) {
      poller.close();
    }
  }
}
