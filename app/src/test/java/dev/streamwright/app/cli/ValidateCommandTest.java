package dev.streamwright.app.cli;

import static dev.streamwright.app.cli.CliHarness.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input the issue lists gives exit code 1 and a message that says where to look:
 * the node and property, or the line and column of the file.
 */
class ValidateCommandTest {

  private static Result validate(Object file, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "validate";
    args[1] = file.toString();
    System.arraycopy(options, 0, args, 2, options.length);
    return CliHarness.run(args);
  }

  @Test
  void theQuickstartIsValid() {
    Result r = validate(CliHarness.QUICKSTART);

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).doesNotContain("error:").contains("pipeline.json: valid");
  }

  @Test
  void aValidPipelineReportsJsonWithNoErrors() throws Exception {
    Result r = validate(pipeline("valid-filter.json"), "--format", "json");

    assertThat(r.exitCode()).as(r.all()).isZero();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("valid").asBoolean()).isTrue();
    assertThat(report.get("errors").asInt()).isZero();
    assertThat(report.get("file").asText()).endsWith("valid-filter.json");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    Result r = validate(pipeline("malformed.json"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out())
        .contains(
            "malformed.json: line 5, column 40: expected , or } after the value of \"type\" in the"
                + " object at nodes[0], but found \"properties\"; a comma is probably missing");
  }

  @Test
  void malformedJsonInJsonFormatCarriesLineAndColumnFields() throws Exception {
    Result r = validate(pipeline("malformed.json"), "--format", "json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    JsonNode problem = new ObjectMapper().readTree(r.out()).get("problems").get(0);
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("line").asInt()).isEqualTo(5);
    assertThat(problem.get("column").asInt()).isPositive();
  }

  @Test
  void anUnknownNodeTypeNamesTheNodeAndTheType() {
    Result r = validate(pipeline("unknown-node-type.json"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("error: node 'teleport'", "unknown node type 'teleporter'");
  }

  @Test
  void aMissingRequiredPropertyNamesTheNodeAndProperty() {
    Result r = validate(pipeline("missing-required-property.json"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("error: node 'only_home', property 'condition'");
  }

  @Test
  void aMisspelledPropertyIsAnErrorNamingTheRightOne() throws Exception {
    Result r = validate(pipeline("misspelled-property.json"));

    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out())
        .contains(
            "error: node 'clicks', property 'bootstrapServer': is not a property of kafka-source;"
                + " did you mean 'bootstrapServers'?",
            "misspelled-property.json: invalid, 1 error");

    JsonNode report =
        new ObjectMapper()
            .readTree(validate(pipeline("misspelled-property.json"), "--format", "json").out());
    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.get("problems").get(0).get("property").asText()).isEqualTo("bootstrapServer");
  }

  @Test
  void anEdgeToAMissingPortNamesTheNodeAndPort() {
    Result r = validate(pipeline("edge-to-missing-port.json"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("error: node 'only_home'", "'left'");
  }

  @Test
  void aCycleNamesTheNodesOnIt() {
    Result r = validate(pipeline("cycle.json"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("error: node 'first'", "error: node 'second'", "cycle");
  }

  @Test
  void sumOverAStringColumnNamesTheAggregateProperty() {
    Result r = validate(pipeline("sum-over-string.json"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("error: node 'totals', property 'aggregates", "STRING");
  }

  @Test
  void aFilterThatDoesNotParseIsCaughtByThePlannerAndPinnedOnTheCondition() {
    assertThat(CliHarness.run("sql", pipeline("unparsable-filter.json").toString()).exitCode())
        .as("the structural checks let it through; only Flink's parser can tell")
        .isZero();

    Result r = validate(pipeline("unparsable-filter.json"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("error: node 'only_home', property 'condition'");
  }

  @Test
  void aFileThatDoesNotExistSaysSo() {
    Result r = validate(pipeline("no-such-pipeline.json"));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("No pipeline file at", "no-such-pipeline.json");
  }

  @Test
  void aDirectoryIsNotAPipelineFile() {
    Result r = validate(pipeline(""));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("is a folder, not a pipeline file");
  }

  @Test
  void everyProblemLineNamesWhereToLookAndASummaryCounts() {
    Result r = validate(pipeline("cycle.json"));

    assertThat(r.out().lines().filter(l -> l.startsWith("error: ")))
        .allSatisfy(
            l -> assertThat(l).matches("error: (node '[^']+'|pipeline)(, property '[^']+')?: .+"));
    assertThat(r.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .containsPattern("cycle\\.json: invalid, \\d+ errors?");
    assertThat(r.err()).isEmpty();
  }
}
