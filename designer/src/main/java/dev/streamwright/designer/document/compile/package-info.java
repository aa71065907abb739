/**
 * Background compilation of the document and what the canvas shows from it: node badges, column
 * counts and the schema along each edge.
 */
package dev.streamwright.designer.document.compile;
