package dev.streamwright.app.deploy;

/**
 * Where a lifecycle operation reports its steps while it runs (e.g. {@code Taking a savepoint of
 * job 3f2a...}), for a progress line in the studio or stderr in the CLI. Called on the operation's
 * thread; implementations hand over to their UI thread themselves.
 */
@FunctionalInterface
public interface Progress {

  /** Reports nothing. */
  Progress NONE = step -> {};

  /** The operation reached a step, in words. */
  void step(String message);
}
