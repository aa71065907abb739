package dev.streamwright.runtime.model;

/** Where a node sits on the canvas, in canvas units. */
public record Position(double x, double y) {

  /** The origin, used for nodes created without a position. */
  public static final Position ORIGIN = new Position(0, 0);
}
