package dev.streamwright.runtime.generate;

/** Where a {@link GeneratorRun} delivers events, e.g. a Kafka topic. */
public interface EventSink extends AutoCloseable {

  /** Hands over one event; may be asynchronous. */
  void send(Event event);

  /** Waits until every event sent so far is delivered; throws if a delivery failed. */
  default void flush() {}

  /** Flushes and releases resources. */
  @Override
  default void close() {
    flush();
  }
}
