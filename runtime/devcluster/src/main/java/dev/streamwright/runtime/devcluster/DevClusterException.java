package dev.streamwright.runtime.devcluster;

/**
 * The dev cluster could not start, stop or be reached; the message names the process, the cause and
 * what to do, ready to show a user as it is.
 */
public final class DevClusterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with a user-facing message. */
  public DevClusterException(String message) {
    super(message);
  }

  /** A failure with a user-facing message and its technical cause (for the log). */
  public DevClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
