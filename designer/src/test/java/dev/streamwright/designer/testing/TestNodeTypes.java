package dev.streamwright.designer.testing;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.NodeTypeProvider;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small node types for designer tests, independent of the built-ins: a source with an event-time
 * column, a pass-through with a condition, an updating aggregate, a two-input join, a splitter with
 * a second output, an append-only sink and a sink that takes changelogs.
 */
public final class TestNodeTypes implements NodeTypeProvider {

  private static final NodeTypeRegistry REGISTRY =
      NodeTypeRegistry.of(List.of(new TestNodeTypes()));

  /** A registry of exactly these types. */
  public static NodeTypeRegistry registry() {
    return REGISTRY;
  }

  /** The type with this id. */
  public static NodeType type(String id) {
    return REGISTRY.find(id).orElseThrow();
  }

  @Override
  public String id() {
    return "designer-test";
  }

  @Override
  public List<NodeType> nodeTypes() {
    PortSpec in = PortSpec.input("in");
    PortSpec out = PortSpec.output("out");
    return List.of(
        new Simple("src", "Source", NodeCategory.SOURCE, List.of(), List.of(out), false),
        new Simple("pass", "Pass", NodeCategory.TRANSFORM, List.of(in), List.of(out), false),
        new Simple("agg", "Aggregate", NodeCategory.TRANSFORM, List.of(in), List.of(out), true),
        new Simple(
            "join",
            "Join",
            NodeCategory.TRANSFORM,
            List.of(PortSpec.input("left"), PortSpec.input("right")),
            List.of(out),
            false),
        new Simple(
            "split",
            "Split",
            NodeCategory.QUALITY,
            List.of(in),
            List.of(out, PortSpec.output("rejected")),
            false),
        new Simple(
            "sink",
            "Append sink",
            NodeCategory.SINK,
            List.of(PortSpec.appendOnlyInput("in")),
            List.of(),
            false),
        new Simple("any-sink", "Any sink", NodeCategory.SINK, List.of(in), List.of(), false));
  }

  private record Simple(
      String id,
      String displayName,
      NodeCategory category,
      List<PortSpec> inputs,
      List<PortSpec> outputs,
      boolean updating)
      implements NodeType {

    @Override
    public String description() {
      return "test node " + id;
    }

    @Override
    public List<PropertySpec> properties() {
      if (id.equals("pass")) {
        return List.of(
            PropertySpec.of("condition", PropertyKind.EXPRESSION).label("Condition").build(),
            PropertySpec.of("rowsPerSecond", PropertyKind.INTEGER)
                .label("Rows per second")
                .build());
      }
      return List.of();
    }

    @Override
    public Map<String, Schema> deriveSchema(SchemaContext ctx) {
      if (ctx.properties().string("condition", "").equals("warn")) {
        ctx.warning("condition", "warned as asked");
      }
      if (ctx.properties().string("condition", "").equals("fail")) {
        ctx.error("condition", "failed as asked");
      }
      if (outputs.isEmpty()) {
        return Map.of();
      }
      Schema schema =
          inputs.isEmpty()
              ? new Schema(
                  List.of(new Column("x", "INT"), new Column("ts", "TIMESTAMP(3)")),
                  "ts",
                  null,
                  false)
              : ctx.input(inputs.get(0).id());
      Map<String, Schema> out = new LinkedHashMap<>();
      for (PortSpec p : outputs) {
        out.put(p.id(), schema.withUpdating(updating || schema.updating()));
      }
      return out;
    }

    @Override
    public void render(RenderContext ctx) {
      if (inputs.isEmpty()) {
        ctx.ddl("CREATE TEMPORARY TABLE " + ctx.relation("out") + " (x INT)");
      } else if (outputs.isEmpty()) {
        ctx.insert(ctx.table(""), "SELECT * FROM " + ctx.inputRelation(inputs.get(0).id()));
      } else {
        for (PortSpec p : outputs) {
          ctx.view(p.id(), "SELECT * FROM " + ctx.inputRelation(inputs.get(0).id()));
        }
      }
    }
  }
}
