package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.NodeTypeProvider;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinNodeTypesTest {

  @Test
  void theServiceLoaderFindsTheBuiltinProvider() {
    assertThat(ServiceLoader.load(NodeTypeProvider.class).stream().map(p -> p.get().id()))
        .contains("builtin");
  }

  @Test
  void providesTheDocumentedNodeTypeIds() {
    assertThat(new BuiltinNodeTypes().nodeTypes().stream().map(NodeType::id))
        .containsExactly(
            "datagen",
            "kafka-source",
            "filter",
            "project",
            "window-aggregate",
            "over-features",
            "sql",
            "validate",
            "model-score",
            "preview-sink",
            "print-sink",
            "file-sink",
            "kafka-sink",
            "upsert-kafka-sink");
  }

  @Test
  void theRegistryLoadsEveryBuiltinWithoutRefusals() {
    NodeTypeRegistry registry = NodeTypeRegistry.load();
    assertThat(registry.refusals()).isEmpty();
    for (NodeType t : new BuiltinNodeTypes().nodeTypes()) {
      assertThat(registry.find(t.id())).isPresent();
    }
  }

  @Test
  void sourcesHaveNoInputsAndSinksNoOutputs() {
    for (NodeType t : new BuiltinNodeTypes().nodeTypes()) {
      if (t.category() == NodeCategory.SOURCE) {
        assertThat(t.inputs()).as(t.id()).isEmpty();
      }
      if (t.category() == NodeCategory.SINK) {
        assertThat(t.outputs()).as(t.id()).isEmpty();
      }
    }
  }

  @Test
  void everyTypeAndPropertyIsDescribed() {
    for (NodeType t : new BuiltinNodeTypes().nodeTypes()) {
      assertThat(t.displayName()).as(t.id()).isNotBlank();
      assertThat(t.description()).as(t.id()).isNotBlank().endsWith(".");
      for (PropertySpec p : t.properties()) {
        assertThat(p.description()).as(t.id() + "." + p.name()).isNotBlank();
      }
    }
  }

  @Test
  void propertyNamesAreUniquePerType() {
    for (NodeType t : new BuiltinNodeTypes().nodeTypes()) {
      Set<String> names = new HashSet<>();
      List<PropertySpec> specs = t.properties();
      specs.forEach(p -> assertThat(names.add(p.name())).as(t.id() + "." + p.name()).isTrue());
    }
  }

  @Test
  void enumDefaultsAreAmongTheirChoices() {
    for (NodeType t : new BuiltinNodeTypes().nodeTypes()) {
      for (PropertySpec p : t.properties()) {
        if (!p.choices().isEmpty() && p.defaultValue() != null) {
          assertThat(p.choices()).as(t.id() + "." + p.name()).contains((String) p.defaultValue());
        }
      }
    }
  }
}
