package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.process.AppFolders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SqlCommandTest {

  @Test
  void printsTheSameScriptByteForByteOnEveryRun() {
    Result first = CliHarness.run("sql", CliHarness.QUICKSTART.toString());
    Result second = CliHarness.run("sql", CliHarness.QUICKSTART.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("CREATE", "-- node clicks");
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void printsExactlyTheCompiledScript() {
    Result r = CliHarness.run("sql", CliHarness.pipeline("valid-filter.json").toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("-- Streamwright pipeline 'valid-filter'").endsWith(";\n");
  }

  @Test
  void dataFolderPathsAreWrittenUnderTheDataFolder() {
    Result r = CliHarness.run("sql", "../samples/fraud-detection/pipeline.json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).as("no warnings").isEmpty();
    Path data = AppFolders.detect().data().resolve("data");
    assertThat(r.out()).contains("'path' = '" + data + "/fraud-detection/hourly-spend'");
  }

  @Test
  void anInvalidPipelinePrintsItsProblemsOnStderrAndNoSql() {
    Result r = CliHarness.run("sql", CliHarness.pipeline("cycle.json").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error: node 'first'", "cycle");
  }

  @Test
  void aMissingFileIsAnInvalidPipeline() {
    Result r = CliHarness.run("sql", "no-such-file.json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err()).contains("No pipeline file at");
  }
}
