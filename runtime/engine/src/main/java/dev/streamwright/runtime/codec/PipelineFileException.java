package dev.streamwright.runtime.codec;

/**
 * A pipeline file could not be read: missing, not a file, not JSON, or JSON that is not a pipeline.
 * The message says where (file, line, column) and what to do.
 */
public class PipelineFileException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public PipelineFileException(String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  public PipelineFileException(String message) {
    this(message, -1, -1, null);
  }

  /** The 1-based line of the problem, or -1 when it has no position. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or -1 when it has no position. */
  public int column() {
    return column;
  }
}
