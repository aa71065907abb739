package dev.streamwright.app.ui.run;

import dev.streamwright.app.run.PreviewColumns;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.nodes.PreviewSink;
import java.util.Optional;

/** Makes the empty table of a preview sink from the pipeline and its compiled schemas. */
final class PreviewTables {

  /** The preview sink's own default (see {@link PreviewSink}), for sinks that leave it unset. */
  private static final int DEFAULT_MAX_ROWS = 1000;

  private PreviewTables() {}

  /** A table titled with the sink's name, its columns those of the node feeding it. */
  static PreviewTable of(Pipeline pipeline, CompiledPipeline compiled, String sinkId) {
    Optional<Node> node = pipeline.node(sinkId);
    String title = node.map(Node::name).orElse(sinkId);
    int maxRows = node.map(PreviewTables::maxRows).orElse(DEFAULT_MAX_ROWS);
    return new PreviewTable(sinkId, title, maxRows, PreviewColumns.of(pipeline, compiled, sinkId));
  }

  private static int maxRows(Node node) {
    Object value = node.properties().get(PreviewSink.MAX_ROWS);
    if (value instanceof Number n && n.longValue() > 0) {
      return (int) Math.min(Integer.MAX_VALUE, n.longValue());
    }
    return DEFAULT_MAX_ROWS;
  }
}
