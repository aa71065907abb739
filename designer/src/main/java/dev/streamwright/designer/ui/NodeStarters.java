package dev.streamwright.designer.ui;

import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property values a node starts with when it is added from the palette, so a fresh node is not
 * in error before the user has touched it: each required property that has a default, plus a small
 * working set for the types whose required values have no sensible default of their own.
 */
final class NodeStarters {

  /**
   * Starting values by node type, only where a required value has no spec default. A Data generator
   * needs columns: a sequence id and an event time give a source a preview shows at once and a
   * window can aggregate.
   */
  private static final Map<String, Map<String, Object>> BY_TYPE =
      Map.of(
          "datagen",
          Map.of(
              "columns",
              List.of(
                  Map.of(
                      "name",
                      "id",
                      "type",
                      "BIGINT",
                      "kind",
                      "sequence",
                      "start",
                      1L,
                      "end",
                      1_000_000L),
                  Map.of("name", "event_time", "type", "TIMESTAMP(3)", "kind", "random")),
              "eventTime",
              "event_time"));

  private NodeStarters() {}

  /** The values a new node of the type starts with; empty when it needs none. */
  static Map<String, Object> of(NodeType type) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (PropertySpec spec : type.properties()) {
      if (spec.required() && spec.defaultValue() != null) {
        out.put(spec.name(), spec.defaultValue());
      }
    }
    Map<String, Object> starter = BY_TYPE.getOrDefault(type.id(), Map.of());
    starter.forEach(
        (name, value) -> {
          boolean declared = type.properties().stream().anyMatch(p -> p.name().equals(name));
          if (declared) {
            out.putIfAbsent(name, value);
          }
        });
    return out;
  }
}
