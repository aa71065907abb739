package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.NameSuggestions;
import dev.streamwright.runtime.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The properties a node holds that its type does not know, e.g. a key misspelled in a hand-written
 * file: each with its value and buttons to rename it to the closest known property (when that one
 * is not set) or to remove it, one undoable edit each. Hidden when there are none.
 */
final class UnknownPropertiesView extends VBox {

  private final DesignerViewModel model;
  private String nodeId;
  private Map<String, Object> shown = Map.of();

  UnknownPropertiesView(DesignerViewModel model) {
    super(4);
    this.model = model;
    getStyleClass().add(DesignerStyles.PROPERTY_EDITOR);
    setVisible(false);
    setManaged(false);
  }

  /** Shows the node's properties its type does not list. */
  void show(Node node, NodeType type) {
    List<String> known = type.properties().stream().map(PropertySpec::name).toList();
    Map<String, Object> unknown = new java.util.TreeMap<>(node.properties());
    unknown.keySet().removeAll(known);
    if (node.id().equals(nodeId) && unknown.equals(shown)) {
      return;
    }
    nodeId = node.id();
    shown = Map.copyOf(unknown);
    getChildren().clear();
    setVisible(!unknown.isEmpty());
    setManaged(!unknown.isEmpty());
    if (unknown.isEmpty()) {
      return;
    }
    Label title = new Label("Not properties of " + type.displayName());
    title.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
    title.setTooltip(
        new Tooltip(
            "The pipeline holds these, but a "
                + type.displayName()
                + " node has no such properties: rename each to the one it meant, or remove it"));
    getChildren().add(title);
    unknown.forEach(
        (key, value) -> {
          Label what = new Label(key + " = " + PropertyValues.format(value));
          what.setWrapText(true);
          what.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
          HBox actions = new HBox(4);
          Optional<String> closest =
              NameSuggestions.closest(key, known).filter(c -> !node.properties().containsKey(c));
          closest.ifPresent(
              c -> {
                Button rename =
                    new Button("Rename to " + c, DesignerIcons.icon(MaterialDesignR.RENAME_BOX));
                rename.setAccessibleText("Rename " + key + " to " + c);
                rename.setOnAction(e -> model.renameProperty(nodeId, key, c));
                actions.getChildren().add(rename);
              });
          Button remove = new Button("Remove", DesignerIcons.icon(MaterialDesignD.DELETE_OUTLINE));
          remove.setAccessibleText("Remove " + key);
          remove.setOnAction(
              e ->
                  model.setProperty(
                      nodeId, PropertySpec.of(key, PropertyKind.STRING).build(), null));
          actions.getChildren().add(remove);
          getChildren().addAll(what, actions);
        });
  }
}
