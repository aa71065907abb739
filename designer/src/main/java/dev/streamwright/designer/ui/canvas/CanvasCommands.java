package dev.streamwright.designer.ui.canvas;

import dev.streamwright.designer.ui.DesignerViewModel;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The canvas's keyboard shortcuts and context menu, both mapped onto the same canvas actions so
 * every action the mouse can do is reachable from the keyboard. Shortcuts the canvas handles are
 * consumed, so an Edit menu with the same accelerators does not run them twice.
 *
 * <ul>
 *   <li>Delete / Backspace: delete the selection; Ctrl+C, Ctrl+X, Ctrl+V: copy, cut, paste; Ctrl+A:
 *       select all; Escape: cancel the gesture, then clear the selection
 *   <li>Ctrl+Z: undo; Ctrl+Shift+Z or Ctrl+Y: redo
 *   <li>Ctrl+0: fit to view; Ctrl+= / Ctrl++ and Ctrl+-: zoom in and out; Ctrl+Shift+L:
 *       auto-layout; arrow keys: move the selected nodes (with Shift: further); Space + drag: pan
 * </ul>
 *
 * <p>The mouse wheel zooms around the pointer without a modifier (the canvas has no scroll bars, so
 * the wheel has nothing better to do); Ctrl+wheel does the same for users used to it.
 */
final class CanvasCommands {

  /** How far an arrow key moves the selection, in canvas units; with Shift, five times as far. */
  static final double NUDGE = 10;

  /** Zoom change per wheel notch (40 pixels of delta on most platforms). */
  private static final double WHEEL_BASE = 1.0025;

  private static final double KEY_ZOOM = 1.25;

  private final Map<KeyCombination, Runnable> shortcuts = new HashMap<>();
  private final CanvasView canvas;
  private final DesignerViewModel model;
  private final PointerGestures pointer;

  CanvasCommands(CanvasView canvas, DesignerViewModel model, PointerGestures pointer) {
    this.canvas = canvas;
    this.model = model;
    this.pointer = pointer;
    bind(new KeyCodeCombination(KeyCode.DELETE), canvas::delete);
    bind(new KeyCodeCombination(KeyCode.BACK_SPACE), canvas::delete);
    bind(shortcut(KeyCode.C), canvas::copy);
    bind(shortcut(KeyCode.X), canvas::cut);
    bind(shortcut(KeyCode.V), canvas::paste);
    bind(shortcut(KeyCode.A), model::selectAll);
    bind(shortcut(KeyCode.Z), model::undo);
    bind(shortcut(KeyCode.Z, KeyCombination.SHIFT_DOWN), model::redo);
    bind(shortcut(KeyCode.Y), model::redo);
    bind(shortcut(KeyCode.DIGIT0), canvas::fitToView);
    bind(shortcut(KeyCode.NUMPAD0), canvas::fitToView);
    bind(shortcut(KeyCode.EQUALS), canvas::zoomIn);
    bind(shortcut(KeyCode.PLUS), canvas::zoomIn);
    bind(shortcut(KeyCode.ADD), canvas::zoomIn);
    bind(shortcut(KeyCode.MINUS), canvas::zoomOut);
    bind(shortcut(KeyCode.SUBTRACT), canvas::zoomOut);
    bind(shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN), canvas::autoLayout);
    canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::pressed);
    canvas.addEventHandler(KeyEvent.KEY_RELEASED, this::released);
    canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    canvas.setOnContextMenuRequested(
        e -> {
          menu().show(canvas, e.getScreenX(), e.getScreenY());
          e.consume();
        });
  }

  private void bind(KeyCombination keys, Runnable action) {
    shortcuts.put(keys, action);
  }

  private static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
    KeyCombination.Modifier[] all = new KeyCombination.Modifier[more.length + 1];
    all[0] = KeyCombination.SHORTCUT_DOWN;
    System.arraycopy(more, 0, all, 1, more.length);
    return new KeyCodeCombination(code, all);
  }

  private void pressed(KeyEvent e) {
    if (e.getCode() == KeyCode.SPACE) {
      pointer.setSpaceDown(true);
      e.consume();
      return;
    }
    if (e.getCode() == KeyCode.ESCAPE) {
      pointer.cancel();
      model.clearSelection();
      e.consume();
      return;
    }
    if (e.getCode().isArrowKey() && !e.isShortcutDown() && !e.isAltDown()) {
      double step = e.isShiftDown() ? 5 * NUDGE : NUDGE;
      double dx = e.getCode() == KeyCode.LEFT ? -step : e.getCode() == KeyCode.RIGHT ? step : 0;
      double dy = e.getCode() == KeyCode.UP ? -step : e.getCode() == KeyCode.DOWN ? step : 0;
      canvas.nudge(dx, dy);
      e.consume();
      return;
    }
    for (Map.Entry<KeyCombination, Runnable> s : shortcuts.entrySet()) {
      if (s.getKey().match(e)) {
        s.getValue().run();
        e.consume();
        return;
      }
    }
  }

  private void released(KeyEvent e) {
    if (e.getCode() == KeyCode.SPACE) {
      pointer.setSpaceDown(false);
      e.consume();
    }
  }

  private void scrolled(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    canvas.zoomAt(Math.pow(WHEEL_BASE, e.getDeltaY()), e.getX(), e.getY());
    e.consume();
  }

  private ContextMenu menu() {
    boolean selected = !model.selection().isEmpty();
    ContextMenu menu =
        new ContextMenu(
            item("Cut", shortcut(KeyCode.X), canvas::cut, !selected),
            item("Copy", shortcut(KeyCode.C), canvas::copy, !selected),
            item("Paste", shortcut(KeyCode.V), canvas::paste, false),
            item("Delete", new KeyCodeCombination(KeyCode.DELETE), canvas::delete, !selected),
            new SeparatorMenuItem(),
            item("Select all", shortcut(KeyCode.A), model::selectAll, false),
            item(
                "Auto-layout",
                shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN),
                canvas::autoLayout,
                false),
            item("Fit to view", shortcut(KeyCode.DIGIT0), canvas::fitToView, false));
    menu.setAutoHide(true);
    return menu;
  }

  private static MenuItem item(
      String text, KeyCombination keys, Runnable action, boolean disabled) {
    MenuItem item = new MenuItem(text);
    item.setAccelerator(keys);
    item.setOnAction(e -> action.run());
    item.setDisable(disabled);
    return item;
  }
}
