package dev.streamwright.designer.document;

/**
 * A command cannot apply to the current pipeline; the message says why in the user's words (which
 * node, which port, what to do), ready for a tooltip or the status bar. Like the compiler's problem
 * messages, reasons start in lower case so they read inside a sentence; a view capitalises them
 * when it shows one on its own.
 */
public class CommandRefused extends Exception {

  private static final long serialVersionUID = 1L;

  public CommandRefused(String reason) {
    super(reason);
  }

  public CommandRefused(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** The reason, for the user. */
  public String reason() {
    return getMessage();
  }
}
