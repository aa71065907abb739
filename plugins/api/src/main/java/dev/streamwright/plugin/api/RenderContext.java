package dev.streamwright.plugin.api;

/**
 * What a node type sees while it renders its SQL: its properties and schemas, the names of the
 * relations it reads and writes, and the statement kinds it may add. Relations are already quoted
 * identifiers.
 */
public interface RenderContext {

  /** The id of the node being rendered. */
  String nodeId();

  /** The node's properties with defaults applied. */
  NodeProperties properties();

  /** The schema arriving at an input port. */
  Schema input(String port);

  /** The schema this node derived for an output port. */
  Schema output(String port);

  /** The quoted name of the relation feeding an input port. */
  String inputRelation(String port);

  /** The quoted name of the relation this node must create for an output port. */
  String relation(String port);

  /** The quoted name of a table this node owns (a source or sink table), unique in the pipeline. */
  String table(String suffix);

  /**
   * A setting of the environment the pipeline is compiled for, e.g. {@code
   * kafka.bootstrap.servers}, so the same pipeline runs unchanged in the sandbox and on a real
   * cluster. Null when the environment does not set it.
   */
  String environment(String key);

  /** Adds a DDL statement, e.g. {@code CREATE TEMPORARY TABLE ...}. */
  void ddl(String statement);

  /** Adds {@code CREATE TEMPORARY VIEW <relation(port)> AS <query>}. */
  void view(String port, String query);

  /** Adds an {@code INSERT INTO <table> <query>} to the pipeline's one statement set. */
  void insert(String table, String query);

  /** Streams the rows of the query back to the studio as this node's preview. */
  void preview(String query);
}
