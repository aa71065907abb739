package dev.streamwright.runtime.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The scheduling engine shared by the sample generators. Steady traffic is evenly spaced at the
 * base rate ({@code floor(rate * duration)} records, key chosen uniformly); burst steps add extra
 * records for their keys, malformed steps add exactly their count of malformed records, late steps
 * delay some records, shift steps scale and offset a column and ramp steps add a growing amount to
 * a column for a few keys. Subclasses only make the record contents.
 *
 * <p>Everything random comes from {@link SplittableRandom}s seeded from the configuration's seed
 * and consumed in a fixed order, so the same configuration yields the same events.
 */
public abstract class ScheduledGenerator implements Generator {

  /** The contents of one record. */
  protected record Record(String key, String value) {}

  /** What the shift and ramp steps in force at a record's time and for its key do to a column. */
  protected interface Shifts {
    /** The product of the factors of the shift steps started on {@code column}. */
    double factor(String column);

    /**
     * {@code value} with every started step applied: multiplied by the shift factors, plus the
     * shift offsets, plus the ramps of this record's key.
     */
    double apply(String column, double value);
  }

  /** No shift and no ramp, e.g. for malformed records. */
  protected static final Shifts NO_SHIFTS =
      new Shifts() {
        @Override
        public double factor(String column) {
          return 1;
        }

        @Override
        public double apply(String column, double value) {
          return value;
        }
      };

  private final GeneratorConfig config;
  private final Map<Scenario.Step, List<String>> stepKeys = new IdentityHashMap<>();

  protected ScheduledGenerator(GeneratorConfig config) {
    this.config = config;
  }

  /**
   * Checks the scenario against this generator and chooses the keys of burst and ramp steps.
   * Subclasses call it at the end of their constructor.
   */
  protected final void init() {
    List<Scenario.Step> steps = config.scenario().steps();
    SplittableRandom keyRng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    for (int i = 0; i < steps.size(); i++) {
      Scenario.Step step = steps.get(i);
      if (step instanceof Scenario.Shift s) {
        checkColumn(i, step, s.column());
      }
      if (step instanceof Scenario.Ramp r) {
        checkColumn(i, step, r.column());
        checkKeys(i, step, r.keyIds());
        stepKeys.put(r, r.keyIds().isEmpty() ? chooseKeys(keyRng, i, step, r.keys()) : r.keyIds());
      }
      if (step instanceof Scenario.Burst b) {
        stepKeys.put(
            b, b.userIds().isEmpty() ? chooseKeys(keyRng, i, step, b.users()) : b.userIds());
      }
    }
  }

  private void checkColumn(int index, Scenario.Step step, String column) {
    if (!shiftableColumns().contains(column)) {
      throw new ScenarioException(
          "step "
              + (index + 1)
              + " ("
              + step.kind()
              + "): unknown column \""
              + column
              + "\" ("
              + name()
              + " can "
              + step.kind()
              + ": "
              + String.join(", ", shiftableColumns().stream().sorted().toList())
              + ")");
    }
  }

  /** A step naming a key the generator never sends would silently do nothing; say so instead. */
  private void checkKeys(int index, Scenario.Step step, List<String> keys) {
    Set<String> known = new java.util.HashSet<>();
    for (int k = 0; k < keyCount(); k++) {
      known.add(keyOf(k));
    }
    for (String key : keys) {
      if (!known.contains(key)) {
        throw new ScenarioException(
            "step "
                + (index + 1)
                + " ("
                + step.kind()
                + "): \"keyIds\" names \""
                + key
                + "\", which "
                + name()
                + " never sends (its keys run from "
                + keyOf(0)
                + " to "
                + keyOf(keyCount() - 1)
                + ")");
      }
    }
  }

  /** {@code n} distinct keys, deterministic from the seed (a partial Fisher-Yates shuffle). */
  private List<String> chooseKeys(SplittableRandom keyRng, int index, Scenario.Step step, int n) {
    if (n > keyCount()) {
      throw new ScenarioException(
          "step "
              + (index + 1)
              + " ("
              + step.kind()
              + "): "
              + n
              + (step instanceof Scenario.Burst ? " users" : " keys")
              + " asked, but "
              + name()
              + " has only "
              + keyCount());
    }
    int[] idx = new int[keyCount()];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = k;
    }
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int j = k + keyRng.nextInt(idx.length - k);
      int t = idx[k];
      idx[k] = idx[j];
      idx[j] = t;
      keys.add(keyOf(idx[k]));
    }
    return List.copyOf(keys);
  }

  @Override
  public GeneratorConfig config() {
    return config;
  }

  /** The keys a burst step of this generator's scenario targets. */
  public List<String> burstKeys(Scenario.Burst step) {
    return stepKeys(step);
  }

  /** The keys a ramp step of this generator's scenario drifts. */
  public List<String> rampKeys(Scenario.Ramp step) {
    return stepKeys(step);
  }

  private List<String> stepKeys(Scenario.Step step) {
    List<String> keys = stepKeys.get(step);
    if (keys == null) {
      throw new IllegalArgumentException(
          "not a " + step.kind() + " step of this scenario: " + step);
    }
    return keys;
  }

  /** Number of distinct keys of the steady traffic (e.g. users). */
  protected abstract int keyCount();

  /** The key with the given index in {@code [0, keyCount())}. */
  protected abstract String keyOf(int index);

  /** Columns a shift step may name. */
  protected abstract Set<String> shiftableColumns();

  /** A steady-traffic record. */
  protected abstract Record normal(
      SplittableRandom rng, String key, Instant eventTime, Shifts shifts);

  /** An extra record of a burst for {@code key}. */
  protected abstract Record burst(
      SplittableRandom rng, String key, Instant eventTime, Shifts shifts);

  /** The {@code ordinal}-th malformed record (0-based within the run). */
  protected abstract Record malformed(
      SplittableRandom rng, String key, Instant eventTime, long ordinal);

  @Override
  public Iterator<Event> events() {
    return new Schedule();
  }

  private enum SourceKind {
    BASE,
    BURST,
    MALFORMED
  }

  /** Evenly spaced nominal times: {@code start + round(i * interval)} for {@code i < count}. */
  private static final class Ticker {
    final SourceKind kind;
    final Scenario.Step step;
    final long startNanos;
    final double intervalNanos;
    final long count;
    long index;

    Ticker(SourceKind kind, Scenario.Step step, long startNanos, double intervalNanos, long count) {
      this.kind = kind;
      this.step = step;
      this.startNanos = startNanos;
      this.intervalNanos = intervalNanos;
      this.count = count;
    }

    boolean done() {
      return index >= count;
    }

    long next() {
      return startNanos + Math.round(index * intervalNanos);
    }
  }

  private record Pending(long emitNanos, long seq, Event event) {}

  private final class Schedule implements Iterator<Event> {
    private final SplittableRandom rng = new SplittableRandom(config.seed());
    private final List<Ticker> tickers = new ArrayList<>();
    private final PriorityQueue<Pending> pending =
        new PriorityQueue<>(
            Comparator.comparingLong(Pending::emitNanos).thenComparingLong(Pending::seq));
    private final List<Scenario.Shift> shifts = new ArrayList<>();
    private final List<Scenario.Ramp> ramps = new ArrayList<>();
    private final List<Scenario.Late> lates = new ArrayList<>();
    private final long durationNanos = config.duration().toNanos();
    private final Instant start = config.startTime();
    private long seq;
    private long malformedOrdinal;

    Schedule() {
      double seconds = durationNanos / 1e9;
      long baseCount = (long) Math.floor(config.rate() * seconds + 1e-9);
      tickers.add(new Ticker(SourceKind.BASE, null, 0, 1e9 / config.rate(), baseCount));
      double perKeyRate = config.rate() / keyCount();
      for (Scenario.Step step : config.scenario().steps()) {
        long at = step.at().toNanos();
        if (at >= durationNanos) {
          continue;
        }
        if (step instanceof Scenario.Burst b) {
          long end = Math.min(durationNanos, at + b.duration().toNanos());
          double extraRate = burstKeys(b).size() * perKeyRate * (b.factor() - 1);
          long n = (long) Math.floor(extraRate * (end - at) / 1e9 + 1e-9);
          if (n > 0) {
            tickers.add(new Ticker(SourceKind.BURST, b, at, 1e9 / extraRate, n));
          }
        } else if (step instanceof Scenario.Malformed m) {
          tickers.add(
              new Ticker(
                  SourceKind.MALFORMED,
                  m,
                  at,
                  (double) m.duration().toNanos() / m.count(),
                  m.count()));
        } else if (step instanceof Scenario.Shift s) {
          shifts.add(s);
        } else if (step instanceof Scenario.Ramp r) {
          ramps.add(r);
        } else if (step instanceof Scenario.Late l) {
          lates.add(l);
        }
      }
      Collections.sort(shifts, Comparator.comparing(Scenario.Shift::at));
    }

    @Override
    public boolean hasNext() {
      fill();
      return !pending.isEmpty();
    }

    @Override
    public Event next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll().event();
    }

    /** Produces records until the earliest pending one cannot be overtaken by a later source. */
    private void fill() {
      while (true) {
        Ticker source = null;
        for (Ticker t : tickers) {
          if (!t.done() && (source == null || t.next() < source.next())) {
            source = t;
          }
        }
        if (source == null) {
          return;
        }
        if (!pending.isEmpty() && pending.peek().emitNanos() <= source.next()) {
          return;
        }
        produce(source);
      }
    }

    private void produce(Ticker source) {
      long nominal = source.next();
      source.index++;
      Instant eventTime = truncateToMillis(start.plusNanos(nominal));
      Record record;
      boolean malformed = false;
      switch (source.kind) {
        case BASE -> {
          String key = keyOf(rng.nextInt(keyCount()));
          record = normal(rng, key, eventTime, new Adjustments(key, nominal));
        }
        case BURST -> {
          List<String> keys = burstKeys((Scenario.Burst) source.step);
          String key = keys.get(rng.nextInt(keys.size()));
          record = burst(rng, key, eventTime, new Adjustments(key, nominal));
        }
        case MALFORMED -> {
          record = malformed(rng, keyOf(rng.nextInt(keyCount())), eventTime, malformedOrdinal++);
          malformed = true;
        }
        default -> throw new AssertionError(source.kind);
      }
      long emitNanos = nominal;
      boolean late = false;
      if (!malformed) {
        Scenario.Late l = activeLate(nominal);
        if (l != null && rng.nextDouble() < l.fraction()) {
          long maxMs = Math.max(1, l.maxDelay().toMillis());
          long delayMs = 1 + rng.nextLong(maxMs);
          emitNanos = nominal + delayMs * 1_000_000L;
          late = true;
        }
      }
      Instant emitTime = late ? eventTime.plusNanos(emitNanos - nominal) : eventTime;
      Event event =
          new Event(
              record.key(),
              record.value(),
              eventTime,
              emitTime,
              Duration.ofNanos(emitNanos),
              malformed,
              late);
      pending.add(new Pending(emitNanos, seq++, event));
    }

    /** The shifts and ramps for one record: its key and nominal scenario time. */
    private final class Adjustments implements Shifts {
      private final String key;
      private final long nominal;

      Adjustments(String key, long nominal) {
        this.key = key;
        this.nominal = nominal;
      }

      @Override
      public double factor(String column) {
        double f = 1;
        for (Scenario.Shift s : shifts) {
          if (s.at().toNanos() <= nominal && s.column().equals(column)) {
            f *= s.factor();
          }
        }
        return f;
      }

      @Override
      public double apply(String column, double value) {
        double v = value * factor(column);
        for (Scenario.Shift s : shifts) {
          if (s.at().toNanos() <= nominal && s.column().equals(column)) {
            v += s.offset();
          }
        }
        for (Scenario.Ramp r : ramps) {
          long since = nominal - r.at().toNanos();
          if (since >= 0 && r.column().equals(column) && rampKeys(r).contains(key)) {
            v += r.perMinute() * since / 60e9;
          }
        }
        return v;
      }
    }

    private Scenario.Late activeLate(long nominal) {
      for (Scenario.Late l : lates) {
        long at = l.at().toNanos();
        long end = l.duration().map(d -> at + d.toNanos()).orElse(Long.MAX_VALUE);
        if (nominal >= at && nominal < end) {
          return l;
        }
      }
      return null;
    }
  }

  private static Instant truncateToMillis(Instant t) {
    return Instant.ofEpochMilli(t.toEpochMilli());
  }
}
