package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.SchemaContext;
import java.util.List;

/**
 * A node type whose output columns a pipeline profiles for drift by default (the Model score node:
 * its model's input columns and its scores), unless the pipeline's drift settings remove them.
 */
public interface DriftColumnSource {

  /**
   * The columns of the node's main output to profile by default; empty when there are none.
   *
   * @param context the node's context, as when deriving its schema
   */
  List<String> driftColumns(SchemaContext context);
}
