package dev.streamwright.runtime.codec;

/**
 * JSON text that cannot be read, with a message in the words of someone editing the file: where
 * (line and column first) and what to change. It never quotes the parser's own wording.
 */
public class JsonSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public JsonSyntaxException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
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
