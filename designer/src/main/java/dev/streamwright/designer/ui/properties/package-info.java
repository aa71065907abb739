/**
 * The property sheet: typed editors for the selected node's properties, each committing one
 * undoable edit when the user finishes typing, and refusing text it cannot turn into a value.
 */
package dev.streamwright.designer.ui.properties;
