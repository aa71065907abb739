package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.ui.DesignerIcons;
import dev.streamwright.designer.ui.DesignerStyles;
import javafx.beans.binding.Bindings;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The small floating bar in the canvas corner: zoom out, zoom level, zoom in, fit to view,
 * auto-layout and the minimap switch, each with a tooltip naming its shortcut. The same actions are
 * on the canvas context menu and keys, so the bar is a convenience, not the only way.
 */
final class CanvasToolbar extends HBox {

  private final ToggleButton minimap;

  CanvasToolbar(CanvasView canvas) {
    getStyleClass().add(DesignerStyles.CANVAS_TOOLBAR);
    setManaged(false);
    Label zoom = new Label();
    zoom.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Math.round(canvas.getZoom() * 100) + " %", canvas.zoomProperty()));
    zoom.setTooltip(new Tooltip("Zoom level (mouse wheel zooms around the pointer)"));
    minimap = new ToggleButton(null, DesignerIcons.icon(MaterialDesignM.MAP_OUTLINE));
    minimap.setTooltip(new Tooltip("Show the minimap when the pipeline is larger than the view"));
    minimap.setAccessibleText("Minimap");
    minimap.setFocusTraversable(false);
    getChildren()
        .addAll(
            button(MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out (Ctrl+-)", canvas::zoomOut),
            zoom,
            button(MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Zoom in (Ctrl++)", canvas::zoomIn),
            button(
                MaterialDesignF.FIT_TO_SCREEN_OUTLINE, "Fit to view (Ctrl+0)", canvas::fitToView),
            button(
                MaterialDesignS.SITEMAP_OUTLINE,
                "Auto-layout: arrange nodes left to right (Ctrl+Shift+L)",
                canvas::autoLayout),
            minimap);
    // Clicks on the bar must not start a rubber band or steal focus on the canvas beneath.
    addEventHandler(MouseEvent.ANY, Event::consume);
    addEventHandler(ScrollEvent.ANY, Event::consume);
  }

  ToggleButton minimapToggle() {
    return minimap;
  }

  private static Button button(Ikon ikon, String tip, Runnable action) {
    Button b = new Button(null, DesignerIcons.icon(ikon));
    b.setTooltip(new Tooltip(tip));
    b.setAccessibleText(tip);
    b.setOnAction(e -> action.run());
    b.setFocusTraversable(false);
    return b;
  }
}
