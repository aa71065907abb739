package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.document.Selection;
import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.model.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The properties of the single selected node: its name (renames it), its type, then one typed
 * editor per property of the node type; above them, any properties the node holds that its type
 * does not know, to rename or remove. Editors store on Enter or when focus leaves, one undoable
 * edit each; text that cannot become a value is flagged on the field and not stored; last, the
 * node's Drift section. While nothing is selected it shows the pipeline's drift settings. The sheet
 * is rebuilt only when another node is selected; edits, undo and compiles refresh it in place.
 */
public final class PropertySheetView extends StackPane {

  private final DesignerViewModel model;
  private final VBox content = new VBox();
  private final ScrollPane scroll = new ScrollPane(content);
  private final Label placeholder = new Label();
  private final TextField name = new TextField();
  private final Label nodeProblems = new Label();
  private final Map<String, PropertyEditor> editors = new LinkedHashMap<>();
  private final UnknownPropertiesView unknown;
  private final NodeDriftSection drift;
  private final PipelineDriftView pipelineDrift;
  private final VBox empty;
  private String nodeId;
  private String typeId;

  /** A sheet showing the view model's selected node. */
  public PropertySheetView(DesignerViewModel model) {
    this.model = model;
    this.unknown = new UnknownPropertiesView(model);
    this.drift = new NodeDriftSection(model);
    this.pipelineDrift = new PipelineDriftView(model);
    this.empty = new VBox(12, placeholder, pipelineDrift);
    empty.getStyleClass().add(DesignerStyles.PROPERTY_CONTENT);
    getStyleClass().add(DesignerStyles.PROPERTY_SHEET);
    getStylesheets().add(DesignerStyles.STYLESHEET);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    content.getStyleClass().add(DesignerStyles.PROPERTY_CONTENT);
    placeholder.getStyleClass().add(DesignerStyles.PLACEHOLDER);
    placeholder.setWrapText(true);
    name.setAccessibleText("Node name");
    name.setTooltip(new Tooltip("The name shown on the canvas; empty shows the node's id"));
    name.setOnAction(e -> rename());
    name.focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                rename();
              }
            });
    name.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            model.pipeline().node(nodeId).ifPresent(n -> name.setText(n.name()));
          }
        });
    nodeProblems.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
    nodeProblems.setWrapText(true);
    getChildren().addAll(scroll, empty);
    // Tabbing to a field below the fold scrolls it into view.
    sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (old != null) {
                old.focusOwnerProperty().removeListener(focusFollower);
              }
              if (now != null) {
                now.focusOwnerProperty().addListener(focusFollower);
              }
            });
    model.selectedNodeProperty().addListener((obs, old, now) -> show(now));
    model.outputs().compiledProperty().addListener((obs, old, now) -> refreshCompiled());
    model.outputs().runProblems().addListener((InvalidationListener) o -> refreshCompiled());
    model.selectionProperty().addListener((obs, old, now) -> updatePlaceholder(now));
    show(model.selectedNodeProperty().get());
    updatePlaceholder(model.selection());
  }

  private final ChangeListener<javafx.scene.Node> focusFollower = (obs, old, now) -> reveal(now);

  /** The id of the node shown, or null. */
  public String shownNodeId() {
    return nodeId;
  }

  private void show(Node node) {
    if (node == null) {
      nodeId = null;
      typeId = null;
      editors.clear();
      content.getChildren().clear();
      scroll.setVisible(false);
      updatePlaceholder(model.selection());
      return;
    }
    if (!node.id().equals(nodeId) || !node.type().equals(typeId)) {
      build(node);
    }
    if (!name.isFocused()) {
      name.setText(node.name());
    }
    editors.forEach((key, editor) -> editor.show(node.properties().get(key)));
    model.nodeType(node.type()).ifPresent(t -> unknown.show(node, t));
    scroll.setVisible(true);
    empty.setVisible(false);
  }

  private void build(Node node) {
    nodeId = node.id();
    typeId = node.type();
    editors.clear();
    Optional<NodeType> type = model.nodeType(node.type());
    Label typeLabel =
        new Label(
            type.map(NodeType::displayName).orElse("Unknown type '" + node.type() + "'")
                + "  ·  "
                + node.id(),
            DesignerIcons.icon(type.map(DesignerIcons::of).orElse(DesignerIcons.UNKNOWN_TYPE)));
    type.ifPresent(t -> typeLabel.setTooltip(new Tooltip(t.description())));
    Label nameLabel = new Label("Name");
    nameLabel.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
    nameLabel.setLabelFor(name);
    VBox title = new VBox(4, typeLabel, nameLabel, name, nodeProblems);
    title.getStyleClass().add(DesignerStyles.PROPERTY_TITLE);
    content.getChildren().setAll(title);
    if (type.isPresent()) {
      // First, so a misspelled key in a hand-written file is seen and fixed before anything else.
      content.getChildren().add(unknown);
    }
    EditorContext context = new EditorContext(model, node.id());
    for (PropertySpec spec : type.map(NodeType::properties).orElse(List.of())) {
      PropertyEditor editor = PropertyEditors.create(spec, context);
      editors.put(spec.name(), editor);
      content.getChildren().add(editor.view());
    }
    if (type.isPresent() && !type.get().outputs().isEmpty()) {
      content.getChildren().add(drift);
      drift.show(node.id());
    }
    if (type.isEmpty()) {
      Label missing =
          new Label("Install the plugin that provides this node type to edit its properties.");
      missing.setWrapText(true);
      content.getChildren().add(new HBox(missing));
    }
    refreshCompiled();
  }

  private void refreshCompiled() {
    if (nodeId == null) {
      return;
    }
    List<String> columns = model.outputs().inputColumns(nodeId);
    editors.forEach(
        (key, editor) -> {
          editor.showColumns(columns);
          editor.showProblems(model.outputs().problemsOf(nodeId, key));
        });
    String text =
        String.join(
            "\n",
            model.outputs().problemsOf(nodeId, null).stream()
                .map(p -> (p.isError() ? "" : "Warning: ") + p.message())
                .toList());
    nodeProblems.setText(text);
    nodeProblems.setVisible(!text.isEmpty());
    nodeProblems.setManaged(!text.isEmpty());
  }

  /** Scrolls so the focused control is in view, if it is in the sheet. */
  private void reveal(javafx.scene.Node focused) {
    if (focused == null || !scroll.isVisible()) {
      return;
    }
    javafx.scene.Node n = focused;
    while (n != null && n != content) {
      n = n.getParent();
    }
    double contentHeight = content.getBoundsInLocal().getHeight();
    double viewport = scroll.getViewportBounds().getHeight();
    if (n == null || contentHeight <= viewport) {
      return;
    }
    Bounds b = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
    double top = scroll.getVvalue() * (contentHeight - viewport);
    if (b.getMinY() < top) {
      scroll.setVvalue(b.getMinY() / (contentHeight - viewport));
    } else if (b.getMaxY() > top + viewport) {
      scroll.setVvalue(Math.min(1, (b.getMaxY() - viewport) / (contentHeight - viewport)));
    }
  }

  private void rename() {
    if (nodeId == null) {
      return;
    }
    Optional<Node> node = model.pipeline().node(nodeId);
    String typed = name.getText() == null ? "" : name.getText().strip();
    if (node.isPresent() && !typed.equals(node.get().name())) {
      model.renameNode(nodeId, typed);
    }
  }

  private void updatePlaceholder(Selection selection) {
    if (nodeId != null) {
      return;
    }
    int n = selection.nodes().size();
    placeholder.setText(
        n == 0
            ? "Select a node on the canvas to edit its properties."
            : n + " nodes are selected; select one to edit its properties.");
    pipelineDrift.setVisible(n == 0);
    pipelineDrift.setManaged(n == 0);
    empty.setVisible(true);
  }
}
