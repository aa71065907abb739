package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamwright model reference}: show the card's references, set one from a file. */
class ModelReferenceCommandTest {

  private static final Path MODELS = Path.of("../samples/models");

  @TempDir Path tmp;

  private Path copyModels() throws Exception {
    Path to = tmp.resolve("models/fraud-scorer");
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(MODELS.resolve("fraud-scorer"))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return tmp.resolve("models");
  }

  @Test
  void aFileOfRowsBecomesTheReferenceOfThisVersionAndIsKept() throws Exception {
    Path models = copyModels();
    String ws = tmp.resolve("ws").toString();
    Result shown =
        CliHarness.run(
            "model", "reference", "fraud-scorer", "--dir", models.toString(), "--workspace", ws);
    assertThat(shown.exitCode()).as(shown.all()).isZero();
    assertThat(shown.out())
        .contains("fraud-scorer v1 drift references")
        .containsPattern(
            "amount +numeric, 20000 rows, 10 bins, sample of \\d+ +from model card"
                + " fraud-scorer v1");

    Path rows = Files.writeString(tmp.resolve("rows.csv"), "amount,other\n1,a\n2,b\n3,c\n");
    Result set =
        CliHarness.run(
            "model",
            "reference",
            "fraud-scorer",
            "--from",
            rows.toString(),
            "--dir",
            models.toString(),
            "--workspace",
            ws);
    assertThat(set.exitCode()).as(set.all()).isZero();
    assertThat(set.out())
        .containsPattern(
            "amount +numeric, 3 rows, \\d+ bins, sample of 3 +from" + " file rows.csv");

    Result again =
        CliHarness.run(
            "model", "reference", "fraud-scorer", "--dir", models.toString(), "--workspace", ws);
    assertThat(again.out()).contains("from file rows.csv").contains("from model card");

    Result cleared =
        CliHarness.run(
            "model",
            "reference",
            "fraud-scorer",
            "--clear",
            "--dir",
            models.toString(),
            "--workspace",
            ws);
    assertThat(cleared.exitCode()).isZero();
    assertThat(cleared.out()).doesNotContain("rows.csv");
  }

  @Test
  void badFilesAndNamesSayWhatIsWrong() throws Exception {
    Path models = copyModels();
    String ws = tmp.resolve("ws").toString();
    Path bad = Files.writeString(tmp.resolve("bad.csv"), "amount,x\n1,2\n3\n");
    Result r =
        CliHarness.run(
            "model",
            "reference",
            "fraud-scorer",
            "--from",
            bad.toString(),
            "--dir",
            models.toString(),
            "--workspace",
            ws);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err()).contains("bad.csv line 3: 1 fields where the header has 2");

    Path unrelated = Files.writeString(tmp.resolve("u.jsonl"), "{\"x\": 1}\n");
    Result none =
        CliHarness.run(
            "model",
            "reference",
            "fraud-scorer",
            "--from",
            unrelated.toString(),
            "--dir",
            models.toString(),
            "--workspace",
            ws);
    assertThat(none.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(none.err())
        .contains("has none of the columns of model 'fraud-scorer'")
        .contains("its columns are x");

    Result missing =
        CliHarness.run("model", "reference", "nope", "--dir", models.toString(), "--workspace", ws);
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(missing.err()).contains("There is no model 'nope'");
  }
}
