package dev.streamwright.monitor.alerts;

/**
 * Somewhere an {@link AlertCenter} sends the alert events that notify ({@link
 * AlertEvent#notifies()}): the in-app notification centre, the desktop, a webhook, a command. Rules
 * name channels by {@link #name()}.
 *
 * <p>{@link #send} runs on the channel's own worker thread, never on a monitor's: it may block (a
 * network call, a process) but must return within its own bounded time. A failure is reported by
 * throwing {@link ChannelException}; the centre reports it and goes on.
 */
public interface AlertChannel extends AutoCloseable {

  /** The name rules use for this channel, e.g. {@code in-app} or {@code ops-webhook}. */
  String name();

  /**
   * Delivers one event.
   *
   * @throws ChannelException when it could not be delivered, saying why in words safe to show and
   *     log (no secrets)
   * @throws InterruptedException when the centre closes while it waits
   */
  void send(AlertEvent event) throws ChannelException, InterruptedException;

  /** Releases what the channel holds; the default holds nothing. */
  @Override
  default void close() {}
}
