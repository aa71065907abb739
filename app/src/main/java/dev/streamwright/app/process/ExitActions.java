package dev.streamwright.app.process;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must happen when Streamwright exits, normally or on Ctrl-C: stop running jobs, close the
 * runtime, delete the temp folder, flush the log. One ordered list run by one shutdown hook,
 * because the JVM runs separate hooks concurrently and the temp folder must outlive the runtime
 * that writes into it. Actions run last-registered first, each at most once.
 */
public final class ExitActions {

  private static final Logger LOG = LoggerFactory.getLogger(ExitActions.class);

  private final Deque<Action> actions = new ArrayDeque<>();

  /**
   * Held while actions run: when Ctrl-C's hook and the main thread both get here, the second waits
   * until the first is done instead of deleting the temp folder under a runtime still closing.
   */
  private final Object running = new Object();

  /** One action, compared by identity so withdrawing removes exactly it. */
  private static final class Action {
    final String what;
    final Runnable body;

    Action(String what, Runnable body) {
      this.what = what;
      this.body = body;
    }
  }

  /** A registered action; closing it withdraws the action once its work is done another way. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Registers an action to run on exit.
   *
   * @param what what the action does, for the log
   */
  public Registration add(String what, Runnable body) {
    Action action = new Action(what, body);
    synchronized (actions) {
      actions.push(action);
    }
    return () -> {
      synchronized (actions) {
        actions.remove(action);
      }
    };
  }

  /**
   * Runs every registered action, newest first; a failing action does not stop the others. A
   * concurrent call returns once the actions are done.
   */
  public void runAll() {
    synchronized (running) {
      runEach();
    }
  }

  private void runEach() {
    while (true) {
      Action next;
      synchronized (actions) {
        next = actions.poll();
      }
      if (next == null) {
        return;
      }
      try {
        next.body.run();
      } catch (RuntimeException | Error e) {
        LOG.warn("On exit, could not {}", next.what, e);
      }
    }
  }

  /** Runs {@link #runAll()} when the JVM shuts down, e.g. on Ctrl-C. */
  public void runOnShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::runAll, "streamwright-exit"));
  }
}
