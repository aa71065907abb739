/**
 * The pipeline canvas: node boxes, ports and edges kept in step with the document by node id, the
 * gestures that edit them (select, move, connect, rubber band, pan, zoom) and the minimap.
 */
package dev.streamwright.designer.ui.canvas;
