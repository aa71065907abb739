package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;

class StreamwrightCommandTest {

  @Test
  void withoutArgumentsPrintsTheHelpAndSucceeds() {
    Result r = CliHarness.run();

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: streamwright", "validate", "sql", "run", "Exit codes:");
  }

  @Test
  void versionNamesStreamwrightAndFlink() {
    Result r = CliHarness.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("Streamwright \\d+\\.\\d+").contains("Apache Flink 2.2");
  }

  @Test
  void subcommandHelpListsItsOptions() {
    Result r = CliHarness.run("run", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--duration", "--output", "table, jsonl", "--max-rows");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithAPointerToHelp() {
    Result r = CliHarness.run("validate", "--frobnicate", "x.json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--frobnicate", "streamwright validate --help");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithSuggestions() {
    Result r = CliHarness.run("valdate", "x.json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("valdate", "validate");
  }

  @Test
  void aMissingFileArgumentIsAUsageError() {
    assertThat(CliHarness.run("sql").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aBadDurationIsAUsageErrorThatSaysWhatIsAccepted() {
    Result r = CliHarness.run("run", CliHarness.QUICKSTART.toString(), "--duration", "soon");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("'soon' is not a duration", "10s");
  }

  @Test
  void maxRowsBelowOneIsAUsageError() {
    Result r = CliHarness.run("run", CliHarness.QUICKSTART.toString(), "--max-rows", "0");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--max-rows must be at least 1");
  }

  @Test
  void aBadOutputFormatIsAUsageError() {
    Result r = CliHarness.run("run", CliHarness.QUICKSTART.toString(), "--output", "xml");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("xml").containsIgnoringCase("table").containsIgnoringCase("jsonl");
  }

  @Test
  void outputFormatsAreCaseInsensitive() {
    Result r = CliHarness.run("run", "no-such-file.json", "--output", "JSONL");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_PIPELINE);
  }

  @Test
  void generatesABashCompletionScript() {
    Result r = CliHarness.run("generate-completion");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("complete -F", "streamwright", "validate", "--duration");
  }
}
