package dev.streamwright.runtime.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one node of a running deployment is doing, summed over its parallel tasks: for a Model score
 * node, the rows its model scored, the invalid rows it skipped or scored with the default value,
 * the rows it could not score, and the last of these problems. The studio turns it into warnings
 * and errors on the node while the job runs, so a model that drops every row is never silent.
 *
 * @param nodeId the node
 * @param scoredRows rows scored (including those scored with the default value)
 * @param skippedRows rows dropped for an invalid feature ({@code onInvalidInput} = skip)
 * @param defaultedRows rows scored with the default value in place of an invalid feature
 * @param errorRows rows that could not be scored
 * @param lastProblem the last problem in words, e.g. {@code INPUT column 'amount' is NaN}; empty
 *     when there was none
 * @param lastProblemAt when it happened; null when there was none
 */
public record NodeHealth(
    String nodeId,
    long scoredRows,
    long skippedRows,
    long defaultedRows,
    long errorRows,
    String lastProblem,
    Instant lastProblemAt) {

  public NodeHealth {
    Objects.requireNonNull(nodeId, "nodeId");
    lastProblem = lastProblem == null ? "" : lastProblem;
  }

  /** Rows with an invalid feature that were skipped or scored with the default value. */
  public long invalidRows() {
    return skippedRows + defaultedRows;
  }

  /** The last problem, if there was one. */
  public Optional<String> lastProblemText() {
    return lastProblem.isBlank() ? Optional.empty() : Optional.of(lastProblem);
  }
}
