/** The palette of node types, searchable and grouped, from which nodes are dragged or added. */
package dev.streamwright.designer.ui.palette;
