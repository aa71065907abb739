package dev.streamwright.plugin.api;

import java.util.List;

/**
 * A plugin's entry point for node types, found with {@link java.util.ServiceLoader} under {@code
 * META-INF/services/dev.streamwright.plugin.api.NodeTypeProvider}.
 */
public interface NodeTypeProvider {

  /** The version of this API the running studio implements. */
  int API_VERSION = 1;

  /** A stable id for the plugin, shown in errors and the plugin list. */
  String id();

  /** The API version the plugin was built against; a newer one than the studio's is refused. */
  default int apiVersion() {
    return API_VERSION;
  }

  /** The node types the plugin contributes. */
  List<NodeType> nodeTypes();
}
