package dev.streamwright.monitor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert runtime of one workspace: one {@link RuleEngine} fed by every monitor, and the dispatch
 * of its events to listeners and channels off the monitors' threads.
 *
 * <p><b>Feeds.</b> Values arrive per deployment and {@link Feed} (a monitor's snapshots, its drift
 * reports, its cost) at their own pace. Each {@code accept} replaces that feed's values and
 * evaluates the rules once over the newest values of every feed, so one deployment's poll never
 * counts as missing data for another deployment or for another feed of the same deployment. A
 * series missing from its own feed's newest values is missing data (see {@link RuleEngine}); a feed
 * not refreshed for {@link #DEFAULT_STALE} (a monitor that stopped without saying) is dropped. Poll
 * times from different monitors may interleave slightly out of order: each evaluation uses the
 * later of its time and the previous one, as the engine needs.
 *
 * <p><b>Dispatch.</b> Evaluation runs on the caller's thread (cheap: the engine is deterministic
 * and in memory); its events then go, as one batch, to a bounded queue served by the centre's
 * dispatcher thread, which calls the {@linkplain #addBatchListener batch listeners} (the workspace
 * history, one commit per batch) and the {@linkplain #addListener listeners} (the notification
 * centre) with every event, and hands each event that {@linkplain AlertEvent#notifies() notifies}
 * to the worker thread of each channel its rule names. Each channel has its own worker and bounded
 * queue, so a slow or hanging channel delays only itself. The caller never waits: a full queue
 * drops the event and reports it. A channel that throws, a rule naming an unknown channel (reported
 * once per name) and a dropped event become {@link ChannelFailure}s for the {@linkplain
 * #addFailureListener failure listeners} and the log; none stops the engine or another channel.
 * {@link #close} stops the threads.
 */
public final class AlertCenter implements AutoCloseable {

  /** Events waiting for the dispatcher, and alerts waiting per channel, at most. */
  public static final int DEFAULT_QUEUE = 1000;

  /** How long a feed's values count without being refreshed. */
  public static final Duration DEFAULT_STALE = Duration.ofMinutes(3);

  /** How many channel failures {@link #failures()} keeps. */
  static final int FAILURES_KEPT = 100;

  private static final Logger LOG = LoggerFactory.getLogger(AlertCenter.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  /** Where values come from; each deployment's feeds are replaced independently. */
  public enum Feed {
    /** The monitor's snapshots: lag, latency, throughput, backpressure, checkpoints, models. */
    SNAPSHOT,
    /** The drift reports: the drift measures and the dataset drift share. */
    DRIFT,
    /** The cost: the projected monthly cost. */
    COST;

    /** The feed a metric's values come from. */
    public static Feed of(Metric m) {
      return switch (m) {
        case DRIFT_PSI,
            DRIFT_JENSEN_SHANNON,
            DRIFT_KS_P_VALUE,
            DRIFT_WASSERSTEIN,
            DRIFT_CHI_SQUARED_P_VALUE,
            DATASET_DRIFT_SHARE ->
            DRIFT;
        case PROJECTED_MONTHLY_COST -> COST;
        default -> SNAPSHOT;
      };
    }
  }

  private record FeedKey(String deployment, Feed feed) {}

  private record FeedValues(Instant at, Map<SeriesKey, Double> values) {}

  private final RuleEngine engine;
  private final Duration stale;
  private final int queueCapacity;
  private final Map<FeedKey, FeedValues> feeds = new HashMap<>();
  private final ThreadPoolExecutor dispatcher;
  private final Map<String, ChannelWorker> channels = new ConcurrentHashMap<>();
  private final List<Consumer<AlertEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<AlertEvent>>> batchListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<ChannelFailure>> failureListeners = new CopyOnWriteArrayList<>();
  private final Set<String> unknownReported = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<ChannelFailure> failures = new ArrayDeque<>();
  private Instant last;
  private volatile boolean closed;

  /** A centre for these rules with the default history, queue and staleness. */
  public AlertCenter(RuleSet rules) {
    this(rules, RuleEngine.DEFAULT_HISTORY, DEFAULT_QUEUE, DEFAULT_STALE);
  }

  /**
   * A centre for these rules.
   *
   * @param historyCapacity events the engine's history keeps
   * @param queueCapacity events waiting for the dispatcher, and per channel, at most
   * @param stale how long a feed's values count without being refreshed
   */
  public AlertCenter(RuleSet rules, int historyCapacity, int queueCapacity, Duration stale) {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("the dispatch queue must hold at least one event");
    }
    this.engine = new RuleEngine(rules, historyCapacity);
    this.stale = Objects.requireNonNull(stale, "stale");
    this.queueCapacity = queueCapacity;
    this.dispatcher = singleThread("alert-dispatcher", queueCapacity);
  }

  static ThreadPoolExecutor singleThread(String name, int capacity) {
    return new ThreadPoolExecutor(
        1,
        1,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(capacity),
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** The engine; its state is the centre's. Add listeners to the centre, not to the engine. */
  public RuleEngine engine() {
    return engine;
  }

  /** The rules evaluated now. */
  public RuleSet rules() {
    return engine.rules();
  }

  /** The pending and firing alerts, as {@link RuleEngine#alerts()} orders them. */
  public List<Alert> alerts() {
    return engine.alerts();
  }

  /** The firing alerts. */
  public List<Alert> firing() {
    return engine.firing();
  }

  /** The engine's last events, oldest first. */
  public List<AlertEvent> history() {
    return engine.history();
  }

  /**
   * Replaces the values of every (deployment, feed) present in {@code values} and evaluates the
   * rules. Callable from any thread; never waits for a listener or channel.
   *
   * @param at the poll's time
   * @return the events of this evaluation (dispatched as well)
   */
  public List<AlertEvent> accept(Instant at, Map<SeriesKey, Double> values) {
    Objects.requireNonNull(values, "values");
    Map<FeedKey, Map<SeriesKey, Double>> split = new HashMap<>();
    for (Map.Entry<SeriesKey, Double> e : values.entrySet()) {
      SeriesKey k = e.getKey();
      split
          .computeIfAbsent(new FeedKey(k.deployment(), Feed.of(k.metric())), f -> new HashMap<>())
          .put(k, e.getValue());
    }
    return evaluate(at, split);
  }

  /**
   * Replaces one deployment's values of one feed (all of them: an empty map means the feed has no
   * values now, e.g. its system is disconnected) and evaluates the rules.
   *
   * @throws IllegalArgumentException when a value is of another deployment or feed
   */
  public List<AlertEvent> accept(
      Instant at, String deploymentId, Feed feed, Map<SeriesKey, Double> values) {
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(feed, "feed");
    for (SeriesKey k : values.keySet()) {
      if (!k.deployment().equals(deploymentId) || Feed.of(k.metric()) != feed) {
        throw new IllegalArgumentException(
            k.describe() + " is not a " + feed + " value of deployment '" + deploymentId + "'");
      }
    }
    return evaluate(at, Map.of(new FeedKey(deploymentId, feed), values));
  }

  private List<AlertEvent> evaluate(Instant at, Map<FeedKey, Map<SeriesKey, Double>> fresh) {
    Objects.requireNonNull(at, "at");
    if (closed) {
      return List.of();
    }
    List<AlertEvent> events;
    synchronized (this) {
      Instant when = last != null && at.isBefore(last) ? last : at;
      last = when;
      for (Map.Entry<FeedKey, Map<SeriesKey, Double>> e : fresh.entrySet()) {
        feeds.put(e.getKey(), new FeedValues(when, Map.copyOf(withoutNulls(e.getValue()))));
      }
      Map<SeriesKey, Double> merged = new HashMap<>();
      for (Iterator<FeedValues> it = feeds.values().iterator(); it.hasNext(); ) {
        FeedValues f = it.next();
        if (f.at().plus(stale).isBefore(when)) {
          it.remove();
        } else {
          merged.putAll(f.values());
        }
      }
      events = engine.evaluate(when, merged);
      dispatch(events);
    }
    return events;
  }

  private static Map<SeriesKey, Double> withoutNulls(Map<SeriesKey, Double> values) {
    Map<SeriesKey, Double> out = new HashMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  /**
   * Acknowledges a firing alert (see {@link RuleEngine#acknowledge}).
   *
   * @return the event, or empty when the alert is not firing or already acknowledged
   */
  public Optional<AlertEvent> acknowledge(AlertKey key, Instant at) {
    synchronized (this) {
      Optional<AlertEvent> e = engine.acknowledge(key, at);
      e.ifPresent(ev -> dispatch(List.of(ev)));
      return e;
    }
  }

  /** Replaces the rules (see {@link RuleEngine#replaceRules}); resolutions are dispatched. */
  public List<AlertEvent> replaceRules(RuleSet next, Instant at) {
    synchronized (this) {
      List<AlertEvent> events = engine.replaceRules(next, at);
      dispatch(events);
      return events;
    }
  }

  /** Forgets a deployment that ended: its feeds, and its alerts (firing ones resolve). */
  public List<AlertEvent> forgetDeployment(String deploymentId, Instant at) {
    synchronized (this) {
      feeds.keySet().removeIf(k -> k.deployment().equals(deploymentId));
      List<AlertEvent> events = engine.forgetDeployment(deploymentId, at);
      dispatch(events);
      return events;
    }
  }

  /** Adds a listener called on the dispatcher thread with every event, in order. */
  public void addListener(Consumer<AlertEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener. */
  public void removeListener(Consumer<AlertEvent> listener) {
    listeners.remove(listener);
  }

  /**
   * Adds a listener called on the dispatcher thread once per evaluation (or acknowledgement) that
   * made events, with all of them, before the per-event listeners: for a writer that keeps them in
   * one commit.
   */
  public void addBatchListener(Consumer<List<AlertEvent>> listener) {
    batchListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Adds a listener called with every channel failure, on the thread that saw it. */
  public void addFailureListener(Consumer<ChannelFailure> listener) {
    failureListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a failure listener. */
  public void removeFailureListener(Consumer<ChannelFailure> listener) {
    failureListeners.remove(listener);
  }

  /** The last channel failures, oldest first. */
  public synchronized List<ChannelFailure> failures() {
    return List.copyOf(failures);
  }

  /**
   * Adds a channel, or replaces the channel of the same name (which is closed once its queued
   * alerts are sent or {@code 2 s} have passed).
   */
  public void putChannel(AlertChannel channel) {
    Objects.requireNonNull(channel, "channel");
    if (closed) {
      throw new IllegalStateException("the alert centre is closed");
    }
    unknownReported.remove(channel.name());
    ChannelWorker old = channels.put(channel.name(), new ChannelWorker(channel));
    if (old != null) {
      old.close();
    }
  }

  /** Removes and closes a channel; rules naming it report it as unknown. */
  public void removeChannel(String name) {
    ChannelWorker old = channels.remove(name);
    if (old != null) {
      old.close();
    }
  }

  /** The names of the channels, sorted. */
  public Set<String> channelNames() {
    return new TreeSet<>(channels.keySet());
  }

  private void dispatch(List<AlertEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<AlertEvent> batch = List.copyOf(events);
    try {
      dispatcher.execute(() -> deliverAll(batch));
    } catch (RejectedExecutionException full) {
      if (!closed) {
        report(
            new ChannelFailure(
                "dispatcher",
                Optional.of(batch.get(0)),
                Instant.now(),
                queueCapacity
                    + " evaluations' events are waiting to be dispatched; "
                    + batch.size()
                    + " event(s) were dropped. A listener is too slow."));
      }
    }
  }

  private void deliverAll(List<AlertEvent> batch) {
    for (Consumer<List<AlertEvent>> l : batchListeners) {
      try {
        l.accept(batch);
      } catch (RuntimeException ex) {
        LOG.warn(
            "An alert batch listener failed on {} event(s); the others go on", batch.size(), ex);
      }
    }
    for (AlertEvent e : batch) {
      deliver(e);
    }
  }

  private void deliver(AlertEvent e) {
    for (Consumer<AlertEvent> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException ex) {
        LOG.warn("An alert listener failed on '{}'; the others go on", e.describe(), ex);
      }
    }
    if (!e.notifies()) {
      return;
    }
    for (String name : e.rule().channels()) {
      ChannelWorker w = channels.get(name);
      if (w != null) {
        w.submit(e);
      } else if (unknownReported.add(name)) {
        report(
            new ChannelFailure(
                name,
                Optional.of(e),
                Instant.now(),
                "there is no channel named '"
                    + name
                    + "' (rule '"
                    + e.rule().id()
                    + "' names it): add the channel or remove it from the rule. Reported once."));
      }
    }
  }

  void report(ChannelFailure f) {
    LOG.warn("{}", f.describe());
    synchronized (this) {
      if (failures.size() == FAILURES_KEPT) {
        failures.removeFirst();
      }
      failures.addLast(f);
    }
    for (Consumer<ChannelFailure> l : failureListeners) {
      try {
        l.accept(f);
      } catch (RuntimeException ex) {
        LOG.warn("A channel failure listener failed", ex);
      }
    }
  }

  /** Stops dispatching: queued events get up to 2 s, then the threads stop and channels close. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    dispatcher.shutdown();
    awaitOrStop(dispatcher);
    for (ChannelWorker w : channels.values()) {
      w.close();
    }
    channels.clear();
  }

  private static void awaitOrStop(ThreadPoolExecutor pool) {
    try {
      if (!pool.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** One channel with its own thread and bounded queue. */
  private final class ChannelWorker {
    private final AlertChannel channel;
    private final ThreadPoolExecutor pool;

    ChannelWorker(AlertChannel channel) {
      this.channel = channel;
      this.pool = singleThread("alert-channel-" + channel.name(), queueCapacity);
    }

    void submit(AlertEvent e) {
      try {
        pool.execute(() -> send(e));
      } catch (RejectedExecutionException full) {
        if (!pool.isShutdown()) {
          report(
              new ChannelFailure(
                  channel.name(),
                  Optional.of(e),
                  Instant.now(),
                  queueCapacity
                      + " alerts are waiting for this channel; this one was dropped. The channel"
                      + " is too slow or hangs."));
        }
      }
    }

    private void send(AlertEvent e) {
      try {
        channel.send(e);
      } catch (ChannelException ex) {
        report(new ChannelFailure(channel.name(), Optional.of(e), Instant.now(), ex.getMessage()));
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException ex) {
        LOG.warn("Alert channel '{}' failed unexpectedly", channel.name(), ex);
        report(
            new ChannelFailure(
                channel.name(),
                Optional.of(e),
                Instant.now(),
                "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()));
      }
    }

    void close() {
      pool.shutdown();
      awaitOrStop(pool);
      try {
        channel.close();
      } catch (RuntimeException ex) {
        LOG.warn("Closing alert channel '{}' failed", channel.name(), ex);
      }
    }
  }
}
