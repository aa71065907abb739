package dev.streamwright.designer.document.diff;

/**
 * A text field that changed between two versions (a pipeline's name, a node's label).
 *
 * @param before the older value
 * @param after the newer value
 */
public record ValueChange(String before, String after) {}
