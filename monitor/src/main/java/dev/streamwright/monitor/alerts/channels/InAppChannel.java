package dev.streamwright.monitor.alerts.channels;

import dev.streamwright.monitor.alerts.AlertChannel;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.ChannelException;
import dev.streamwright.monitor.alerts.DefaultRules;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-app channel ({@value DefaultRules#IN_APP}): hands each notifying event to its subscribers,
 * the studio's notification centre (which shows a toast) and the CLI's {@code monitor}. Subscribers
 * are called on the channel's worker thread and hop to their own (the FX thread) themselves.
 */
public final class InAppChannel implements AlertChannel {

  private final List<Consumer<AlertEvent>> subscribers = new CopyOnWriteArrayList<>();

  /** Subscribes to the notifying events. */
  public void subscribe(Consumer<AlertEvent> subscriber) {
    subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
  }

  /** Unsubscribes. */
  public void unsubscribe(Consumer<AlertEvent> subscriber) {
    subscribers.remove(subscriber);
  }

  @Override
  public String name() {
    return DefaultRules.IN_APP;
  }

  @Override
  public void send(AlertEvent event) throws ChannelException {
    RuntimeException first = null;
    for (Consumer<AlertEvent> s : subscribers) {
      try {
        s.accept(event);
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw new ChannelException(
          "a subscriber of the in-app notifications failed: " + first, first);
    }
  }
}
