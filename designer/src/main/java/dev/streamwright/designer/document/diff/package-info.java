/** What changed between two versions of a pipeline, for the workspace history view. */
package dev.streamwright.designer.document.diff;
