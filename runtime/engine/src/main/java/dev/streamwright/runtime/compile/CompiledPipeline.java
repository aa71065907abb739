package dev.streamwright.runtime.compile;

import dev.streamwright.plugin.api.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pipeline compiled to Flink SQL: the ordered setup statements (tables and views), the inserts
 * that run together as one statement set, and the preview queries whose rows stream back to the
 * studio. Deterministic: the same pipeline gives byte-identical SQL.
 *
 * @param pipelineId the pipeline's id, used for the job name
 * @param pipelineName the pipeline's display name
 * @param version the pipeline's version
 * @param statements setup statements in execution order (DDL and views)
 * @param inserts the statement set
 * @param previews preview queries, one per preview sink node
 * @param schemas the derived schema of every node's output ports
 * @param driftTaps the drift taps compiled in, by node id
 */
public record CompiledPipeline(
    String pipelineId,
    String pipelineName,
    long version,
    List<SqlStatement> statements,
    List<SqlStatement> inserts,
    List<SqlStatement> previews,
    Map<String, Map<String, Schema>> schemas,
    List<DriftTapSpec> driftTaps) {

  public CompiledPipeline {
    driftTaps = List.copyOf(driftTaps == null ? List.of() : driftTaps);
    statements = List.copyOf(statements);
    inserts = List.copyOf(inserts);
    previews = List.copyOf(previews);
    schemas = Map.copyOf(schemas);
  }

  /** A compiled pipeline without drift taps. */
  public CompiledPipeline(
      String pipelineId,
      String pipelineName,
      long version,
      List<SqlStatement> statements,
      List<SqlStatement> inserts,
      List<SqlStatement> previews,
      Map<String, Map<String, Schema>> schemas) {
    this(pipelineId, pipelineName, version, statements, inserts, previews, schemas, List.of());
  }

  /**
   * Planner settings the pipeline's job needs, applied before the deploy's own configuration. With
   * drift taps: blocks of the plan with equal digests are optimized once ({@value
   * #REUSE_BLOCKS_BY_DIGEST}), so a tap on a relation several branches read stays one call in one
   * operator instead of being merged into (and counting rows in) every branch.
   */
  public Map<String, String> jobConfiguration() {
    return driftTaps.isEmpty() ? Map.of() : Map.of(REUSE_BLOCKS_BY_DIGEST, "true");
  }

  /** Flink's setting that makes the planner share equal sub-plans before optimizing them. */
  public static final String REUSE_BLOCKS_BY_DIGEST =
      "table.optimizer.reuse-optimize-block-with-digest-enabled";

  /** The node ids of the preview sinks, in statement order. */
  public List<String> previewSinks() {
    List<String> ids = new ArrayList<>();
    for (SqlStatement s : previews) {
      ids.add(s.nodeId());
    }
    return ids;
  }

  /** Every statement in order: setup, inserts, previews. */
  public List<SqlStatement> allStatements() {
    List<SqlStatement> all = new ArrayList<>(statements);
    all.addAll(inserts);
    all.addAll(previews);
    return all;
  }

  /**
   * The whole pipeline as one SQL script that Flink's SQL client can run: setup statements, then
   * {@code EXECUTE STATEMENT SET}, then the preview queries (commented as such).
   */
  public String script() {
    StringBuilder sb = new StringBuilder();
    sb.append("-- Streamwright pipeline '")
        .append(pipelineId)
        .append("' (")
        .append(pipelineName.replace('\n', ' '))
        .append("), version ")
        .append(version)
        .append("\n-- Generated from the pipeline file; edit the pipeline, not this script.\n");
    String last = null;
    for (SqlStatement s : statements) {
      if (!s.nodeId().equals(last)) {
        sb.append("\n-- node ").append(s.nodeId()).append('\n');
        last = s.nodeId();
      }
      sb.append(s.sql()).append(";\n");
    }
    if (!inserts.isEmpty()) {
      sb.append("\nEXECUTE STATEMENT SET\nBEGIN\n");
      for (SqlStatement s : inserts) {
        sb.append("-- node ").append(s.nodeId()).append('\n').append(s.sql()).append(";\n");
      }
      sb.append("END;\n");
    }
    for (SqlStatement s : previews) {
      sb.append("\n-- preview sink ")
          .append(s.nodeId())
          .append(": its rows stream back to the studio\n")
          .append(s.sql())
          .append(";\n");
    }
    return sb.toString();
  }
}
