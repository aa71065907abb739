package dev.streamwright.app.run;

import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Pipeline;
import java.util.List;
import java.util.Map;

/** The columns of the rows a sink receives: those of the node feeding it. */
public final class PreviewColumns {

  private PreviewColumns() {}

  /** The sink's columns from the compiled schemas; empty when unknown (filled from a first row). */
  public static List<String> of(Pipeline pipeline, CompiledPipeline compiled, String sinkId) {
    for (Edge e : pipeline.edges()) {
      if (e.to().equals(sinkId)) {
        Map<String, Schema> ports = compiled.schemas().get(e.from());
        Schema schema = ports == null ? null : ports.get(e.fromPort());
        if (schema != null) {
          return schema.names();
        }
      }
    }
    return List.of();
  }
}
