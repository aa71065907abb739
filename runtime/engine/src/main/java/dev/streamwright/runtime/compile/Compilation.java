package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of compiling a pipeline: every problem found, the schema derived for each node output
 * that could be derived, and the compiled SQL when there were no errors.
 *
 * @param pipeline the pipeline that was compiled
 * @param problems errors and warnings, sorted
 * @param schemas derived output schemas by node id and port id
 * @param compiled the SQL, or null when there are errors
 */
public record Compilation(
    Pipeline pipeline,
    List<Problem> problems,
    Map<String, Map<String, Schema>> schemas,
    CompiledPipeline compiled) {

  public Compilation {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(null);
    problems = List.copyOf(sorted);
    schemas = Map.copyOf(schemas);
  }

  /** Whether any problem is an error. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** The compiled pipeline when there were no errors. */
  public Optional<CompiledPipeline> result() {
    return Optional.ofNullable(compiled);
  }

  /** The problems of one node. */
  public List<Problem> problemsOf(String nodeId) {
    return problems.stream().filter(p -> nodeId.equals(p.nodeId())).toList();
  }

  /** The schema of a node's output port, if derived. */
  public Optional<Schema> schema(String nodeId, String port) {
    Map<String, Schema> ports = schemas.get(nodeId);
    return Optional.ofNullable(ports == null ? null : ports.get(port));
  }
}
