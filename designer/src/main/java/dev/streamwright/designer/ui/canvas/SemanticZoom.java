package dev.streamwright.designer.ui.canvas;

/**
 * What a node box shows at a zoom, and how much its title and figures are enlarged so they stay
 * legible when a whole pipeline is fitted into the window. Below {@link #COMPACT_ZOOM} the box
 * drops its small print and draws its name across its full width, enlarged so it is at least {@link
 * #MIN_TITLE_PX} high on screen; the live figures are kept at least {@link #MIN_FIGURE_PX} high at
 * every zoom that draws text. Enlargements go in steps of {@link #STEP}, so zooming re-fits the
 * names only when a step is crossed, not on every wheel notch.
 */
final class SemanticZoom {

  /** The smallest on-screen size, in pixels, of a node's name wherever names are drawn. */
  static final double MIN_TITLE_PX = 10;

  /** The smallest on-screen size, in pixels, of a node's live figures and badges. */
  static final double MIN_FIGURE_PX = 9;

  /** The name's font size in canvas units ({@code .node-name} in designer.css). */
  static final double TITLE_FONT = 13;

  /** The figures' and badges' font size in canvas units ({@code .node-badge}, overlays). */
  static final double FIGURE_FONT = 11;

  /** Zoom below which a box is drawn compact: its 13-unit name would be under 10.4 pixels. */
  static final double COMPACT_ZOOM = 0.8;

  /**
   * Zoom below which boxes are drawn bare: an enlarged name would no longer fit a box, and skipping
   * text and ports keeps an overview of 500 nodes within a frame's budget in software rendering.
   */
  static final double OVERVIEW_ZOOM = 0.3;

  /** The step of enlargements. */
  static final double STEP = 0.125;

  private SemanticZoom() {}

  static NodeView.Detail detail(double zoom) {
    return zoom >= COMPACT_ZOOM
        ? NodeView.Detail.FULL
        : zoom >= OVERVIEW_ZOOM ? NodeView.Detail.COMPACT : NodeView.Detail.BOXES;
  }

  /** How much a compact box enlarges its name at this zoom (1 or more). */
  static double titleScale(double zoom) {
    return enlargement(MIN_TITLE_PX / (TITLE_FONT * zoom));
  }

  /** How much the live figures and badges are enlarged at this zoom (1 or more). */
  static double figureScale(double zoom) {
    return enlargement(MIN_FIGURE_PX / (FIGURE_FONT * zoom));
  }

  private static double enlargement(double needed) {
    if (!(needed > 1)) {
      return 1;
    }
    return Math.ceil(needed / STEP - 1e-9) * STEP;
  }
}
