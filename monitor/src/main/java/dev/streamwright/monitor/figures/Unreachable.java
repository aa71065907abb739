package dev.streamwright.monitor.figures;

/**
 * A system a monitor polls (Flink's REST API, the Kafka brokers) did not answer, or answered with
 * an error; the message says so in words, for a panel's "disconnected" line.
 */
public class Unreachable extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure in words. */
  public Unreachable(String message) {
    super(message);
  }

  /** A failure in words, with its cause for the log. */
  public Unreachable(String message, Throwable cause) {
    super(message, cause);
  }
}
