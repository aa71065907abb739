package dev.streamwright.monitor.drift.live;

import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default references of a pipeline's tapped Model score nodes: each node's model card (the
 * {@code card.json} beside the model file its {@code model} property names), with the references
 * users set for that model version replacing the card's column by column.
 */
public final class ModelNodeReferences {

  private static final Logger LOG = LoggerFactory.getLogger(ModelNodeReferences.class);

  /** The type of a Model score node. */
  static final String MODEL_SCORE = "model-score";

  private ModelNodeReferences() {}

  /**
   * The references of a pipeline's Model score nodes.
   *
   * @param pipeline the deployed pipeline
   * @param modelsDir the folder relative model paths are resolved against, or null
   * @param set references users set, by model id and version, then column (empty when none)
   * @return references by node id and column; a node whose card cannot be read has none
   */
  public static DriftReferences of(
      Pipeline pipeline,
      String modelsDir,
      BiFunction<String, Integer, Map<String, LiveReference>> set) {
    Map<String, Map<String, LiveReference>> byNode = new LinkedHashMap<>();
    for (Node node : pipeline.nodes()) {
      if (!MODEL_SCORE.equals(node.type())) {
        continue;
      }
      Object model = node.properties().get("model");
      if (model == null || model.toString().isBlank()) {
        continue;
      }
      Path file = Path.of(model.toString().trim());
      if (!file.isAbsolute() && modelsDir != null && !modelsDir.isBlank()) {
        file = Path.of(modelsDir.trim()).resolve(file);
      }
      Path cardFile = file.toAbsolutePath().normalize().resolveSibling(ModelCard.FILE_NAME);
      if (!Files.isRegularFile(cardFile)) {
        continue;
      }
      try {
        ModelCard card = ModelCard.read(cardFile);
        Map<String, LiveReference> columns = new LinkedHashMap<>(CardReferences.of(card));
        columns.putAll(set.apply(card.id(), card.version()));
        byNode.put(node.id(), columns);
      } catch (RuntimeException e) {
        LOG.warn("No drift reference for node {}: {}", node.id(), e.getMessage());
      }
    }
    return DriftReferences.of(byNode);
  }

  /** The Model score nodes of a pipeline, by id. */
  static List<String> modelNodes(Pipeline pipeline) {
    return pipeline.nodes().stream()
        .filter(n -> MODEL_SCORE.equals(n.type()))
        .map(Node::id)
        .toList();
  }
}
