package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.runtime.compile.ExpressionTyper;
import dev.streamwright.runtime.compile.Expressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link SchemaContext} for unit tests: fixed properties and inputs, the compiler's own
 * expression typer and checker, and the problems kept for assertions.
 */
final class FakeSchemaContext implements SchemaContext {

  /** One reported problem. */
  record Reported(boolean error, String property, String message) {
    @Override
    public String toString() {
      return (error ? "error" : "warning") + " on " + property + ": " + message;
    }
  }

  private final String nodeId;
  private final NodeProperties properties;
  private final Map<String, Schema> inputs = new TreeMap<>();
  private final Map<String, String> environment = new TreeMap<>();
  private final List<Reported> reported = new ArrayList<>();

  FakeSchemaContext(String nodeId, NodeType type, Map<String, Object> values) {
    this.nodeId = nodeId;
    this.properties = new NodeProperties(values, type.properties());
  }

  FakeSchemaContext input(String port, Schema schema) {
    inputs.put(port, schema);
    return this;
  }

  FakeSchemaContext environment(String key, String value) {
    environment.put(key, value);
    return this;
  }

  @Override
  public String environment(String key) {
    return environment.get(key);
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
  public void error(String property, String message) {
    reported.add(new Reported(true, property, message));
  }

  @Override
  public void warning(String property, String message) {
    reported.add(new Reported(false, property, message));
  }

  @Override
  public String typeOf(String expression, Schema columns) {
    return ExpressionTyper.typeOf(expression, columns);
  }

  @Override
  public boolean checkExpression(String property, String expression) {
    Optional<String> problem = Expressions.problem(expression);
    problem.ifPresent(p -> error(property, "the expression " + p));
    return problem.isEmpty();
  }

  List<Reported> reported() {
    return List.copyOf(reported);
  }
}
