package dev.streamwright.designer.ui.palette;

import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.designer.ui.NodeTypeTransfer;
import java.util.function.Consumer;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.paint.Color;

/**
 * A palette row: icon and name, the type's description as tooltip; type rows can be dragged onto
 * the canvas or double-clicked to add the type.
 */
final class PaletteCell extends TreeCell<PaletteEntry> {

  PaletteCell(Consumer<String> add) {
    setOnDragDetected(
        e -> {
          PaletteEntry entry = getItem();
          if (entry == null || !entry.isType()) {
            return;
          }
          Dragboard db = startDragAndDrop(TransferMode.COPY);
          db.setContent(NodeTypeTransfer.content(entry.type().id()));
          SnapshotParameters transparent = new SnapshotParameters();
          transparent.setFill(Color.TRANSPARENT);
          db.setDragView(snapshot(transparent, null));
          e.consume();
        });
    setOnMouseClicked(
        e -> {
          PaletteEntry entry = getItem();
          if (entry != null
              && entry.isType()
              && e.getButton() == MouseButton.PRIMARY
              && e.getClickCount() == 2) {
            add.accept(entry.type().id());
            e.consume();
          }
        });
  }

  @Override
  protected void updateItem(PaletteEntry entry, boolean empty) {
    super.updateItem(entry, empty);
    getStyleClass().removeAll(DesignerStyles.PALETTE_TYPE, DesignerStyles.PALETTE_CATEGORY);
    if (empty || entry == null) {
      setText(null);
      setGraphic(null);
      setTooltip(null);
      return;
    }
    setText(entry.text());
    if (entry.isType()) {
      getStyleClass().add(DesignerStyles.PALETTE_TYPE);
      setGraphic(DesignerIcons.icon(DesignerIcons.of(entry.type())));
      setTooltip(
          new Tooltip(
              entry.type().description()
                  + "\nDrag onto the canvas, or double-click or press Enter to add it."));
    } else {
      getStyleClass().add(DesignerStyles.PALETTE_CATEGORY);
      setGraphic(DesignerIcons.icon(DesignerIcons.of(entry.category())));
      setTooltip(null);
    }
  }
}
