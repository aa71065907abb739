package dev.streamwright.runtime.generate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pulls a generator's events and hands each to a sink when its wall-clock instant ({@link
 * Schedule#wallClockAt}) comes. The clock and the sleeper are injected so that tests run without
 * sleeping. Stoppable from another thread; counters are readable while it runs.
 */
public final class GeneratorRun implements Runnable {

  /** Waits; {@link #SYSTEM} sleeps the current thread. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(Math.max(0, d.toNanos()));
  }

  /** A snapshot of the counters. */
  public record Counters(long produced, long malformed, long late) {}

  public enum State {
    NEW,
    RUNNING,
    FINISHED,
    STOPPED,
    FAILED
  }

  /** Longest single sleep, so that {@link #stop()} takes effect promptly. */
  static final Duration MAX_SLEEP = Duration.ofMillis(100);

  private final Generator generator;
  private final EventSink sink;
  private final double speed;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicLong produced = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong late = new AtomicLong();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean stopRequested;
  private volatile State state = State.NEW;
  private volatile Throwable failure;
  private volatile Thread thread;

  public GeneratorRun(
      Generator generator, EventSink sink, double speed, Clock clock, Sleeper sleeper) {
    Schedule.checkSpeed(speed);
    this.generator = Objects.requireNonNull(generator, "generator");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.speed = speed;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** A run on the system clock. */
  public GeneratorRun(Generator generator, EventSink sink, double speed) {
    this(generator, sink, speed, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /** Runs to the end of the generator (or until stopped) on the calling thread, then flushes. */
  @Override
  public void run() {
    synchronized (this) {
      if (state != State.NEW) {
        throw new IllegalStateException("a GeneratorRun runs once; state is " + state);
      }
      state = State.RUNNING;
    }
    try {
      Instant wallStart = clock.instant();
      Iterator<Event> events = generator.events();
      while (!stopRequested && events.hasNext()) {
        Event event = events.next();
        if (!awaitDue(Schedule.wallClockAt(wallStart, event, speed))) {
          break;
        }
        sink.send(event);
        produced.incrementAndGet();
        if (event.malformed()) {
          malformed.incrementAndGet();
        }
        if (event.late()) {
          late.incrementAndGet();
        }
      }
      sink.flush();
      state = stopRequested ? State.STOPPED : State.FINISHED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      state = State.STOPPED;
    } catch (RuntimeException | Error e) {
      failure = e;
      state = State.FAILED;
      throw e;
    } finally {
      done.countDown();
    }
  }

  /** Sleeps until {@code due}; false if stopped meanwhile. */
  private boolean awaitDue(Instant due) throws InterruptedException {
    while (true) {
      if (stopRequested) {
        return false;
      }
      Duration wait = Duration.between(clock.instant(), due);
      if (wait.isNegative() || wait.isZero()) {
        return true;
      }
      sleeper.sleep(wait.compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP : wait);
    }
  }

  /** Starts {@link #run()} on a daemon thread of its own. */
  public synchronized Thread start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    Thread t = new Thread(this, "generator-" + generator.name());
    t.setDaemon(true);
    t.setUncaughtExceptionHandler((th, e) -> {});
    thread = t;
    t.start();
    return t;
  }

  /** Asks the run to stop after the current event; events not yet due are not sent. */
  public void stop() {
    stopRequested = true;
  }

  /** Waits for the run to end; true if it ended within the timeout. */
  public boolean await(Duration timeout) throws InterruptedException {
    return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public Counters counters() {
    return new Counters(produced.get(), malformed.get(), late.get());
  }

  public State state() {
    return state;
  }

  /** What made the run fail, or null. */
  public Throwable failure() {
    return failure;
  }
}
