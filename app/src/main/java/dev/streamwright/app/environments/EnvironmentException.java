package dev.streamwright.app.environments;

/**
 * An environment is invalid or cannot be used; the message names the environment, the field and
 * what to do, and is fit for a dialog or a command line.
 */
public class EnvironmentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EnvironmentException(String message) {
    super(message);
  }

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
