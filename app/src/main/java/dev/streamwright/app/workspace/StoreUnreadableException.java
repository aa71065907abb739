package dev.streamwright.app.workspace;

/** The store folder exists but Eclipse Store cannot start on it; the message says why. */
final class StoreUnreadableException extends Exception {

  private static final long serialVersionUID = 1L;

  StoreUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
