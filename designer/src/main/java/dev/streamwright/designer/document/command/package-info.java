/**
 * The edits a user makes on the canvas and in the property sheet, one {@link
 * dev.streamwright.designer.document.Command} each.
 */
package dev.streamwright.designer.document.command;
