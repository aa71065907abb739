package dev.streamwright.runtime.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import dev.streamwright.runtime.nodes.BuiltinNodeTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/nodes.md is exactly what the node types' specs say; run with {@code -Dnodes.write=true} to
 * rewrite it (see {@link NodeReference#REGENERATE}).
 */
class NodeReferenceTest {

  private static final Path FILE = Path.of("../../docs/nodes.md");

  @Test
  void docsNodesMdIsWhatTheNodeTypesSay() throws IOException {
    String expected = NodeReference.render(NodeTypeRegistry.load());
    if (Boolean.getBoolean("nodes.write")) {
      Files.writeString(FILE, expected);
    }
    if (!Files.exists(FILE)) {
      fail("docs/nodes.md is missing; write it with: " + NodeReference.REGENERATE);
    }
    String actual = Files.readString(FILE);
    if (!actual.equals(expected)) {
      List<String> want = expected.lines().toList();
      List<String> have = actual.lines().toList();
      int line = 0;
      while (line < want.size() && line < have.size() && want.get(line).equals(have.get(line))) {
        line++;
      }
      fail(
          "docs/nodes.md does not match the node types' specs (first difference at line "
              + (line + 1)
              + ": the file has \""
              + (line < have.size() ? have.get(line) : "<end of file>")
              + "\", the specs say \""
              + (line < want.size() ? want.get(line) : "<end of file>")
              + "\"). Regenerate it with: "
              + NodeReference.REGENERATE);
    }
  }

  @Test
  void theReferenceListsEveryTypePortAndPropertyTheRegistryHolds() {
    NodeTypeRegistry registry = NodeTypeRegistry.load();
    String md = NodeReference.render(registry);

    assertThat(registry.all()).isNotEmpty();
    for (NodeType type : registry.all()) {
      assertThat(md).contains("## " + type.id() + "\n", "**" + type.displayName() + "**");
      type.inputs().forEach(p -> assertThat(md).contains("`" + p.id() + "`"));
      type.outputs().forEach(p -> assertThat(md).contains("`" + p.id() + "`"));
      for (PropertySpec p : type.properties()) {
        assertThat(md).contains("| `" + p.name() + "` | " + NodeReference.kindName(p.kind()));
        p.fields().forEach(f -> assertThat(md).contains("| `" + f.name() + "` | "));
      }
    }
    assertThat(md)
        .contains(
            "| `onMalformed` | choice: `fail`, `skip`, `dead-letter` |  | `\"fail\"` |",
            "Each record of `rules`:",
            "\"type\": \"kafka-source\"");
  }

  @Test
  void aPluginsNodeTypesAreListedWithThePluginsName() {
    NodeTypeRegistry registry = NodeTypeRegistry.of(List.of(new BuiltinNodeTypes(), new Loud()));

    String md = NodeReference.render(registry);

    assertThat(md)
        .contains(
            "[`shout`](#shout) Shout",
            "## shout\n",
            "**Shout**, in the palette's Transforms (from plugin `loud`). Upper-cases a column.",
            "| `column` | column | yes |  | The column to upper-case. | `\"name\"` |",
            "\"properties\": {\n    \"column\": \"name\"\n  }");
  }

  @Test
  void theOutputIsTheSameOnEveryRun() {
    assertThat(NodeReference.render(NodeTypeRegistry.load()))
        .isEqualTo(NodeReference.render(NodeTypeRegistry.load()));
  }

  @Test
  void examplesOfListsFollowTheOrderOfTheirFieldsWhateverTheMapsOrder() {
    PropertySpec rules =
        PropertySpec.of("rules", PropertyKind.LIST)
            .fields(
                PropertySpec.of("column", PropertyKind.COLUMN).build(),
                PropertySpec.of("rule", PropertyKind.STRING).build())
            .build();

    Object ordered =
        NodeReference.ordered(rules, List.of(Map.of("rule", "not-null", "column", "a", "x", 1)));

    assertThat(((List<?>) ordered).get(0).toString()).isEqualTo("{column=a, rule=not-null, x=1}");
  }

  @Test
  void anExampleValueFallsBackToTheDefaultTheFirstChoiceOrOneRecordOfFieldExamples() {
    assertThat(PropertySpec.of("a", PropertyKind.STRING).example("x").build().exampleValue())
        .isEqualTo("x");
    assertThat(
            PropertySpec.of("a", PropertyKind.DURATION).defaultValue("1s").build().exampleValue())
        .isEqualTo("1s");
    assertThat(PropertySpec.of("a", PropertyKind.ENUM).choices("p", "q").build().exampleValue())
        .isEqualTo("p");
    assertThat(PropertySpec.of("a", PropertyKind.BOOLEAN).build().exampleValue()).isEqualTo(true);
    assertThat(
            PropertySpec.of("a", PropertyKind.LIST)
                .fields(
                    PropertySpec.of("name", PropertyKind.STRING).required().example("n").build(),
                    PropertySpec.of("note", PropertyKind.STRING).build())
                .build()
                .exampleValue())
        .isEqualTo(List.of(Map.of("name", "n")));
    assertThat(PropertySpec.of("a", PropertyKind.STRING).build().exampleValue()).isNull();
  }

  @Test
  void aSpecBuiltWithTheEarlierConstructorHasNoExample() {
    PropertySpec spec =
        new PropertySpec("a", "A", PropertyKind.STRING, false, null, null, null, "An a");

    assertThat(spec.example()).isNull();
    assertThat(spec.description()).isEqualTo("An a");
  }

  /** A plugin with one node type, as a third party would write it. */
  private static final class Loud implements NodeTypeProvider {

    @Override
    public String id() {
      return "loud";
    }

    @Override
    public List<NodeType> nodeTypes() {
      return List.of(new Shout());
    }
  }

  private static final class Shout implements NodeType {

    @Override
    public String id() {
      return "shout";
    }

    @Override
    public String displayName() {
      return "Shout";
    }

    @Override
    public NodeCategory category() {
      return NodeCategory.TRANSFORM;
    }

    @Override
    public String description() {
      return "Upper-cases a column";
    }

    @Override
    public List<PortSpec> inputs() {
      return List.of(PortSpec.input(PortSpec.IN));
    }

    @Override
    public List<PortSpec> outputs() {
      return List.of(PortSpec.output(PortSpec.OUT));
    }

    @Override
    public List<PropertySpec> properties() {
      return List.of(
          PropertySpec.of("column", PropertyKind.COLUMN)
              .required()
              .description("The column to upper-case")
              .example("name")
              .build());
    }

    @Override
    public Map<String, Schema> deriveSchema(SchemaContext context) {
      return Map.of(PortSpec.OUT, context.input(PortSpec.IN));
    }

    @Override
    public void render(RenderContext context) {}
  }
}
