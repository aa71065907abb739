package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamwright model list|verify} on the sample models and on copies a test breaks. */
class ModelCommandTest {

  private static final Path MODELS = Path.of("../samples/models");

  @TempDir Path tmp;

  @Test
  void listShowsEachSampleModelWithItsInputsAndOutput() {
    Result r = CliHarness.run("model", "list", "--dir", MODELS.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .hasSize(3)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("fraud-scorer")
                    .contains(
                        "amount, avg_1min_spend, tx_count_1min, amount_ratio -> fraud_score"));
  }

  @Test
  void verifyScoresEveryExampleOfACardWithinItsTolerance() {
    Result r =
        CliHarness.run("model", "verify", MODELS.resolve("fraud-scorer/card.json").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("fraud-scorer v1: fraud-scorer.onnx, SHA-256 as registered");
    assertThat(r.out()).containsPattern("(\\d+) of \\1 examples within 1e-06");
    assertThat(r.out()).doesNotContain("FAIL");
  }

  @Test
  void aChangedModelFileIsRefusedBeforeScoring() throws Exception {
    Path card = copy("churn-risk");
    Path model = card.resolveSibling("churn-risk.onnx");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(model, bytes);

    Result r = CliHarness.run("model", "verify", card.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err()).contains("churn-risk.onnx changed since it was registered");
  }

  @Test
  void aWrongExpectedOutputFailsTheExample() throws Exception {
    Path card = copy("maintenance-risk");
    String text = Files.readString(card);
    // Shift the first example's expected probability far beyond the tolerance.
    String changed = text.replaceFirst("(\"failure_probability\"\\s*:\\s*)0\\.", "$10.5");
    assertThat(changed).isNotEqualTo(text);
    Files.writeString(card, changed);

    Result r = CliHarness.run("model", "verify", card.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.out()).contains("FAIL example 1");
  }

  @Test
  void aTruncatedModelWithAMatchingHashCannotBeLoaded() throws Exception {
    Path card = copy("fraud-scorer");
    Path model = card.resolveSibling("fraud-scorer.onnx");
    byte[] bytes = Files.readAllBytes(model);
    Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    String sha = dev.streamwright.runtime.models.ModelRegistry.sha256(model);
    Files.writeString(
        card,
        Files.readString(card)
            .replaceFirst("\"sha256\"\\s*:\\s*\"[0-9a-f]+\"", "\"sha256\": \"" + sha + "\""));

    Result r = CliHarness.run("model", "verify", card.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err()).contains("fraud-scorer.onnx is not a model ONNX Runtime can load");
  }

  @Test
  void inspectPrintsTheSignatureAsOnnxRuntimeReadsIt() {
    Result r =
        CliHarness.run(
            "model", "inspect", MODELS.resolve("fraud-scorer/fraud-scorer.onnx").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("input +amount +float +\\[N,1\\]")
        .containsPattern("input +amount_ratio +float +\\[N,1\\]")
        .containsPattern("output +fraud_score +float +\\[N,1\\]")
        .doesNotContain("not usable");
  }

  @Test
  void inspectNamesWhatIsWrongWithAFileThatIsNotAModel() throws Exception {
    Path notOnnx = Files.writeString(tmp.resolve("notes.onnx"), "these are not weights");
    Result r = CliHarness.run("model", "inspect", notOnnx.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err()).contains("notes.onnx");
    assertThat(r.out()).isEmpty();

    Result missing = CliHarness.run("model", "inspect", tmp.resolve("nope.onnx").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(missing.err()).contains("nope.onnx");
  }

  @Test
  void registerCopiesAUsableModelAndThenVerifiesAgainstItsCard() throws Exception {
    Path models = tmp.resolve("models");
    Path file = Files.copy(MODELS.resolve("churn-risk/churn-risk.onnx"), tmp.resolve("Churn.onnx"));

    Result r = CliHarness.run("model", "register", file.toString(), "--dir", models.toString());
    Result again = CliHarness.run("model", "register", file.toString(), "--dir", models.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("churn v1 registered", "churn/churn.onnx");
    assertThat(again.out()).as("the same bytes again").contains("churn v1 registered");
    assertThat(models.resolve("churn/churn.onnx")).hasSameBinaryContentAs(file);
    Result list = CliHarness.run("model", "list", "--dir", models.toString());
    assertThat(list.out()).contains("churn", "avg_call_duration", "churn_probability");
  }

  @Test
  void registerRefusesAFileThatIsNotAModelAndWritesNothing() throws Exception {
    Path models = tmp.resolve("models");
    Path notOnnx = Files.writeString(tmp.resolve("notes.onnx"), "these are not weights");

    Result r =
        CliHarness.run(
            "model", "register", notOnnx.toString(), "--id", "notes", "--dir", models.toString());
    Result badId =
        CliHarness.run(
            "model",
            "register",
            MODELS.resolve("churn-risk/churn-risk.onnx").toString(),
            "--id",
            "Churn Risk",
            "--dir",
            models.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(r.err()).contains("notes.onnx", "is not an ONNX model");
    assertThat(badId.exitCode()).isEqualTo(ExitCodes.INVALID_PIPELINE);
    assertThat(badId.err()).contains("is not a model id");
    assertThat(models).doesNotExist();
  }

  private Path copy(String id) throws Exception {
    Path folder = Files.createDirectories(tmp.resolve(id));
    for (String f : List.of("card.json", id + ".onnx")) {
      Files.copy(MODELS.resolve(id).resolve(f), folder.resolve(f));
    }
    return folder.resolve("card.json");
  }
}
