package dev.streamwright.runtime.models;

/** A model file or card that cannot be used, with a message that says which and what to do. */
public final class ModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
