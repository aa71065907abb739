package dev.streamwright.app.cli;

import dev.streamwright.runtime.api.ResultRow;
import java.io.PrintWriter;
import java.util.List;

/** Writes preview rows to the command's output as they arrive, in one of the output formats. */
interface RowPrinter {

  /** Prints a batch of rows of one sink and flushes, so a pipe sees them at once. */
  void print(List<ResultRow> rows);

  /** The output formats of {@code run --output}. */
  enum Format {
    TABLE,
    JSONL;

    /** Lower case, as users type it and as help and completion show it. */
    @Override
    public String toString() {
      return name().toLowerCase();
    }

    /** A printer of this format writing to {@code out}. */
    RowPrinter to(PrintWriter out) {
      return this == TABLE ? new TablePrinter(out) : new JsonLinesPrinter(out);
    }
  }
}
