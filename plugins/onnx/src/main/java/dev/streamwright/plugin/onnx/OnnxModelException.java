package dev.streamwright.plugin.onnx;

/**
 * A model file that cannot be inspected, with a message that says what to do about it; {@link
 * #problem()} lets a caller react to the kind of failure without reading the message.
 */
public final class OnnxModelException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Problem {
    /** No file at the path. */
    MISSING,
    /** A folder, or a file the process may not read. */
    UNREADABLE,
    /** A file of zero bytes. */
    EMPTY,
    /** Bytes that start like an ONNX model but do not load: cut off, damaged or invalid. */
    TRUNCATED,
    /** Something that is not an ONNX model at all. */
    NOT_ONNX
  }

  private final Problem problem;

  OnnxModelException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  /** What is wrong with the file. */
  public Problem problem() {
    return problem;
  }
}
