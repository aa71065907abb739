package dev.streamwright.app.deploy;

import dev.streamwright.runtime.compile.Problem;
import java.util.List;

/**
 * A lifecycle operation did not happen or did not finish: the message says why and what to do, in
 * words a user can act on; {@link #kind()} tells front ends which exit code or dialog fits.
 */
public class DeployException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, for exit codes: 1, 2 and 3 of the CLI. */
  public enum Kind {
    /** The pipeline cannot be read or does not compile; {@link #problems()} lists why. */
    INVALID_PIPELINE,
    /**
     * The request cannot be done as asked and nothing was changed: unknown deployment or
     * environment, the embedded environment, a state loss not allowed, nothing to resume from.
     */
    REFUSED,
    /** The cluster failed or could not be reached; the records say what happened. */
    FAILED
  }

  private final Kind kind;
  private final transient List<Problem> problems;

  public DeployException(Kind kind, String message) {
    this(kind, message, List.of(), null);
  }

  public DeployException(Kind kind, String message, Throwable cause) {
    this(kind, message, List.of(), cause);
  }

  public DeployException(Kind kind, String message, List<Problem> problems, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** The pipeline's problems, for {@link Kind#INVALID_PIPELINE}; else empty. */
  public List<Problem> problems() {
    return problems;
  }
}
