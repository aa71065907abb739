package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.List;

/**
 * What an editor of the property sheet needs from outside: how to store a value of the shown node
 * and which columns its pickers offer.
 *
 * @param model the view model
 * @param nodeId the node whose properties are shown
 */
record EditorContext(DesignerViewModel model, String nodeId) {

  /** Stores a property value (null clears it) as one undoable edit. */
  void store(PropertySpec spec, Object value) {
    model.setProperty(nodeId, spec, value);
  }

  /** The node's type id; empty when the node is gone. */
  String typeId() {
    return model.pipeline().node(nodeId).map(n -> n.type()).orElse("");
  }

  /** The stored value of another property of the node, or null. */
  Object property(String name) {
    return model.pipeline().node(nodeId).map(n -> n.properties().get(name)).orElse(null);
  }

  /** The column names the node's pickers offer. */
  List<String> columns() {
    return model.outputs().inputColumns(nodeId);
  }
}
