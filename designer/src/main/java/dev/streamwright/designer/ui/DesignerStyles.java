package dev.streamwright.designer.ui;

import javafx.css.PseudoClass;

/**
 * The style classes and pseudo-classes of the designer's views, named once so code and {@code
 * designer.css} agree. Colours in the stylesheet are AtlantaFX looked-up colours, so the light and
 * dark themes both apply without any inline style.
 */
public final class DesignerStyles {

  /** The designer's stylesheet; every view adds it to itself. */
  public static final String STYLESHEET =
      DesignerStyles.class.getResource("designer.css").toExternalForm();

  /** Any icon of the designer. */
  public static final String ICON = "sw-icon";

  /** The palette: search field and the grouped node types. */
  public static final String PALETTE = "palette-view";

  /** The palette's search field. */
  public static final String PALETTE_SEARCH = "palette-search";

  /** The palette's tree. */
  public static final String PALETTE_TREE = "palette-tree";

  /** A node type cell in the palette. */
  public static final String PALETTE_TYPE = "palette-type";

  /** A group heading cell in the palette. */
  public static final String PALETTE_CATEGORY = "palette-category";

  /** The canvas. */
  public static final String CANVAS = "designer-canvas";

  /** A node box on the canvas. */
  public static final String NODE = "node-view";

  /** The icon in a node box. */
  public static final String NODE_ICON = "node-icon";

  /** The name in a node box. */
  public static final String NODE_NAME = "node-name";

  /** The smaller detail lines of a node box (type, columns, port names). */
  public static final String NODE_DETAIL = "node-detail";

  /** The error and warning count of a node box. */
  public static final String NODE_BADGE = "node-badge";

  /** The strip along a node box's bottom edge coloured by its live backpressure. */
  public static final String OVERLAY_STRIP = "overlay-strip";

  /** The row of live figures on a node box. */
  public static final String OVERLAY_ROW = "overlay-row";

  /** The records per second on a node box. */
  public static final String OVERLAY_RATE = "overlay-rate";

  /** The clickable live badge of a node box (lag on sources, latency on sinks). */
  public static final String OVERLAY_BADGE = "overlay-badge";

  /** The rounded background of a live badge. */
  public static final String OVERLAY_BADGE_FILL = "overlay-badge-fill";

  /** The text of a live badge. */
  public static final String OVERLAY_BADGE_TEXT = "overlay-badge-text";

  /** A port circle. */
  public static final String PORT = "port";

  /** An input port. */
  public static final String INPUT_PORT = "input-port";

  /** An output port. */
  public static final String OUTPUT_PORT = "output-port";

  /** An edge between two ports. */
  public static final String EDGE = "edge";

  /** The visible curve of an edge. */
  public static final String EDGE_LINE = "edge-line";

  /** The wide invisible curve that makes an edge easy to hover and click. */
  public static final String EDGE_HIT = "edge-hit";

  /** The curve following the mouse while the user connects ports. */
  public static final String WIRE = "wire";

  /** The rectangle of a rubber-band selection. */
  public static final String RUBBER_BAND = "rubber-band";

  /** The minimap overlay. */
  public static final String MINIMAP = "minimap";

  /** The nodes drawn in the minimap. */
  public static final String MINIMAP_NODES = "minimap-nodes";

  /** The visible part of the canvas, drawn in the minimap. */
  public static final String MINIMAP_VIEWPORT = "minimap-viewport";

  /** The floating zoom and layout buttons on the canvas. */
  public static final String CANVAS_TOOLBAR = "canvas-toolbar";

  /** The tooltip saying why two ports cannot be connected. */
  public static final String CONNECT_REFUSAL = "connect-refusal";

  /** The property sheet. */
  public static final String PROPERTY_SHEET = "property-sheet";

  /** The title block of the property sheet (node name and type). */
  public static final String PROPERTY_TITLE = "property-title";

  /** A property's label in the sheet. */
  public static final String PROPERTY_LABEL = "property-label";

  /** The message under a field whose text cannot be committed. */
  public static final String FIELD_ERROR = "field-error";

  /** The compiler's problems with a property, under its editor. */
  public static final String FIELD_PROBLEM = "field-problem";

  /** A box of the property sheet holding one property's label, control and messages. */
  public static final String PROPERTY_EDITOR = "property-editor";

  /** The scrolled content of the property sheet. */
  public static final String PROPERTY_CONTENT = "property-content";

  /** The text area of an SQL query property. */
  public static final String SQL_EDITOR = "sql-editor";

  /** A drop-down offering the columns flowing into the node. */
  public static final String COLUMN_PICKER = "column-picker";

  /** The row editor of list and map properties. */
  public static final String TABLE_EDITOR = "table-editor";

  /** What a pane shows when it has nothing to show. */
  public static final String PLACEHOLDER = "designer-placeholder";

  /** The problems table. */
  public static final String PROBLEMS = "problems-view";

  /** The icon of an error. */
  public static final String SEVERITY_ERROR = "severity-error";

  /** The icon of a warning. */
  public static final String SEVERITY_WARNING = "severity-warning";

  /** The SQL view. */
  public static final String SQL = "sql-view";

  /** The monospace text of the SQL view. */
  public static final String SQL_TEXT = "sql-text";

  /** A selected node or edge. */
  public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

  /** A node with errors, or a field whose text is invalid. */
  public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  /** A node with warnings only. */
  public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

  /** A node whose type is not installed. */
  public static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");

  /** An input port that would accept the edge being drawn. */
  public static final PseudoClass ACCEPTING = PseudoClass.getPseudoClass("accepting");

  /** An input port (and the wire) that refuses the edge being drawn. */
  public static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

  /** A live figure that is fine (green). */
  public static final PseudoClass LEVEL_OK = PseudoClass.getPseudoClass("ok");

  /** A live figure worth a look (amber). */
  public static final PseudoClass LEVEL_LOW = PseudoClass.getPseudoClass("low");

  /** A live figure that is bad (red). */
  public static final PseudoClass LEVEL_HIGH = PseudoClass.getPseudoClass("high");

  /** Live figures shared by the nodes chained into one Flink task. */
  public static final PseudoClass SHARED = PseudoClass.getPseudoClass("shared");

  private DesignerStyles() {}
}
