package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamwright prices} in-process, on a workspace of its own. */
class PricesCommandTest {

  @TempDir Path dir;

  private Result run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--workspace";
    all[args.length + 1] = dir.resolve("ws").toString();
    return CliHarness.run(all);
  }

  @Test
  void listShowsThePresetsAsDatedEstimatesAndWhatEachEnvironmentUses() {
    Result r = run("prices", "list");

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("local", "aws-us-east-1", "gcp-us-central1", "azure-eastus")
        .contains("preset, estimate")
        .contains("2026-12-07")
        .contains("Presets are estimates")
        .containsPattern("embedded\\s+local\\s+0\\.5\\s+1\\.0\\s+1\\.0\\s+2\\.0");
  }

  @Test
  void aShownPresetCopiedUnderANewNameImportsAndPricesAnEnvironment() throws Exception {
    Result show = run("prices", "show", "aws-us-east-1");
    assertThat(show.out())
        .contains("(preset, estimate, prices of 2026-12-07)")
        .contains("https://aws.amazon.com/ec2/pricing/on-demand/");

    Result json = run("prices", "show", "aws-us-east-1", "--json");
    ObjectMapper m = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode p =
        (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(json.out());
    p.put("name", "team rates").put("cpuCoreHour", 0.04).put("estimate", false);
    Path file = dir.resolve("team.json");
    Files.writeString(file, p.toPrettyString());

    Result imported = run("prices", "import", file.toString());
    assertThat(imported.exitCode()).as(imported.all()).isZero();
    assertThat(imported.err()).contains("Saved the price profile 'team rates'");
    Result use = run("prices", "use", "embedded", "team rates");
    assertThat(use.exitCode()).as(use.all()).isZero();
    assertThat(use.err()).contains("priced with 'team rates' (yours, prices of 2026-12-07)");

    JsonNode list = m.readTree(run("prices", "list", "--format", "json").out());
    assertThat(list.path("profiles")).hasSize(5);
    assertThat(list.path("profiles").get(4).path("cpuCoreHour").asDouble()).isEqualTo(0.04);
    assertThat(list.path("environments").get(0).path("profile").asText()).isEqualTo("team rates");
  }

  @Test
  void aBadPriceFileIsRefusedWithEveryProblemAndNothingSaved() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        "{\"name\": \"x\", \"currency\": \"euro\", \"cpuCoreHour\": \"0.1\", \"memoryGibHour\": -1,"
            + " \"kafkaReadGb\": 0, \"kafkaWrittenGb\": 0, \"checkpointGbMonth\": 0,"
            + " \"pricesTakenOn\": \"07.12.2026\", \"source\": \"s\", \"estimate\": false,"
            + " \"cpu\": 1}");

    Result r = run("prices", "import", file.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err())
        .contains("bad.json")
        .contains("\"cpu\" is not a field")
        .contains("cpuCoreHour must be a number without quotes")
        .contains("memoryGibHour must be a price of at least 0")
        .contains("pricesTakenOn must be a day written 2026-12-07")
        .contains("currency must be an ISO 4217 code");
    assertThat(run("prices", "list", "--format", "json").out()).doesNotContain("\"x\"");

    Files.writeString(file, "{ not json");
    assertThat(run("prices", "import", file.toString()).err()).contains("not valid JSON");
    Result missing = run("prices", "import", dir.resolve("none.json").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(missing.err()).contains("there is no file");
  }

  @Test
  void unknownNamesAndBadResourcesAreUsageErrors() {
    Result env = run("prices", "use", "staging", "local");
    assertThat(env.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(env.err()).contains("There is no environment 'staging'");

    Result profile = run("prices", "show", "cheap");
    assertThat(profile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(profile.err()).contains("There is no price profile 'cheap'").contains("local");

    Result bad = run("prices", "resources", "embedded", "--cores-per-slot", "-1");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("coresPerSlot must be a number above 0");

    Result set = run("prices", "resources", "embedded", "--cores-per-slot", "2");
    assertThat(set.exitCode()).as(set.all()).isZero();
    assertThat(run("prices", "resources", "embedded").out())
        .contains("embedded: 2.0 core and 1.0 GiB per slot, a JobManager of 1.0 core and 2.0 GiB");

    Result preset = run("prices", "remove", "local");
    assertThat(preset.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(preset.err()).contains("presets cannot be removed");
  }
}
