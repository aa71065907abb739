package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The compiler's {@link SchemaContext}: collects a node's problems while it derives. */
final class DeriveContext implements SchemaContext {

  private final String nodeId;
  private final NodeProperties properties;
  private final Map<String, Schema> inputs;
  private final Map<String, String> environment;
  private final List<Problem> problems;

  DeriveContext(
      String nodeId,
      NodeProperties properties,
      Map<String, Schema> inputs,
      Map<String, String> environment,
      List<Problem> problems) {
    this.environment = environment;
    this.nodeId = nodeId;
    this.properties = properties;
    this.inputs = inputs;
    this.problems = problems;
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
  public String environment(String key) {
    return environment.get(key);
  }

  @Override
  public void error(String property, String message) {
    problems.add(Problem.error(nodeId, property, message));
  }

  @Override
  public void warning(String property, String message) {
    problems.add(Problem.warning(nodeId, property, message));
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
}
