/**
 * The designer's JavaFX views and their view model: palette, canvas, property sheet, problems and
 * SQL. Views bind to {@link dev.streamwright.designer.ui.DesignerViewModel}, which turns every
 * action into a command on the headless document.
 */
package dev.streamwright.designer.ui;
