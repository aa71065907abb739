package dev.streamwright.app.run;

import dev.streamwright.runtime.api.ResultRow;
import java.util.List;

/**
 * Rows that arrived together from one sink: a preview sink's result stream or a Kafka sink's topic.
 *
 * @param sinkId the sink node's id
 * @param rows the rows, in arrival order
 */
public record RowBatch(String sinkId, List<ResultRow> rows) {

  public RowBatch {
    rows = List.copyOf(rows);
  }
}
