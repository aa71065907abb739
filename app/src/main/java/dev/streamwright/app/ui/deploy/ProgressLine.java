package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.deploy.Progress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A {@link Progress} for the FX thread: steps reported on an operation's thread are coalesced, so
 * however fast they come, the FX thread runs at most one update at a time and shows the latest.
 */
final class ProgressLine implements Progress {

  private final Executor ui;
  private final Consumer<String> show;
  private final AtomicReference<String> latest = new AtomicReference<>();

  ProgressLine(Executor ui, Consumer<String> show) {
    this.ui = ui;
    this.show = show;
  }

  @Override
  public void step(String message) {
    if (latest.getAndSet(message) == null) {
      ui.execute(
          () -> {
            String m = latest.getAndSet(null);
            if (m != null) {
              show.accept(m);
            }
          });
    }
  }
}
