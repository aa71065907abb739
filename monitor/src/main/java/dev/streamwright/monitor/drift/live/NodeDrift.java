package dev.streamwright.monitor.drift.live;

import dev.streamwright.monitor.drift.DatasetDrift;
import java.util.List;

/**
 * The live drift of one tapped node's columns: each column, and the dataset drift (share of drifted
 * columns among those with a reference and data) of the last window and of the sliding view.
 *
 * @param nodeId the tapped node's id
 * @param columns its tapped columns, by name
 * @param lastWindow the dataset drift of the columns' last closed windows
 * @param view the dataset drift of the columns' sliding views
 */
public record NodeDrift(
    String nodeId, List<ColumnLiveDrift> columns, DatasetDrift lastWindow, DatasetDrift view) {

  public NodeDrift {
    columns = List.copyOf(columns);
  }
}
