package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.NodeTypeProvider;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  void everyTypePropertyAndListFieldIsDescribedWithAnExample() {
    for (NodeType t : new BuiltinNodeTypes().nodeTypes()) {
      assertThat(t.displayName()).as(t.id()).isNotBlank();
      assertThat(t.description()).as(t.id()).isNotBlank().endsWith(".");
      for (PropertySpec p : t.properties()) {
        assertThat(p.description()).as(t.id() + "." + p.name()).isNotBlank();
        assertThat(p.exampleValue()).as("example of " + t.id() + "." + p.name()).isNotNull();
        for (PropertySpec f : p.fields()) {
          String where = t.id() + "." + p.name() + "[]." + f.name();
          assertThat(f.description()).as(where).isNotBlank();
          assertThat(f.exampleValue()).as("example of " + where).isNotNull();
        }
      }
    }
  }

  @Test
  void everyExampleIsAValueItsPropertyAccepts() {
    PipelineCompiler compiler = new PipelineCompiler(NodeTypeRegistry.load());
    for (NodeType t : new BuiltinNodeTypes().nodeTypes()) {
      for (PropertySpec p : t.properties()) {
        Map<String, Object> props = new LinkedHashMap<>(t.exampleProperties());
        props.put(p.name(), p.exampleValue());
        Compilation c = compiler.compile(alone(Node.of("n", t.id(), props)));
        assertThat(c.problemsOf("n"))
            .as(t.id() + " with " + p.name() + " = " + p.exampleValue())
            .noneMatch(problem -> p.name().equals(problem.property()));
      }
    }
  }

  @Test
  void everyTypesExampleNodeIsValidAsFarAsItCanBeAlone() {
    PipelineCompiler compiler = new PipelineCompiler(NodeTypeRegistry.load());
    for (NodeType t : new BuiltinNodeTypes().nodeTypes()) {
      Compilation c = compiler.compile(alone(Node.of("n", t.id(), t.exampleProperties())));
      // Without inputs only the property checks run; a source is derived in full (its output
      // is not connected, which is only a warning).
      assertThat(c.problemsOf("n"))
          .as(t.id() + " example " + t.exampleProperties())
          .noneMatch(p -> p.property() != null || (t.inputs().isEmpty() && p.isError()));
    }
  }

  private static Pipeline alone(Node node) {
    return new Pipeline("p", "P", "", 1, List.of(), List.of(node), List.of());
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
