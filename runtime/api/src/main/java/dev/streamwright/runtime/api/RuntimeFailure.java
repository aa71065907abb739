package dev.streamwright.runtime.api;

/**
 * A runtime could not do what was asked (start, submit, stop). The message is written for the user;
 * the cause keeps the full trace for the log.
 */
public class RuntimeFailure extends Exception {

  private static final long serialVersionUID = 1L;

  public RuntimeFailure(String message) {
    super(message);
  }

  public RuntimeFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
