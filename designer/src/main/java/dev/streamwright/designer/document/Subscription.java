package dev.streamwright.designer.document;

/**
 * A registered listener; closing it removes the listener, so views that come and go (a second
 * window, a closed tab) do not leak. Closing twice is harmless.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Removes the listener. */
  @Override
  void close();
}
