package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import java.util.List;
import java.util.Map;

/** The compiler's {@link RenderContext}: appends a node's statements in order. */
final class SqlRenderContext implements RenderContext {

  private final String nodeId;
  private final NodeProperties properties;
  private final Map<String, Schema> inputs;
  private final Map<String, String> inputRelations;
  private final Map<String, Schema> outputs;
  private final Map<String, String> environment;
  private final List<SqlStatement> statements;
  private final List<SqlStatement> inserts;
  private final List<SqlStatement> previews;

  SqlRenderContext(
      String nodeId,
      NodeProperties properties,
      Map<String, Schema> inputs,
      Map<String, String> inputRelations,
      Map<String, Schema> outputs,
      Map<String, String> environment,
      List<SqlStatement> statements,
      List<SqlStatement> inserts,
      List<SqlStatement> previews) {
    this.nodeId = nodeId;
    this.properties = properties;
    this.inputs = inputs;
    this.inputRelations = inputRelations;
    this.outputs = outputs;
    this.environment = environment;
    this.statements = statements;
    this.inserts = inserts;
    this.previews = previews;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public NodeProperties properties() {
    return properties;
  }

  @Override
  public Schema input(String port) {
    return inputs.get(port);
  }

  @Override
  public Schema output(String port) {
    return outputs.get(port);
  }

  @Override
  public String inputRelation(String port) {
    String relation = inputRelations.get(port);
    if (relation == null) {
      throw new IllegalArgumentException("node '" + nodeId + "' has no input port '" + port + "'");
    }
    return relation;
  }

  @Override
  public String relation(String port) {
    return Relations.of(nodeId, port);
  }

  @Override
  public String table(String suffix) {
    return Relations.table(nodeId, suffix);
  }

  @Override
  public String environment(String key) {
    return environment.get(key);
  }

  @Override
  public void ddl(String statement) {
    statements.add(new SqlStatement(nodeId, SqlStatement.Kind.DDL, statement));
  }

  @Override
  public void view(String port, String query) {
    statements.add(
        new SqlStatement(
            nodeId,
            SqlStatement.Kind.VIEW,
            "CREATE TEMPORARY VIEW " + relation(port) + " AS\n" + query));
  }

  @Override
  public void insert(String table, String query) {
    inserts.add(
        new SqlStatement(nodeId, SqlStatement.Kind.INSERT, "INSERT INTO " + table + "\n" + query));
  }

  @Override
  public void preview(String query) {
    previews.add(new SqlStatement(nodeId, SqlStatement.Kind.PREVIEW, query));
  }
}
