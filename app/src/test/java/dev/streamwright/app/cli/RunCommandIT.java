package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.cli.CliHarness.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quickstart, end to end on the embedded Flink, as a user runs it from the README. */
class RunCommandIT {

  @Test
  void theQuickstartStreamsClickCountsPerUserAsJsonLines() throws Exception {
    Result r =
        CliHarness.run(
            "run", CliHarness.QUICKSTART.toString(), "--duration", "15s", "--output", "jsonl");

    assertThat(r.exitCode()).as(r.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : r.out().lines().toList()) {
      rows.add(json.readTree(line));
    }
    assertThat(rows).as("rows printed in 15 s; stderr: %s", r.err()).isNotEmpty();
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.fieldNames().next()).isEqualTo("sink");
              assertThat(row.get("sink").asText()).isEqualTo("preview");
              assertThat(row.get("user_id").asText()).startsWith("user-");
              assertThat(row.get("clicks").asLong()).isPositive();
            });
    assertThat(r.err()).contains("Stopped after 15s");
  }

  @Test
  void theTableOutputOfAFilterPipelineIsReadable() {
    Result r =
        CliHarness.run(
            "run",
            CliHarness.pipeline("valid-filter.json").toString(),
            "--max-rows",
            "5",
            "--duration",
            "30s");

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(8);
    assertThat(lines.get(0)).isEqualTo("[preview]");
    assertThat(lines.get(1)).contains("user_num", "event_time", "user_id", "page");
    assertThat(lines.subList(3, 8)).allSatisfy(l -> assertThat(l).contains("/home"));
  }
}
