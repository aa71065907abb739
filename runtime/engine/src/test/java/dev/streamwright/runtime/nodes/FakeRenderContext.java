package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link RenderContext} for unit tests: the input relation of port {@code p} is named {@code
 * `upstream_p`}, and every statement is kept as the text a script would show.
 */
final class FakeRenderContext implements RenderContext {

  private final String nodeId;
  private final NodeProperties properties;
  private final Map<String, Schema> inputs;
  private final Map<String, Schema> outputs;
  private final Map<String, String> environment;
  final List<String> ddl = new ArrayList<>();
  final List<String> views = new ArrayList<>();
  final List<String> inserts = new ArrayList<>();
  final List<String> previews = new ArrayList<>();

  FakeRenderContext(
      String nodeId,
      NodeType type,
      Map<String, Object> values,
      Map<String, Schema> inputs,
      Map<String, Schema> outputs,
      Map<String, String> environment) {
    this.nodeId = nodeId;
    this.properties = new NodeProperties(values, type.properties());
    this.inputs = new TreeMap<>(inputs);
    this.outputs = new TreeMap<>(outputs);
    this.environment = new TreeMap<>(environment);
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
    return Sql.identifier("upstream_" + port);
  }

  @Override
  public String relation(String port) {
    return Sql.identifier("out".equals(port) ? nodeId : nodeId + "__" + port);
  }

  @Override
  public String table(String suffix) {
    return Sql.identifier(suffix.isEmpty() ? nodeId : nodeId + "__" + suffix);
  }

  @Override
  public String environment(String key) {
    return environment.get(key);
  }

  @Override
  public void ddl(String statement) {
    ddl.add(statement);
  }

  @Override
  public void view(String port, String query) {
    views.add("CREATE TEMPORARY VIEW " + relation(port) + " AS\n" + query);
  }

  @Override
  public void insert(String table, String query) {
    inserts.add("INSERT INTO " + table + "\n" + query);
  }

  @Override
  public void preview(String query) {
    previews.add(query);
  }
}
