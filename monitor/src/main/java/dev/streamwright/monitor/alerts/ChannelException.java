package dev.streamwright.monitor.alerts;

/**
 * A channel could not deliver an alert; the message says why and what to check, without secrets
 * (webhook URLs are masked, header values never appear).
 */
public class ChannelException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure with its reason. */
  public ChannelException(String message) {
    super(message);
  }

  /** A failure with its reason and cause. */
  public ChannelException(String message, Throwable cause) {
    super(message, cause);
  }
}
