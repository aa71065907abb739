package dev.streamwright.app.run;

import dev.streamwright.runtime.api.ResultRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A thread-safe mailbox of row batches: followers add what arrives on their threads, and a reader
 * (the studio's drain, a few times a second) takes everything at once, so a view sees one update
 * per sink per take instead of one per row.
 */
public final class RowMailbox implements PreviewPoller.Rows {

  private final Queue<RowBatch> batches = new ConcurrentLinkedQueue<>();

  @Override
  public void arrived(String sinkId, List<ResultRow> rows) {
    if (!rows.isEmpty()) {
      batches.add(new RowBatch(sinkId, rows));
    }
  }

  /** Everything that arrived since the last take, by sink, each sink's rows in arrival order. */
  public Map<String, List<ResultRow>> takeAll() {
    Map<String, List<ResultRow>> bySink = new LinkedHashMap<>();
    takeInto(bySink);
    return bySink;
  }

  /** Adds everything that arrived since the last take to {@code bySink}. */
  public void takeInto(Map<String, List<ResultRow>> bySink) {
    RowBatch batch;
    while ((batch = batches.poll()) != null) {
      bySink.computeIfAbsent(batch.sinkId(), k -> new ArrayList<>()).addAll(batch.rows());
    }
  }
}
