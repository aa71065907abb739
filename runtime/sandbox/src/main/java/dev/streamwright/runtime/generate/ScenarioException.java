package dev.streamwright.runtime.generate;

/** A scenario script that cannot be used; the message names the step and what is wrong. */
public class ScenarioException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
