package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.nodes.FakeSchemaContext.Reported;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one node type's derivation and rendering against fakes, with sample inputs and helpers. */
final class NodeHarness {

  private final NodeType type;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final Map<String, Schema> inputs = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();

  private NodeHarness(NodeType type) {
    this.type = type;
  }

  static NodeHarness of(NodeType type) {
    return new NodeHarness(type);
  }

  /** Click events with event time and processing time, append-only. */
  static Schema clicks() {
    return new Schema(
        List.of(
            new Column("user_id", "STRING"),
            new Column("page", "STRING"),
            new Column("amount", "DOUBLE"),
            new Column("quantity", "INT"),
            new Column("price", "DECIMAL(10,2)"),
            new Column("event_time", "TIMESTAMP(3)"),
            new Column("proc_time", "TIMESTAMP_LTZ(3)")),
        "event_time",
        "proc_time",
        false);
  }

  /** A record of a LIST property from alternating keys and values. */
  static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  NodeHarness set(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  NodeHarness input(Schema schema) {
    inputs.put("in", schema);
    return this;
  }

  NodeHarness environment(String key, String value) {
    environment.put(key, value);
    return this;
  }

  Derived derive() {
    FakeSchemaContext context = new FakeSchemaContext("node1", type, properties);
    inputs.forEach(context::input);
    environment.forEach(context::environment);
    Map<String, Schema> outputs = type.deriveSchema(context);
    return new Derived(outputs, context.reported());
  }

  /** Derives (which must succeed) and renders. */
  FakeRenderContext render() {
    Derived derived = derive();
    assertThat(derived.errors()).as("derivation errors").isEmpty();
    FakeRenderContext context =
        new FakeRenderContext("node1", type, properties, inputs, derived.outputs(), environment);
    type.render(context);
    return context;
  }

  /** What a derivation gave. */
  record Derived(Map<String, Schema> outputs, List<Reported> reported) {

    Schema out() {
      assertThat(errors()).as("derivation errors").isEmpty();
      assertThat(outputs).containsKey("out");
      return outputs.get("out");
    }

    List<Reported> errors() {
      return reported.stream().filter(Reported::error).toList();
    }

    List<Reported> warnings() {
      return reported.stream().filter(r -> !r.error()).toList();
    }

    /** The one error's message, asserting it is on the property and the only error. */
    String onlyError(String property) {
      assertThat(errors()).as("errors").hasSize(1);
      assertThat(errors().get(0).property()).as("property of " + errors()).isEqualTo(property);
      assertThat(outputs).as("no schema after an error").isEmpty();
      return errors().get(0).message();
    }

    /** The one warning's message, asserting it is on the property and there is no error. */
    String onlyWarning(String property) {
      assertThat(errors()).as("errors").isEmpty();
      assertThat(warnings()).as("warnings").hasSize(1);
      assertThat(warnings().get(0).property()).isEqualTo(property);
      return warnings().get(0).message();
    }

    List<String> columns() {
      List<String> out = new ArrayList<>();
      out().columns().forEach(c -> out.add(c.toString()));
      return out;
    }
  }
}
