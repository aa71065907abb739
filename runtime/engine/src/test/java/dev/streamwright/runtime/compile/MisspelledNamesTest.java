package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A misspelled property or list-record field of a built-in node type is an error that names the
 * closest known name: ignoring it would silently run with the default instead.
 */
class MisspelledNamesTest {

  private static final PipelineCompiler COMPILER = new PipelineCompiler(NodeTypeRegistry.load());

  private static final List<Map<String, Object>> COLUMNS =
      List.of(Map.of("name", "user_id", "type", "STRING"));

  private static List<String> errors(Node node) {
    Pipeline p = new Pipeline("p", "P", "", 1, List.of(), List.of(node), List.of());
    return COMPILER.compile(p).problemsOf(node.id()).stream()
        .filter(Problem::isError)
        .map(Problem::toString)
        .toList();
  }

  @Test
  void aMisspelledKafkaPropertyNamesTheRightOne() {
    Node clicks =
        Node.of(
            "clicks",
            "kafka-source",
            Map.of("topic", "clicks", "columns", COLUMNS, "bootstrapServer", "broker:9092"));

    assertThat(errors(clicks))
        .containsExactly(
            "error: node 'clicks', property 'bootstrapServer': is not a property of kafka-source;"
                + " did you mean 'bootstrapServers'?");
  }

  @Test
  void aPropertyWrittenTheWayFlinkSpellsItFindsStreamwrightsName() {
    Node clicks =
        Node.of(
            "clicks",
            "kafka-source",
            Map.of("topic", "clicks", "columns", COLUMNS, "startup-mode", "latest-offset"));

    assertThat(errors(clicks)).singleElement().asString().endsWith("did you mean 'startupMode'?");
  }

  @Test
  void aMisspelledFieldOfAValidateRuleNamesTheRightOne() {
    Node check =
        Node.of(
            "check",
            "validate",
            Map.of(
                "rules",
                List.of(
                    Map.of("column", "user_id", "rule", "not-null"),
                    Map.of("column", "code", "rule", "regex", "patern", "^[A-Z]{3}$"))));

    assertThat(errors(check))
        .contains(
            "error: node 'check', property 'rules': item 2 field 'patern' is not a field of"
                + " rules; did you mean 'pattern'?");
  }

  @Test
  void anUnknownFieldOfAKafkaColumnListsTheFields() {
    Node clicks =
        Node.of(
            "clicks",
            "kafka-source",
            Map.of(
                "topic",
                "clicks",
                "columns",
                List.of(Map.of("name", "user_id", "type", "STRING", "nullable", true))));

    assertThat(errors(clicks))
        .containsExactly(
            "error: node 'clicks', property 'columns': item 1 field 'nullable' is not a field of"
                + " columns; remove it or use one of: name, type");
  }

  @Test
  void freeOptionsTakeAnyKey() {
    Node clicks =
        Node.of(
            "clicks",
            "kafka-source",
            Map.of(
                "topic",
                "clicks",
                "columns",
                COLUMNS,
                "options",
                Map.of("properties.security.protocol", "PLAINTEXT")));

    assertThat(errors(clicks)).isEmpty();
  }
}
