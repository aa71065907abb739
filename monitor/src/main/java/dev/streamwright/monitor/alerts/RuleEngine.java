package dev.streamwright.monitor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a {@link RuleSet} once per poll and keeps one alert instance per rule and series.
 *
 * <p>Each poll passes its time and the values it saw, keyed by {@link SeriesKey}; the engine never
 * reads a clock. For each enabled rule and each series in its scope:
 *
 * <ul>
 *   <li>a value satisfying the condition starts a pending alert, or keeps one pending; the alert
 *       fires ({@link AlertEvent.Kind#FIRED}) at the first such poll at least the rule's {@code
 *       for} duration after the pending one began;
 *   <li>a value not satisfying it resets a pending alert (no event) and resolves a firing one
 *       ({@link AlertEvent.Kind#RESOLVED}), which also clears its acknowledgement;
 *   <li>no value (the series is absent from the poll, null or NaN: the system was disconnected or
 *       has not measured it) neither fires nor resolves: a pending alert is reset, since {@code
 *       for} needs the condition seen at every poll, and a firing alert stays firing unchanged;
 *   <li>de-duplication and reminders follow {@link Rule}: a firing within the rule's window after
 *       the series' last notification is recorded with {@code notifies} false.
 * </ul>
 *
 * <p>What a resolved alert remembers (its last notification) is kept until its de-duplication
 * window has passed, then dropped. Events go to the returned list, a bounded history (oldest
 * dropped first) and the listeners; a listener that throws is logged and never stops the engine.
 * Calls are synchronized: polls and acknowledgements may come from different threads.
 */
public final class RuleEngine {

  /** How many events the history keeps unless told otherwise. */
  public static final int DEFAULT_HISTORY = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

  private final int historyCapacity;
  private final ArrayDeque<AlertEvent> history = new ArrayDeque<>();
  private final List<Consumer<AlertEvent>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, RuleState> rules = new LinkedHashMap<>();
  private RuleSet ruleSet = RuleSet.EMPTY;
  private Instant lastPoll;
  private long poll;

  /** An engine for these rules with the default history size. */
  public RuleEngine(RuleSet rules) {
    this(rules, DEFAULT_HISTORY);
  }

  /** An engine for these rules keeping at most {@code historyCapacity} events. */
  public RuleEngine(RuleSet rules, int historyCapacity) {
    if (historyCapacity < 1) {
      throw new IllegalArgumentException("the history must hold at least one event");
    }
    this.historyCapacity = historyCapacity;
    Objects.requireNonNull(rules, "rules");
    for (Rule r : rules.rules()) {
      this.rules.put(r.id(), new RuleState(r));
    }
    this.ruleSet = rules;
  }

  /** The rules evaluated now. */
  public synchronized RuleSet rules() {
    return ruleSet;
  }

  /** Adds a listener that receives every event after the poll or call that made it. */
  public void addListener(Consumer<AlertEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener. */
  public void removeListener(Consumer<AlertEvent> listener) {
    listeners.remove(listener);
  }

  /**
   * Evaluates every enabled rule on one poll's values.
   *
   * @param at the poll's time; not before the previous poll's
   * @param values per series, its value at this poll; absent, null and NaN values are missing data
   * @return the events of this poll, in rule order
   */
  public List<AlertEvent> evaluate(Instant at, Map<SeriesKey, Double> values) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(values, "values");
    List<AlertEvent> events = new ArrayList<>();
    synchronized (this) {
      if (lastPoll != null && at.isBefore(lastPoll)) {
        throw new IllegalArgumentException(
            "poll time " + at + " is before the previous poll's " + lastPoll);
      }
      lastPoll = at;
      poll++;
      Map<Metric, List<Map.Entry<SeriesKey, Double>>> byMetric = new EnumMap<>(Metric.class);
      for (Map.Entry<SeriesKey, Double> e : values.entrySet()) {
        Double v = e.getValue();
        if (v != null && !v.isNaN()) {
          byMetric.computeIfAbsent(e.getKey().metric(), m -> new ArrayList<>()).add(e);
        }
      }
      for (RuleState rs : rules.values()) {
        Rule rule = rs.rule;
        if (!rule.enabled()) {
          continue;
        }
        for (Map.Entry<SeriesKey, Double> e : byMetric.getOrDefault(rule.metric(), List.of())) {
          SeriesKey key = e.getKey();
          if (!rule.scope().matches(key)) {
            continue;
          }
          double v = e.getValue();
          boolean holds = rule.condition().test(v);
          Instance inst = rs.instances.get(key);
          if (inst == null) {
            if (!holds) {
              continue;
            }
            inst = new Instance();
            rs.instances.put(key, inst);
          }
          inst.seen = poll;
          inst.value = v;
          step(rule, key, inst, holds, at, events);
        }
        for (Iterator<Instance> it = rs.instances.values().iterator(); it.hasNext(); ) {
          Instance inst = it.next();
          if (inst.seen != poll && inst.phase == Phase.PENDING) {
            inst.phase = Phase.INACTIVE; // a gap in the data resets `for`
          }
          if (inst.phase == Phase.INACTIVE && !remembers(rule, inst, at)) {
            it.remove();
          }
        }
      }
      record(events);
    }
    publish(events);
    return events;
  }

  private void step(
      Rule rule, SeriesKey key, Instance inst, boolean holds, Instant at, List<AlertEvent> events) {
    if (!holds) {
      if (inst.phase == Phase.FIRING) {
        inst.phase = Phase.INACTIVE;
        inst.acknowledged = false;
        events.add(new AlertEvent(AlertEvent.Kind.RESOLVED, at, rule, key, inst.value, false));
      } else {
        inst.phase = Phase.INACTIVE;
      }
      return;
    }
    switch (inst.phase) {
      case INACTIVE -> {
        inst.phase = Phase.PENDING;
        inst.since = at;
        inst.firedAt = null;
        maybeFire(rule, key, inst, at, events);
      }
      case PENDING -> maybeFire(rule, key, inst, at, events);
      case FIRING -> {
        Duration window = rule.dedupWindow();
        if (!inst.acknowledged
            && !window.isZero()
            && !at.isBefore(inst.lastNotified.plus(window))) {
          inst.lastNotified = at;
          events.add(new AlertEvent(AlertEvent.Kind.REMINDED, at, rule, key, inst.value, true));
        }
      }
    }
  }

  private static void maybeFire(
      Rule rule, SeriesKey key, Instance inst, Instant at, List<AlertEvent> events) {
    if (at.isBefore(inst.since.plus(rule.forDuration()))) {
      return;
    }
    inst.phase = Phase.FIRING;
    inst.firedAt = at;
    inst.acknowledged = false;
    boolean notify = !remembers(rule, inst, at);
    if (notify) {
      inst.lastNotified = at;
    }
    events.add(new AlertEvent(AlertEvent.Kind.FIRED, at, rule, key, inst.value, notify));
  }

  /** Whether the instance notified less than the rule's de-duplication window before {@code at}. */
  private static boolean remembers(Rule rule, Instance inst, Instant at) {
    return inst.lastNotified != null && at.isBefore(inst.lastNotified.plus(rule.dedupWindow()));
  }

  /**
   * Acknowledges a firing alert: it keeps firing, without reminders, until it resolves.
   *
   * @param at when it was acknowledged (the caller's clock)
   * @return the event, or empty when the alert is not firing or already acknowledged
   */
  public Optional<AlertEvent> acknowledge(AlertKey key, Instant at) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(at, "at");
    AlertEvent event;
    synchronized (this) {
      RuleState rs = rules.get(key.ruleId());
      Instance inst = rs == null ? null : rs.instances.get(key.series());
      if (inst == null || inst.phase != Phase.FIRING || inst.acknowledged) {
        return Optional.empty();
      }
      inst.acknowledged = true;
      event =
          new AlertEvent(
              AlertEvent.Kind.ACKNOWLEDGED, at, rs.rule, key.series(), inst.value, false);
      record(List.of(event));
    }
    publish(List.of(event));
    return Optional.of(event);
  }

  /**
   * Replaces the rules. Alerts of rules that keep their id, metric and scope stay as they are (a
   * changed condition, {@code for} or window applies from the next poll); firing alerts of rules
   * removed, disabled or given another metric or scope resolve at {@code at} (their event's value
   * is the last one seen), and every alert of those rules is forgotten.
   *
   * @return the resolutions
   */
  public List<AlertEvent> replaceRules(RuleSet next, Instant at) {
    Objects.requireNonNull(next, "rules");
    Objects.requireNonNull(at, "at");
    List<AlertEvent> events = new ArrayList<>();
    synchronized (this) {
      Map<String, RuleState> kept = new LinkedHashMap<>();
      Set<String> carried = new HashSet<>();
      for (Rule r : next.rules()) {
        RuleState old = rules.get(r.id());
        RuleState rs = new RuleState(r);
        if (old != null
            && r.enabled()
            && old.rule.metric() == r.metric()
            && old.rule.scope().equals(r.scope())) {
          rs.instances.putAll(old.instances);
          carried.add(r.id());
        }
        kept.put(r.id(), rs);
      }
      for (RuleState old : rules.values()) {
        if (carried.contains(old.rule.id())) {
          continue;
        }
        for (Map.Entry<SeriesKey, Instance> e : old.instances.entrySet()) {
          if (e.getValue().phase == Phase.FIRING) {
            events.add(
                new AlertEvent(
                    AlertEvent.Kind.RESOLVED, at, old.rule, e.getKey(), e.getValue().value, false));
          }
        }
      }
      rules.clear();
      rules.putAll(kept);
      ruleSet = next;
      record(events);
    }
    publish(events);
    return events;
  }

  /**
   * Forgets every alert of a deployment that ended or was deleted: its firing alerts resolve at
   * {@code at}, nothing of it is remembered for de-duplication.
   *
   * @return the resolutions
   */
  public List<AlertEvent> forgetDeployment(String deploymentId, Instant at) {
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(at, "at");
    List<AlertEvent> events = new ArrayList<>();
    synchronized (this) {
      for (RuleState rs : rules.values()) {
        for (Iterator<Map.Entry<SeriesKey, Instance>> it = rs.instances.entrySet().iterator();
            it.hasNext(); ) {
          Map.Entry<SeriesKey, Instance> e = it.next();
          if (e.getKey().deployment().equals(deploymentId)) {
            if (e.getValue().phase == Phase.FIRING) {
              events.add(
                  new AlertEvent(
                      AlertEvent.Kind.RESOLVED,
                      at,
                      rs.rule,
                      e.getKey(),
                      e.getValue().value,
                      false));
            }
            it.remove();
          }
        }
      }
      record(events);
    }
    publish(events);
    return events;
  }

  /** The pending and firing alerts, firing first, then by severity (highest first) and since. */
  public synchronized List<Alert> alerts() {
    List<Alert> out = new ArrayList<>();
    for (RuleState rs : rules.values()) {
      for (Map.Entry<SeriesKey, Instance> e : rs.instances.entrySet()) {
        Instance i = e.getValue();
        if (i.phase != Phase.INACTIVE) {
          out.add(
              new Alert(
                  rs.rule,
                  e.getKey(),
                  i.phase == Phase.FIRING ? Alert.State.FIRING : Alert.State.PENDING,
                  i.acknowledged,
                  i.since,
                  Optional.ofNullable(i.firedAt),
                  i.value));
        }
      }
    }
    out.sort(
        Comparator.comparing(Alert::state)
            .reversed()
            .thenComparing(a -> a.rule().severity(), Comparator.reverseOrder())
            .thenComparing(Alert::since));
    return out;
  }

  /** The firing alerts, as {@link #alerts()} orders them. */
  public List<Alert> firing() {
    return alerts().stream().filter(a -> a.state() == Alert.State.FIRING).toList();
  }

  /** The last events, oldest first, at most the history's capacity. */
  public synchronized List<AlertEvent> history() {
    return List.copyOf(history);
  }

  private void record(List<AlertEvent> events) {
    for (AlertEvent e : events) {
      if (history.size() == historyCapacity) {
        history.removeFirst();
      }
      history.addLast(e);
    }
  }

  private void publish(List<AlertEvent> events) {
    for (AlertEvent e : events) {
      for (Consumer<AlertEvent> l : listeners) {
        try {
          l.accept(e);
        } catch (RuntimeException ex) {
          LOG.warn("An alert listener failed on '{}'; the engine goes on", e.describe(), ex);
        }
      }
    }
  }

  private enum Phase {
    INACTIVE,
    PENDING,
    FIRING
  }

  /** One rule and its alert instances by series. */
  private static final class RuleState {
    final Rule rule;
    final Map<SeriesKey, Instance> instances = new HashMap<>();

    RuleState(Rule rule) {
      this.rule = rule;
    }
  }

  /** The mutable state of one alert instance. */
  private static final class Instance {
    Phase phase = Phase.INACTIVE;
    boolean acknowledged;
    Instant since;
    Instant firedAt;
    Instant lastNotified;
    double value = Double.NaN;
    long seen;
  }
}
