package dev.streamwright.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry on the sample models, and on copies a test damages. */
class ModelRegistryTest {

  private static final Path SAMPLES = Path.of("../../samples/models");

  @TempDir Path tmp;

  @Test
  void theSampleModelsAreARegistryWithTheirCards() {
    ModelRegistry registry = ModelRegistry.at(SAMPLES);
    assertThat(registry.list())
        .extracting(ModelCard::id)
        .containsExactly("churn-risk", "fraud-scorer", "maintenance-risk");
    ModelCard fraud = registry.card("fraud-scorer");
    assertThat(fraud.inputs())
        .extracting(ModelCard.Input::name)
        .containsExactly("amount", "avg_1min_spend", "tx_count_1min", "amount_ratio");
    assertThat(fraud.output().name()).isEqualTo("fraud_score");
    assertThat(fraud.examples()).isNotEmpty();
    assertThat(fraud.examples().get(0).inputs())
        .containsOnlyKeys("amount", "avg_1min_spend", "tx_count_1min", "amount_ratio");
    assertThat(fraud.referenceProfile().path("columns").has("amount")).isTrue();
    assertThat(registry.verifiedFile("fraud-scorer")).hasFileName("fraud-scorer.onnx");
  }

  @Test
  void anUnknownIdNamesTheRegisteredOnes() {
    assertThatThrownBy(() -> ModelRegistry.at(SAMPLES).card("fraud"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("There is no model 'fraud'")
        .hasMessageContaining("[churn-risk, fraud-scorer, maintenance-risk]");
  }

  @Test
  void aModelFileChangedSinceRegistrationIsRefused() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("fraud-scorer"));
    for (String f : List.of("card.json", "fraud-scorer.onnx")) {
      Files.copy(SAMPLES.resolve("fraud-scorer").resolve(f), folder.resolve(f));
    }
    byte[] bytes = Files.readAllBytes(folder.resolve("fraud-scorer.onnx"));
    bytes[bytes.length - 1] ^= 1;
    Files.write(folder.resolve("fraud-scorer.onnx"), bytes);

    assertThatThrownBy(() -> ModelRegistry.at(tmp).verifiedFile("fraud-scorer"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("fraud-scorer.onnx changed since it was registered")
        .hasMessageContaining("register the new one as a new version");
  }

  @Test
  void aRegisteredFileIsCheckedAgainstItsCardAndAChangeIsSeenAtOnce() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("fraud-scorer"));
    for (String f : List.of("card.json", "fraud-scorer.onnx")) {
      Files.copy(SAMPLES.resolve("fraud-scorer").resolve(f), folder.resolve(f));
    }
    Path model = folder.resolve("fraud-scorer.onnx");
    assertThat(ModelRegistry.registrationProblem(model)).isEmpty();

    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length - 1] ^= 1;
    Files.write(model, bytes);
    Files.setLastModifiedTime(
        model, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    assertThat(ModelRegistry.registrationProblem(model))
        .hasValueSatisfying(p -> assertThat(p).contains("changed since it was registered"));
    Path loose = Files.copy(model, tmp.resolve("loose.onnx"));
    assertThat(ModelRegistry.registrationProblem(loose)).as("no card describes it").isEmpty();
  }

  @Test
  void aMissingModelFileIsRefused() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("fraud-scorer"));
    Files.copy(SAMPLES.resolve("fraud-scorer/card.json"), folder.resolve("card.json"));
    assertThatThrownBy(() -> ModelRegistry.at(tmp).verifiedFile("fraud-scorer"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("is missing; restore it or register the model again");
  }

  @Test
  void registeringCopiesTheFileWithItsHashAndOtherBytesMakeANewVersion() throws Exception {
    ModelRegistry registry = ModelRegistry.at(tmp.resolve("models"));
    Path source = SAMPLES.resolve("churn-risk/churn-risk.onnx");
    List<ModelCard.Input> inputs =
        List.of(
            new ModelCard.Input("avg_call_duration", "float32", Double.NaN, Double.NaN, ""),
            new ModelCard.Input("negative_call_ratio", "float32", Double.NaN, Double.NaN, ""));
    ModelCard.Output output = new ModelCard.Output("churn_probability", "float32", "");

    ModelCard first = registry.register(source, "my-churn", inputs, output);
    ModelCard again = registry.register(source, "my-churn", inputs, output);
    Path other = SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx");
    ModelCard second = registry.register(other, "my-churn", inputs, output);

    assertThat(first.version()).isEqualTo(1);
    assertThat(again.version()).as("the same bytes again").isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.sha256()).isEqualTo(ModelRegistry.sha256(other));
    assertThat(registry.verifiedFile("my-churn")).hasSameBinaryContentAs(other);
    assertThat(registry.list()).extracting(ModelCard::id).containsExactly("my-churn");
    try (var files = Files.list(tmp.resolve("models/my-churn"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no half-written files left")
          .containsExactlyInAnyOrder("card.json", "my-churn.onnx");
    }
  }

  @Test
  void registeringAFileReadsItsSignatureIntoTheCard() throws Exception {
    ModelRegistry registry = ModelRegistry.at(tmp.resolve("models"));
    Path file =
        Files.copy(
            SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"), tmp.resolve("My Scorer.onnx"));

    String id = ModelRegistry.suggestId(file);
    ModelCard card = registry.register(file, id);

    assertThat(id).isEqualTo("my-scorer");
    assertThat(card.inputs())
        .extracting(ModelCard.Input::name)
        .containsExactly("amount", "avg_1min_spend", "tx_count_1min", "amount_ratio");
    assertThat(card.inputs()).extracting(ModelCard.Input::elementType).containsOnly("float32");
    assertThat(card.output().name()).isEqualTo("fraud_score");
    assertThat(ModelRegistry.modelPath(card)).isEqualTo("my-scorer/my-scorer.onnx");
    assertThat(registry.verifiedFile("my-scorer")).hasSameBinaryContentAs(file);
  }

  @Test
  void aFileThatIsNotAnOnnxModelIsRefusedBeforeAnythingIsWritten() throws Exception {
    ModelRegistry registry = ModelRegistry.at(tmp.resolve("models"));
    Path text = Files.writeString(tmp.resolve("notes.onnx"), "not a model\n");
    byte[] model = Files.readAllBytes(SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"));
    Path truncated =
        Files.write(tmp.resolve("half.onnx"), java.util.Arrays.copyOf(model, model.length / 2));

    assertThatThrownBy(() -> registry.register(text, "notes"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("is not an ONNX model");
    assertThatThrownBy(() -> registry.register(truncated, "half"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> registry.register(text, "Not An Id"))
        .hasMessageContaining("is not a model id");
    assertThat(tmp.resolve("models")).doesNotExist();
  }

  @Test
  void adoptingCopiesMissingAndNewerModelsAndKeepsTheRest() throws Exception {
    ModelRegistry workspace = ModelRegistry.at(tmp.resolve("workspace-models"));
    ModelRegistry samples = ModelRegistry.at(SAMPLES);

    assertThat(workspace.adopt(samples))
        .containsExactly("churn-risk", "fraud-scorer", "maintenance-risk");
    assertThat(workspace.verifiedFile("fraud-scorer"))
        .hasSameBinaryContentAs(SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"));
    assertThat(workspace.card("fraud-scorer").examples()).isNotEmpty();
    assertThat(workspace.adopt(samples)).as("second start").isEmpty();

    // The user registered other bytes as churn-risk version 2: a newer sample version 1 stays out.
    workspace.register(
        SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"),
        "churn-risk",
        workspace.card("fraud-scorer").inputs(),
        workspace.card("fraud-scorer").output());
    assertThat(workspace.adopt(samples)).isEmpty();
    assertThat(workspace.card("churn-risk").version()).isEqualTo(2);
  }

  @Test
  void aBadIdOrMissingFileIsRefusedAndNothingIsWritten() {
    ModelRegistry registry = ModelRegistry.at(tmp.resolve("models"));
    ModelCard.Output output = new ModelCard.Output("y", "float32", "");
    assertThatThrownBy(() -> registry.register(SAMPLES, "Fraud Scorer", List.of(), output))
        .hasMessageContaining("is not a model id");
    assertThatThrownBy(
            () -> registry.register(tmp.resolve("nope.onnx"), "fraud", List.of(), output))
        .hasMessageContaining("There is no model file");
    assertThat(tmp.resolve("models")).doesNotExist();
  }
}
