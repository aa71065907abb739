package dev.streamwright.designer.document.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.models.ModelDetails.Slot;
import dev.streamwright.designer.document.models.ModelDetails.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the property sheet learns about a model file, read from real ONNX files. */
class ModelDetailsReaderTest {

  /** The repository's sample models, from the designer module (Maven runs tests there). */
  private static final Path SAMPLES =
      Path.of("..", "samples", "models").toAbsolutePath().normalize();

  /** The engine's tiny test models (runtime/engine/src/test/resources/models/README.md). */
  private static final Path TEST_MODELS =
      Path.of("../runtime/engine/src/test/resources/models").toAbsolutePath().normalize();

  private final ModelDetailsReader reader = new ModelDetailsReader();

  @TempDir Path dir;

  @Test
  void relativePathsStartAtModelsDir() {
    assertThat(ModelDetailsReader.resolve("fraud-scorer/fraud-scorer.onnx", SAMPLES.toString()))
        .isEqualTo(SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"));
    assertThat(ModelDetailsReader.resolve("/m/x.onnx", SAMPLES.toString()))
        .isEqualTo(Path.of("/m/x.onnx"));
    assertThat(ModelDetailsReader.resolve("  ", SAMPLES.toString())).isNull();
  }

  @Test
  void theFraudSampleHasOneSlotPerInputAndAVerifiedCard() {
    ModelDetails d = reader.read(SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"));
    assertThat(d.problem()).isNull();
    assertThat(d.slots())
        .extracting(Slot::label)
        .containsExactly("amount", "avg_1min_spend", "tx_count_1min", "amount_ratio");
    assertThat(d.card().version()).isEqualTo(1);
    assertThat(d.verification()).isEqualTo(Verification.VERIFIED);
    assertThat(d.cardInput("amount").max()).isEqualTo(100000.0);
  }

  @Test
  void aMatrixInputHasOneSlotPerValueAndAMixedOneNone() {
    assertThat(reader.read(TEST_MODELS.resolve("matrix4-input.onnx")).slots())
        .extracting(Slot::label)
        .containsExactly(
            "float_input [1 of 4]",
            "float_input [2 of 4]",
            "float_input [3 of 4]",
            "float_input [4 of 4]");
    assertThat(reader.read(TEST_MODELS.resolve("matrix-and-column-input.onnx")).slots())
        .extracting(Slot::label)
        .as("the node refuses the [N,2] input beside another; only y gets a slot")
        .containsExactly("y");
  }

  @Test
  void aModelWithoutACardSaysSo() {
    ModelDetails d = reader.read(TEST_MODELS.resolve("matrix4-input.onnx"));
    assertThat(d.card()).isNull();
    assertThat(d.verification()).isEqualTo(Verification.NO_CARD);
    assertThat(d.verificationText()).startsWith("No card.json lies next to the model");
  }

  @Test
  void aMissingFileIsAProblemNotAnException() {
    ModelDetails d = reader.read(dir.resolve("nope.onnx"));
    assertThat(d.signature()).isNull();
    assertThat(d.problem()).contains("does not exist");
    assertThat(d.slots()).isEmpty();
  }

  @Test
  void aTruncatedRegisteredFileSaysWhatIsWrongAndThatItChanged() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("fraud-scorer"));
    byte[] whole = Files.readAllBytes(SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"));
    Path half =
        Files.write(folder.resolve("fraud-scorer.onnx"), Arrays.copyOf(whole, whole.length / 2));
    Files.copy(
        SAMPLES.resolve("fraud-scorer/card.json"),
        folder.resolve("card.json"),
        StandardCopyOption.REPLACE_EXISTING);
    ModelDetails d = reader.read(half);
    assertThat(d.problem()).contains("is truncated, damaged or not a valid model");
    assertThat(d.verification()).isEqualTo(Verification.CHANGED);
    assertThat(d.verificationText())
        .startsWith("fraud-scorer.onnx changed since it was registered as version 1");
  }

  @Test
  void aCardForAnotherFileIsNotApplied() throws Exception {
    Path model =
        Files.copy(SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"), dir.resolve("renamed.onnx"));
    Files.copy(SAMPLES.resolve("fraud-scorer/card.json"), dir.resolve("card.json"));
    ModelDetails d = reader.read(model);
    assertThat(d.card()).isNull();
    assertThat(d.cardProblem())
        .isEqualTo(
            "The card.json next to the model describes fraud-scorer.onnx, not renamed.onnx; its"
                + " ranges and checksum do not apply to this file.");
  }

  @Test
  void aFileReadAgainUnchangedIsTheCachedResultAndAChangedOneIsReadAgain() throws Exception {
    Path model =
        Files.copy(SAMPLES.resolve("fraud-scorer/fraud-scorer.onnx"), dir.resolve("m.onnx"));
    ModelDetails first = reader.read(model);
    assertThat(reader.read(model)).isSameAs(first);
    Files.write(model, "not a model".getBytes());
    assertThat(reader.read(model).problem()).contains("is not an ONNX model");
  }
}
