package dev.streamwright.designer.ui.palette;

import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The node types the user can add, grouped by {@link NodeCategory} in the order of the pipeline's
 * flow, with a search field. A type is added by dragging it onto the canvas, or by double-click or
 * Enter, which puts it in the middle of what the canvas shows.
 */
public final class PaletteView extends VBox {

  private final DesignerViewModel model;
  private final TextField search = new TextField();
  private final TreeView<PaletteEntry> tree = new TreeView<>(new TreeItem<>());

  /** A palette of the view model's node types. */
  public PaletteView(DesignerViewModel model) {
    this.model = model;
    getStyleClass().add(DesignerStyles.PALETTE);
    getStylesheets().add(DesignerStyles.STYLESHEET);
    search.getStyleClass().add(DesignerStyles.PALETTE_SEARCH);
    search.setPromptText("Search node types");
    search.setTooltip(
        new Tooltip(
            "Type to filter the node types; Enter adds the first match, Down goes to the list"));
    search.textProperty().addListener((obs, old, now) -> fill(now));
    search.addEventHandler(KeyEvent.KEY_PRESSED, this::searchKey);
    tree.getStyleClass().add(DesignerStyles.PALETTE_TREE);
    tree.setShowRoot(false);
    tree.setCellFactory(t -> new PaletteCell(this::add));
    tree.addEventHandler(KeyEvent.KEY_PRESSED, this::treeKey);
    tree.setAccessibleText("Node types");
    VBox.setVgrow(tree, Priority.ALWAYS);
    getChildren().addAll(search, tree);
    fill("");
  }

  /** The search field, so the main window can focus it (e.g. on Ctrl+F). */
  public TextField searchField() {
    return search;
  }

  /** The node type whose row is selected. */
  public Optional<NodeType> selectedType() {
    TreeItem<PaletteEntry> item = tree.getSelectionModel().getSelectedItem();
    return item == null || !item.getValue().isType()
        ? Optional.empty()
        : Optional.of(item.getValue().type());
  }

  private void add(String typeId) {
    model.addNodeAtInsertionPoint(typeId);
  }

  private void fill(String filter) {
    String text = filter == null ? "" : filter.trim();
    Map<NodeCategory, List<NodeType>> groups = new EnumMap<>(NodeCategory.class);
    for (NodeType type : model.registry().all()) {
      if (text.isEmpty() || PaletteEntry.of(type).matches(text)) {
        groups.computeIfAbsent(type.category(), k -> new ArrayList<>()).add(type);
      }
    }
    List<TreeItem<PaletteEntry>> headings = new ArrayList<>();
    TreeItem<PaletteEntry> first = null;
    for (Map.Entry<NodeCategory, List<NodeType>> group : groups.entrySet()) {
      TreeItem<PaletteEntry> heading = new TreeItem<>(PaletteEntry.heading(group.getKey()));
      heading.setExpanded(true);
      group
          .getValue()
          .sort(
              Comparator.comparingInt((NodeType t) -> PaletteEntry.of(t).rank(text))
                  .thenComparing(NodeType::displayName));
      for (NodeType type : group.getValue()) {
        TreeItem<PaletteEntry> item = new TreeItem<>(PaletteEntry.of(type));
        heading.getChildren().add(item);
        first = first == null ? item : first;
      }
      headings.add(heading);
    }
    tree.getRoot().getChildren().setAll(headings);
    if (!text.isEmpty() && first != null) {
      tree.getSelectionModel().select(first);
    }
  }

  private void searchKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER) {
      selectedType().or(this::firstType).ifPresent(t -> add(t.id()));
      e.consume();
    } else if (e.getCode() == KeyCode.DOWN) {
      tree.requestFocus();
      if (tree.getSelectionModel().isEmpty()) {
        tree.getSelectionModel().select(1);
      }
      e.consume();
    }
  }

  private void treeKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER) {
      selectedType().ifPresent(t -> add(t.id()));
      e.consume();
    }
  }

  private Optional<NodeType> firstType() {
    for (TreeItem<PaletteEntry> heading : tree.getRoot().getChildren()) {
      if (!heading.getChildren().isEmpty()) {
        return Optional.of(heading.getChildren().get(0).getValue().type());
      }
    }
    return Optional.empty();
  }
}
