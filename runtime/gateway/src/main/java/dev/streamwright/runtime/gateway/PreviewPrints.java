package dev.streamwright.runtime.gateway;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys a pipeline's preview sinks to a cluster as Flink {@code print} sinks named after their
 * nodes: a preview's rows cannot stream back from a remote job, so they land in the TaskManagers'
 * stdout log, each line prefixed by the node id, and the very same pipeline deploys unchanged.
 */
final class PreviewPrints {

  private PreviewPrints() {}

  /**
   * The pipeline with every preview turned into a print table and an insert into it; the same
   * pipeline when it has no preview.
   *
   * @throws RuntimeFailure when a preview's input columns are not known
   */
  static CompiledPipeline of(CompiledPipeline p) throws RuntimeFailure {
    if (p.previews().isEmpty()) {
      return p;
    }
    List<SqlStatement> statements = new ArrayList<>(p.statements());
    List<SqlStatement> inserts = new ArrayList<>(p.inserts());
    for (SqlStatement preview : p.previews()) {
      String node = preview.nodeId();
      Schema input =
          input(p, preview)
              .orElseThrow(
                  () ->
                      new RuntimeFailure(
                          "Preview '"
                              + node
                              + "' cannot run on a cluster: the columns of its input are not"
                              + " known. Replace it with a Print sink."));
      List<String> columns = new ArrayList<>();
      for (Column c : input.columns()) {
        columns.add(Sql.identifier(c.name()) + " " + c.type());
      }
      String table = Sql.identifier(node);
      statements.add(
          new SqlStatement(
              node,
              SqlStatement.Kind.DDL,
              "CREATE TEMPORARY TABLE "
                  + table
                  + " (\n  "
                  + String.join(",\n  ", columns)
                  + "\n) "
                  + Sql.withClause(Map.of("connector", "print", "print-identifier", node))));
      inserts.add(
          new SqlStatement(
              node, SqlStatement.Kind.INSERT, "INSERT INTO " + table + "\n" + preview.sql()));
    }
    return new CompiledPipeline(
        p.pipelineId(),
        p.pipelineName(),
        p.version(),
        statements,
        inserts,
        List.of(),
        p.schemas(),
        p.driftTaps());
  }

  /** The schema of the relation a preview selects from ({@code SELECT * FROM `relation`}). */
  private static Optional<Schema> input(CompiledPipeline p, SqlStatement preview) {
    String sql = preview.sql();
    int from = sql.lastIndexOf("FROM ");
    if (from < 0) {
      return Optional.empty();
    }
    String relation = sql.substring(from + "FROM ".length()).strip();
    for (Map.Entry<String, Map<String, Schema>> node : p.schemas().entrySet()) {
      for (Map.Entry<String, Schema> port : node.getValue().entrySet()) {
        String name =
            PortSpec.OUT.equals(port.getKey())
                ? node.getKey()
                : node.getKey() + "__" + port.getKey();
        if (Sql.identifier(name).equals(relation)) {
          return Optional.of(port.getValue());
        }
      }
    }
    return Optional.empty();
  }
}
