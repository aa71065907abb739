package dev.streamwright.runtime.compile;

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
import dev.streamwright.plugin.api.Sql;
import java.util.List;
import java.util.Map;

/**
 * Minimal node types that exercise the compiler's own checks without depending on the built-in node
 * types: a source, a pass-through with an enum, an updating aggregate, and two sinks.
 */
final class TestNodeTypes implements NodeTypeProvider {

  static NodeTypeRegistry registry() {
    return NodeTypeRegistry.of(List.of(new TestNodeTypes()));
  }

  @Override
  public String id() {
    return "test";
  }

  @Override
  public List<NodeType> nodeTypes() {
    return List.of(
        new Simple("src", NodeCategory.SOURCE, List.of(), List.of(PortSpec.output("out")), false),
        new Simple(
            "pass",
            NodeCategory.TRANSFORM,
            List.of(PortSpec.input("in")),
            List.of(PortSpec.output("out")),
            false),
        new Simple(
            "agg",
            NodeCategory.TRANSFORM,
            List.of(PortSpec.input("in")),
            List.of(PortSpec.output("out")),
            true),
        new Simple(
            "join",
            NodeCategory.TRANSFORM,
            List.of(PortSpec.input("left"), PortSpec.input("right")),
            List.of(PortSpec.output("out")),
            false),
        new Simple(
            "sink", NodeCategory.SINK, List.of(PortSpec.appendOnlyInput("in")), List.of(), false),
        new Simple("any-sink", NodeCategory.SINK, List.of(PortSpec.input("in")), List.of(), false));
  }

  private record Simple(
      String id,
      NodeCategory category,
      List<PortSpec> inputs,
      List<PortSpec> outputs,
      boolean updating)
      implements NodeType {

    @Override
    public String displayName() {
      return id;
    }

    @Override
    public String description() {
      return "test node " + id;
    }

    @Override
    public List<PropertySpec> properties() {
      if (id.equals("pass")) {
        return List.of(
            PropertySpec.of("mode", PropertyKind.ENUM).choices("a", "b").defaultValue("a").build(),
            PropertySpec.of("label", PropertyKind.STRING).required().build(),
            PropertySpec.of("every", PropertyKind.DURATION).build());
      }
      return List.of();
    }

    @Override
    public Map<String, Schema> deriveSchema(SchemaContext ctx) {
      if (outputs.isEmpty()) {
        return Map.of();
      }
      Schema in =
          inputs.isEmpty()
              ? Schema.of(List.of(new Column("x", "INT")))
              : ctx.input(inputs.get(0).id());
      return Map.of("out", in.withUpdating(updating || in.updating()));
    }

    @Override
    public void render(RenderContext ctx) {
      if (inputs.isEmpty()) {
        ctx.ddl(
            "CREATE TEMPORARY TABLE "
                + ctx.relation("out")
                + " (x INT) WITH ('connector' = 'datagen')");
      } else if (outputs.isEmpty()) {
        ctx.insert(ctx.table(""), "SELECT * FROM " + ctx.inputRelation(inputs.get(0).id()));
      } else {
        String label = ctx.properties().string("label", "");
        ctx.view(
            "out",
            "SELECT * FROM " + ctx.inputRelation(inputs.get(0).id()) + " -- " + Sql.literal(label));
      }
    }
  }
}
