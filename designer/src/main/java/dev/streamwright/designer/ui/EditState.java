package dev.streamwright.designer.ui;

import dev.streamwright.designer.document.PipelineDocument;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the Edit menu, the title bar and the status bar show about the document: whether undo and
 * redo are possible and what they would do ({@code Undo Add Filter 'filter_1'}), whether there are
 * unsaved edits, the revision, and why the last action was refused.
 */
public final class EditState {

  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyStringWrapper undoText =
      new ReadOnlyStringWrapper(this, "undoText", "Undo");
  private final ReadOnlyStringWrapper redoText =
      new ReadOnlyStringWrapper(this, "redoText", "Redo");
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

  EditState() {}

  /** Whether there is an edit to undo. */
  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  /** Whether there is an undone edit to redo. */
  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /**
   * The Undo menu item's text, e.g. {@code Undo Add Filter 'filter_1'}; just {@code Undo} if none.
   */
  public ReadOnlyStringProperty undoTextProperty() {
    return undoText.getReadOnlyProperty();
  }

  /** The Redo menu item's text. */
  public ReadOnlyStringProperty redoTextProperty() {
    return redoText.getReadOnlyProperty();
  }

  /** Whether the pipeline differs from its saved state. */
  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  /** The document revision; it changes with every edit, undo, redo and load. */
  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /**
   * Why the last action did nothing, in the user's words (a refused connection, an empty
   * clipboard); empty after an action that worked. For the status bar.
   */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  void update(PipelineDocument document, long newRevision) {
    canUndo.set(document.canUndo());
    canRedo.set(document.canRedo());
    undoText.set(document.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
    redoText.set(document.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
    dirty.set(document.isDirty());
    revision.set(newRevision < 0 ? document.revision() : newRevision);
  }

  void tell(String text) {
    message.set(text == null ? "" : text);
  }
}
