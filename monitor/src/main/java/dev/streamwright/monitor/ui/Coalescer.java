package dev.streamwright.monitor.ui;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Hands values offered from any thread to the FX thread at most once per pulse: only the newest
 * pending value is kept, and an animation timer draws it, so a fast producer never floods the FX
 * thread and never waits for it.
 *
 * @param <T> what is drawn
 */
final class Coalescer<T> {

  private final AtomicReference<T> pending = new AtomicReference<>();
  private final Consumer<T> draw;
  private final AnimationTimer timer;
  private volatile long draws;

  /** A coalescer that draws with {@code draw} on the FX thread; its timer starts at once. */
  Coalescer(Consumer<T> draw) {
    this.draw = Objects.requireNonNull(draw, "draw");
    timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pulse();
          }
        };
    timer.start();
  }

  /** Offers a value from any thread; it replaces one not drawn yet. */
  void offer(T value) {
    pending.set(Objects.requireNonNull(value, "value"));
  }

  /** Draws the pending value now, if any; on the FX thread. */
  void pulse() {
    T next = pending.getAndSet(null);
    if (next != null) {
      draws++;
      draw.accept(next);
    }
  }

  /** Stops the timer; on the FX thread. */
  void stop() {
    timer.stop();
    pending.set(null);
  }

  /** How many values were drawn. */
  long draws() {
    return draws;
  }
}
