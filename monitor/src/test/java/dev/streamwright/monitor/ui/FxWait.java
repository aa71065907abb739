package dev.streamwright.monitor.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in GUI tests without fixed sleeps: conditions are evaluated on the FX thread until they
 * hold, with a timeout generous enough for a slow, shared 2-core machine.
 */
final class FxWait {

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

  /** Waits until the FX toolkit has run the given number of pulses (seen by a timer of its own). */
  static void pulses(int count) {
    CountDownLatch seen = new CountDownLatch(count);
    AnimationTimer[] timer = new AnimationTimer[1];
    Platform.runLater(
        () -> {
          timer[0] =
              new AnimationTimer() {
                @Override
                public void handle(long now) {
                  seen.countDown();
                }
              };
          timer[0].start();
        });
    try {
      if (!seen.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the FX toolkit ran no " + count + " pulses");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      run(() -> timer[0].stop());
    }
  }
}
