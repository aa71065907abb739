/** Automatic arrangement of pipeline nodes on the canvas. */
package dev.streamwright.designer.document.layout;
