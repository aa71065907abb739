package dev.streamwright.designer.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in GUI tests without fixed sleeps: conditions are evaluated on the FX thread (where the
 * views' state lives) until they hold, with a timeout generous enough for a slow 2-core machine.
 */
final class FxWait {

  /** Long enough for a first compile on a cold, busy 2-core machine. */
  static final long TIMEOUT_SECONDS = 20;

  private FxWait() {}

  /** Runs on the FX thread and returns the result. */
  static <T> T fx(Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the FX thread did not answer", e);
    }
  }

  /** Runs on the FX thread and waits for the events it caused. */
  static void run(Runnable action) {
    fx(
        () -> {
          action.run();
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Waits until the condition, evaluated on the FX thread, holds. */
  static void until(String what, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
