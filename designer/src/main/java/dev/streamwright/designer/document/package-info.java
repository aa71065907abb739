/**
 * The designer's headless core: the edited pipeline as a document with undoable commands, a
 * revision number, dirty tracking and change listeners. Nothing here touches JavaFX, so the canvas
 * logic is unit-tested without a display and the views in {@code ui} stay thin.
 */
package dev.streamwright.designer.document;
