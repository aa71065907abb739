package dev.streamwright.app.cli;

import static dev.streamwright.app.cli.CliHarness.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.process.ExitActions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pipeline file that is not JSON, or holds null or a value of the wrong kind, is exit code 1 with
 * a message in words for every command that reads one: where (file, line, column, path) and what to
 * change, never Jackson's wording or a crash.
 */
class FileErrorsCommandTest {

  private final FakeRuntime runtime = new FakeRuntime();

  private Result run(String command, String file) {
    return CliHarness.run(() -> runtime, new ExitActions(), command, pipeline(file).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "sql", "run"})
  void aNullNodeIsExitOneAndNamesTheEntry(String command) {
    Result r = run(command, "null-node.json");

    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.all())
        .contains(
            "error: "
                + pipeline("null-node.json")
                + ": line 5, column 5: nodes[0]: a node must be an object, not null")
        .doesNotContain("failed unexpectedly", "Cannot invoke", "Exception");
    assertThat(runtime.deployed).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "sql", "run"})
  void aTruncatedFileSaysWhereItEndsInTheUsersWords(String command) {
    Result r = run(command, "truncated.json");

    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.all())
        .contains(
            "error: "
                + pipeline("truncated.json")
                + ": line 1, column 12: the file ends inside the \"nodes\" list that opens at line"
                + " 1, column 11")
        .doesNotContain("marker", "Source", "end-of-input", "Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "sql", "run"})
  void aValueOfTheWrongKindNamesItsPath(String command) {
    Result r = run(command, "wrong-kind.json");

    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.all())
        .contains(": line 5, column 59: nodes[0].position.x must be a number, not text (\"ten\")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "sql", "run"})
  void nullsInsideAPropertyAreTheNodesProblemsNotACrash(String command) {
    Result r = run(command, "null-in-property.json");

    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.all())
        .contains(
            "error: node 'clicks', property 'columns': item 1 must be an object",
            "error: node 'clicks', property 'columns': item 2 must be an object")
        .doesNotContain("failed unexpectedly", "Exception");
  }

  @Test
  void aTruncatedModelCardIsExitOneInWords(@TempDir Path dir) throws Exception {
    Path card = Files.writeString(dir.resolve("card.json"), "{\"id\": \"m\", \"inputs\": [");

    Result r = CliHarness.run(() -> runtime, new ExitActions(), "model", "verify", card.toString());

    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err())
        .isEqualTo(
            "The model card "
                + card
                + ": line 1, column 24: the file ends inside the \"inputs\" list that opens at"
                + " line 1, column 23.\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null-node.json", "truncated.json"})
  void theJsonReportCarriesTheLineAndColumn(String file) throws Exception {
    Result r =
        CliHarness.run(
            () -> runtime,
            new ExitActions(),
            "validate",
            pipeline(file).toString(),
            "--format",
            "json");

    assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    JsonNode problem = new ObjectMapper().readTree(r.out()).get("problems").get(0);
    assertThat(problem.get("line").asInt()).isPositive();
    assertThat(problem.get("column").asInt()).isPositive();
    assertThat(problem.get("message").asText()).contains(": line ");
  }
}
