package dev.streamwright.designer.ui;

import dev.streamwright.designer.document.compile.CompiledRevision;
import dev.streamwright.designer.document.compile.NodeSummary;
import dev.streamwright.plugin.api.Column;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the latest compile says about the pipeline, as properties for the problems table, the SQL
 * view and the canvas badges, and as queries for the property sheet (the columns a picker offers,
 * the problems of one property). Each compile result updates them once, whatever the pipeline's
 * size.
 *
 * <p>Problems only a run finds (Flink's planner refusing a node's SQL, the job failing) join the
 * compile's in the same places, so they show on the node responsible; they hold until the pipeline
 * changes, since the next edit may well have fixed them.
 */
public final class DesignerOutputs {

  private final ReadOnlyObjectWrapper<CompiledRevision> compiled =
      new ReadOnlyObjectWrapper<>(this, "compiled");
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  private final ObservableList<Problem> runProblems = FXCollections.observableArrayList();
  private final ObservableList<Problem> runProblemsView =
      FXCollections.unmodifiableObservableList(runProblems);
  private List<Problem> compileProblems = List.of();
  private final ObservableList<Problem> problemsView =
      FXCollections.unmodifiableObservableList(problems);
  private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper(this, "sql", "");
  private final ReadOnlyStringWrapper sqlPlaceholder =
      new ReadOnlyStringWrapper(this, "sqlPlaceholder", "Compiling…");
  private final ReadOnlyBooleanWrapper compiling =
      new ReadOnlyBooleanWrapper(this, "compiling", true);
  private long latestRevision = Long.MIN_VALUE;

  private final NodeTypeRegistry registry;
  private final Supplier<Pipeline> pipeline;

  DesignerOutputs(NodeTypeRegistry registry, Supplier<Pipeline> pipeline) {
    this.registry = registry;
    this.pipeline = pipeline;
  }

  /** The latest compilation, or null before the first one finished. */
  public Compilation lastCompilation() {
    CompiledRevision latest = compiled.get();
    return latest == null ? null : latest.compilation();
  }

  /**
   * The names of the columns a node's column pickers offer, from the last compile: the columns
   * flowing into it, or for a source its own columns. Empty until they are known.
   */
  public List<String> inputColumns(String nodeId) {
    Compilation c = lastCompilation();
    Pipeline p = pipeline.get();
    Optional<Node> node = p.node(nodeId);
    if (c == null || node.isEmpty()) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    boolean source = registry.find(node.get().type()).map(t -> t.inputs().isEmpty()).orElse(false);
    if (source) {
      c.schemas().getOrDefault(nodeId, Map.of()).values().forEach(s -> names.addAll(s.names()));
    } else {
      for (Edge e : p.edges()) {
        if (e.to().equals(nodeId)) {
          c.schema(e.from(), e.fromPort()).ifPresent(s -> names.addAll(s.names()));
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * The columns (with their types) flowing into a node's input ports, from the last compile; empty
   * until they are known. A Model score node's mapping editor offers numeric ones first.
   */
  public List<Column> inputSchemaColumns(String nodeId) {
    Compilation c = lastCompilation();
    Pipeline p = pipeline.get();
    if (c == null || p.node(nodeId).isEmpty()) {
      return List.of();
    }
    Map<String, Column> columns = new LinkedHashMap<>();
    for (Edge e : p.edges()) {
      if (e.to().equals(nodeId)) {
        c.schema(e.from(), e.fromPort())
            .ifPresent(s -> s.columns().forEach(col -> columns.putIfAbsent(col.name(), col)));
      }
    }
    return List.copyOf(columns.values());
  }

  /**
   * The problems with one property of a node (or, with null, the node itself): the latest
   * compile's, then the last run's.
   */
  public List<Problem> problemsOf(String nodeId, String property) {
    return problemsOf(nodeId).stream().filter(p -> Objects.equals(p.property(), property)).toList();
  }

  /** Every problem on a node: the latest compile's, then the last run's. */
  public List<Problem> problemsOf(String nodeId) {
    Compilation c = lastCompilation();
    List<Problem> out = new ArrayList<>(c == null ? List.of() : c.problemsOf(nodeId));
    for (Problem p : runProblems) {
      if (Objects.equals(p.nodeId(), nodeId)) {
        out.add(p);
      }
    }
    return out;
  }

  /** What the canvas box of a node shows: its columns and a badge counting all its problems. */
  public NodeSummary summary(Node node) {
    return withRunProblems(NodeSummary.of(node, registry, lastCompilation()));
  }

  /** The {@link #summary(Node) summaries} of every node, in pipeline order. */
  public Map<String, NodeSummary> summaries(Pipeline of) {
    Map<String, NodeSummary> out = new LinkedHashMap<>();
    NodeSummary.all(of, registry, lastCompilation())
        .forEach((id, s) -> out.put(id, withRunProblems(s)));
    return out;
  }

  /** The latest compile result with its revision; null before the first. */
  public ReadOnlyObjectProperty<CompiledRevision> compiledProperty() {
    return compiled.getReadOnlyProperty();
  }

  /** Errors and warnings of the latest compile, then those of the last run. */
  public ObservableList<Problem> problems() {
    return problemsView;
  }

  /** The problems only the last run found; empty once the pipeline changed. */
  public ObservableList<Problem> runProblems() {
    return runProblemsView;
  }

  /** The generated SQL script; empty while the pipeline has errors. */
  public ReadOnlyStringProperty sqlProperty() {
    return sql.getReadOnlyProperty();
  }

  /** What the SQL view says instead of SQL: why there is none; empty when there is SQL. */
  public ReadOnlyStringProperty sqlPlaceholderProperty() {
    return sqlPlaceholder.getReadOnlyProperty();
  }

  /** Whether the shown results are older than the pipeline (a compile is pending or running). */
  public ReadOnlyBooleanProperty compilingProperty() {
    return compiling.getReadOnlyProperty();
  }

  void pipelineChanged(long revision) {
    latestRevision = Math.max(latestRevision, revision);
    CompiledRevision current = compiled.get();
    compiling.set(current == null || current.revision() < latestRevision);
    if (!runProblems.isEmpty()) {
      runProblems.clear();
      showProblems();
    }
  }

  void setRunProblems(List<Problem> found) {
    if (!runProblems.equals(found)) {
      runProblems.setAll(found);
      showProblems();
    }
  }

  void publish(CompiledRevision result) {
    compiled.set(result);
    compiling.set(result.revision() < latestRevision);
    List<Problem> next = result.compilation().problems();
    compileProblems = next;
    showProblems();
    CompiledPipeline script = result.compilation().result().orElse(null);
    if (script != null && !result.compilation().hasErrors()) {
      sql.set(script.script());
      sqlPlaceholder.set("");
    } else {
      long errors = next.stream().filter(Problem::isError).count();
      sql.set("");
      sqlPlaceholder.set(
          "Fix the problems to see the SQL: "
              + errors
              + (errors == 1 ? " error" : " errors")
              + " in Problems.");
    }
  }

  private void showProblems() {
    List<Problem> all = compileProblems;
    if (!runProblems.isEmpty()) {
      all = new ArrayList<>(compileProblems);
      all.addAll(runProblems);
    }
    if (!problems.equals(all)) {
      problems.setAll(all);
    }
  }

  private NodeSummary withRunProblems(NodeSummary s) {
    int errors = 0;
    int warnings = 0;
    for (Problem p : runProblems) {
      if (s.nodeId().equals(p.nodeId())) {
        if (p.isError()) {
          errors++;
        } else {
          warnings++;
        }
      }
    }
    if (errors == 0 && warnings == 0) {
      return s;
    }
    return new NodeSummary(
        s.nodeId(),
        s.label(),
        s.typeId(),
        s.typeName(),
        s.knownType(),
        s.outputColumns(),
        s.errors() + errors,
        s.warnings() + warnings);
  }
}
