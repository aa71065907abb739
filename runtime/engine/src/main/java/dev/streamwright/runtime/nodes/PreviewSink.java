package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import java.util.List;
import java.util.Map;

/** Streams its input back to the studio's preview table; nothing is written anywhere. */
public final class PreviewSink extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "preview-sink";

  /** The property with how many rows the studio's table keeps. */
  public static final String MAX_ROWS = "maxRows";

  public PreviewSink() {
    super(
        ID,
        "Preview",
        NodeCategory.SINK,
        "Shows the rows arriving here live in the studio.",
        List.of(PortSpec.input(PortSpec.IN)),
        List.of(),
        List.of(
            PropertySpec.of(MAX_ROWS, PropertyKind.INTEGER)
                .label("Rows kept")
                .defaultValue(1000L)
                .description("How many of the latest rows the preview table keeps")
                .build()));
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    new Derivation(context).atLeast(MAX_ROWS, 1);
    return Map.of();
  }

  @Override
  public void render(RenderContext context) {
    context.preview("SELECT *\nFROM " + context.inputRelation(PortSpec.IN));
  }
}
