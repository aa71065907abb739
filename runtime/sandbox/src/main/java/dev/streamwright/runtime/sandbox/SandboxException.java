package dev.streamwright.runtime.sandbox;

/**
 * A sandbox failure the user can act on (data folder not writable, port in use, broker did not
 * start). The message is a readable sentence, never a stack trace; the cause keeps the details.
 */
public class SandboxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SandboxException(String message) {
    super(message);
  }

  public SandboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
