package dev.streamwright.app.workspace;

/**
 * A workspace operation failed in a way the user can act on; the message says what happened and
 * what to do, and is fit for a dialog. Unchecked, since workspace calls run on executors.
 */
public class WorkspaceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WorkspaceException(String message) {
    super(message);
  }

  public WorkspaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
