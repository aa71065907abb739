package dev.streamwright.runtime.health;

import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which node made which Flink SQL model of a compiled pipeline. A model's metrics and its failures
 * carry the model's SQL name (a Model score node {@code scored} creates {@code scored__model}); the
 * studio shows them on the node, so the name is mapped back through the node's own {@code CREATE
 * MODEL} statement rather than by guessing at the naming rule.
 */
public final class ModelNodes {

  private static final Pattern CREATE_MODEL =
      Pattern.compile(
          "^\\s*CREATE\\s+(?:TEMPORARY\\s+)?MODEL\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
              + "((?:`(?:[^`]|``)+`|[\\w$]+)(?:\\.(?:`(?:[^`]|``)+`|[\\w$]+))*)",
          Pattern.CASE_INSENSITIVE);

  private final Map<String, String> nodeByModel;

  private ModelNodes(Map<String, String> nodeByModel) {
    this.nodeByModel = Map.copyOf(nodeByModel);
  }

  /** The models the pipeline's statements create, and their nodes. */
  public static ModelNodes of(CompiledPipeline pipeline) {
    Map<String, String> byModel = new LinkedHashMap<>();
    for (SqlStatement s : pipeline.allStatements()) {
      Matcher m = CREATE_MODEL.matcher(s.sql());
      if (m.find()) {
        byModel.put(objectName(m.group(1)), s.nodeId());
      }
    }
    return new ModelNodes(byModel);
  }

  /** A mapping given directly, model name to node id. */
  public static ModelNodes of(Map<String, String> nodeByModel) {
    return new ModelNodes(new LinkedHashMap<>(nodeByModel));
  }

  /** The model names (unquoted object names, as Flink reports them) and their node ids. */
  public Map<String, String> nodeByModel() {
    return nodeByModel;
  }

  /** Whether the pipeline has no model. */
  public boolean isEmpty() {
    return nodeByModel.isEmpty();
  }

  /** The node that created the model, by the model's unquoted name. */
  public Optional<String> node(String model) {
    return Optional.ofNullable(nodeByModel.get(model));
  }

  /**
   * The node whose model a job failure is about: the provider's messages start with {@code Model
   * '<name>'}. Empty when the failure names no model of this pipeline.
   */
  public Optional<String> nodeNamedIn(String failure) {
    if (failure == null || failure.isBlank()) {
      return Optional.empty();
    }
    String found = null;
    int at = Integer.MAX_VALUE;
    for (Map.Entry<String, String> e : nodeByModel.entrySet()) {
      int i = failure.indexOf("Model '" + e.getKey() + "'");
      if (i >= 0 && i < at) {
        at = i;
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }

  /** {@code `a`.`b`.`c` -> c}, {@code `x``y` -> x`y}: the part Flink puts in messages. */
  private static String objectName(String qualified) {
    String last = qualified;
    int i = qualified.length();
    if (qualified.endsWith("`")) {
      int open = qualified.length() - 2;
      while (open >= 0) {
        if (qualified.charAt(open) == '`') {
          if (open > 0 && qualified.charAt(open - 1) == '`') {
            open -= 2;
            continue;
          }
          break;
        }
        open--;
      }
      last = qualified.substring(open + 1, i - 1).replace("``", "`");
    } else {
      int dot = qualified.lastIndexOf('.');
      last = qualified.substring(dot + 1);
    }
    return last;
  }
}
