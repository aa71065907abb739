package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.NodeTypeProvider;
import java.util.List;

/** The node types Streamwright ships with, found like any plugin's through the service loader. */
public final class BuiltinNodeTypes implements NodeTypeProvider {

  /** The provider id. */
  public static final String ID = "builtin";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<NodeType> nodeTypes() {
    return List.of(
        new DatagenSource(),
        new KafkaSource(),
        new Filter(),
        new Project(),
        new WindowAggregate(),
        new OverFeatures(),
        new SqlTransform(),
        new Validate(),
        new ModelScore(),
        new PreviewSink(),
        new PrintSink(),
        new FileSink(),
        new KafkaSink(),
        new UpsertKafkaSink());
  }
}
