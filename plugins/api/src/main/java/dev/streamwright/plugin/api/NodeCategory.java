package dev.streamwright.plugin.api;

/** The palette group a node type belongs to, in the order the palette shows them. */
public enum NodeCategory {
  SOURCE("Sources"),
  TRANSFORM("Transforms"),
  FEATURE("Features"),
  MODEL("Models"),
  QUALITY("Quality"),
  SINK("Sinks");

  private final String label;

  NodeCategory(String label) {
    this.label = label;
  }

  /** The group title shown in the palette. */
  public String label() {
    return label;
  }
}
