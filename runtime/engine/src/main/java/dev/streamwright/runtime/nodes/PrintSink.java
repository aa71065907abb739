package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import java.util.List;
import java.util.Map;

/**
 * Writes its input to the Flink task managers' standard output with the {@code print} connector,
 * each row prefixed by the node id; handy on a cluster where there is no studio preview.
 */
public final class PrintSink extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "print-sink";

  public PrintSink() {
    super(
        ID,
        "Print",
        NodeCategory.SINK,
        "Prints the rows arriving here to the Flink task manager's output.",
        List.of(PortSpec.input(PortSpec.IN)),
        List.of(),
        List.of());
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    Columns.checkDeclarable(d, d.input(PortSpec.IN));
    return Map.of();
  }

  @Override
  public void render(RenderContext context) {
    String table = context.table("");
    context.ddl(
        new TableDdl(table)
            .lines(Columns.sinkDefinitions(context.input(PortSpec.IN)))
            .option("connector", "print")
            .option("print-identifier", context.nodeId())
            .render());
    context.insert(table, "SELECT *\nFROM " + context.inputRelation(PortSpec.IN));
  }
}
