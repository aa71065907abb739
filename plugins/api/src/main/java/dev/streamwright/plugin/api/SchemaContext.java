package dev.streamwright.plugin.api;

/**
 * What a node type sees while it derives its output schema: its properties, the schemas arriving at
 * its input ports, and a place to report problems against a property.
 */
public interface SchemaContext {

  /** The id of the node being derived. */
  String nodeId();

  /** The node's properties with defaults applied. */
  NodeProperties properties();

  /** The schema arriving at an input port, or null when nothing is connected to it. */
  Schema input(String port);

  /**
   * A setting of the environment the pipeline is compiled for (see {@link
   * RenderContext#environment(String)}), for node types whose schema depends on it, e.g. a model
   * path relative to {@code models.dir}. Null when the environment does not set it.
   */
  default String environment(String key) {
    return null;
  }

  /** Reports an error on a property (null for the node as a whole); the pipeline cannot run. */
  void error(String property, String message);

  /** Reports a warning on a property (null for the node as a whole); the pipeline still runs. */
  void warning(String property, String message);

  /**
   * The type of an SQL expression over the given columns, or {@link SqlTypes#UNKNOWN} when only the
   * planner can tell.
   */
  String typeOf(String expression, Schema columns);

  /**
   * Checks that an expression property is a single SQL expression (balanced brackets and quotes, no
   * statement separator, no comment) and reports an error on the property otherwise.
   *
   * @return whether the expression may be rendered
   */
  boolean checkExpression(String property, String expression);
}
