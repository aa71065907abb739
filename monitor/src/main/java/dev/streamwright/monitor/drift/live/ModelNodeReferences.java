package dev.streamwright.monitor.drift.live;

import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The references of a pipeline's tapped nodes: for a Model score node its model card (the {@code
 * card.json} beside the model file its {@code model} property names), with the references users set
 * for that model version replacing the card's column by column; and for any node the references
 * users set for the node itself, which come first.
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
   * @param forNode references users set for a node, by node id, then column (empty when none)
   * @return references by node id and column; a model whose card cannot be read gives none
   */
  public static DriftReferences of(
      Pipeline pipeline,
      String modelsDir,
      BiFunction<String, Integer, Map<String, LiveReference>> set,
      java.util.function.Function<String, Map<String, LiveReference>> forNode) {
    Map<String, Map<String, LiveReference>> byNode = new LinkedHashMap<>();
    for (Node node : pipeline.nodes()) {
      Map<String, LiveReference> own = forNode.apply(node.id());
      if (!own.isEmpty()) {
        byNode.put(node.id(), new LinkedHashMap<>(own));
      }
    }
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
        columns.putAll(byNode.getOrDefault(node.id(), Map.of()));
        byNode.put(node.id(), columns);
      } catch (RuntimeException e) {
        LOG.warn("No drift reference for node {}: {}", node.id(), e.getMessage());
      }
    }
    return DriftReferences.of(byNode);
  }
}
