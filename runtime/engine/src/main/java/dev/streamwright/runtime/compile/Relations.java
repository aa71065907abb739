package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.Sql;

/**
 * Names of the SQL relations a node creates: its main output is named after the node id, other
 * ports and owned tables get a {@code __suffix}, so names are stable and readable in the script.
 */
final class Relations {

  private Relations() {}

  /** The quoted relation of a node's output port. */
  static String of(String nodeId, String port) {
    return Sql.identifier(PortSpec.OUT.equals(port) ? nodeId : nodeId + "__" + port);
  }

  /** The quoted name of a table a node owns. */
  static String table(String nodeId, String suffix) {
    return Sql.identifier(suffix == null || suffix.isEmpty() ? nodeId : nodeId + "__" + suffix);
  }
}
