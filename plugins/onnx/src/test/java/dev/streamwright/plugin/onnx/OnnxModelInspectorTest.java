package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.streamwright.plugin.onnx.OnnxModelException.Problem;
import dev.streamwright.plugin.onnx.OnnxModelSignature.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the studio learns about a model file while a pipeline is designed. */
class OnnxModelInspectorTest {

  /** The committed sample model, from this module's folder (Maven runs tests there). */
  static final Path FRAUD_SCORER =
      Path.of("..", "..", "samples", "models", "fraud-scorer", "fraud-scorer.onnx");

  static final int STRING = 8;

  @TempDir Path dir;

  @Test
  void readsTheSampleModelsInputsAndOutputInModelOrder() throws Exception {
    OnnxModelSignature s = OnnxModelInspector.inspect(FRAUD_SCORER);
    assertThat(s.path()).isAbsolute().isEqualTo(FRAUD_SCORER.toAbsolutePath().normalize());
    assertThat(s.inputs().stream().map(Tensor::name))
        .containsExactly("amount", "avg_1min_spend", "tx_count_1min", "amount_ratio");
    Tensor amount = s.inputs().get(0);
    assertThat(amount.elementType()).isEqualTo("float");
    assertThat(amount.shape()).containsExactly(-1L, 1L);
    assertThat(amount.describeShape()).isEqualTo("[N,1]");
    assertThat(amount.supported()).isTrue();
    assertThat(amount.oneValuePerRow()).isTrue();
    assertThat(s.outputs()).hasSize(1);
    assertThat(s.outputs().get(0).name()).isEqualTo("fraud_score");
    assertThat(s.outputs().get(0).supported()).isTrue();
  }

  @Test
  void stringInputsAreReportedUnsupportedWithTheReason() throws Exception {
    Path model = OnnxModels.write(dir, "text.onnx", OnnxModels.identity("merchant", STRING, "y"));
    OnnxModelSignature s = OnnxModelInspector.inspect(model);
    Tensor merchant = s.input("merchant").orElseThrow();
    assertThat(merchant.elementType()).isEqualTo("string");
    assertThat(merchant.supported()).isFalse();
    assertThat(merchant.unsupportedReason()).contains("string tensor").contains("float32");
    assertThat(s.output("y").orElseThrow().supported()).isFalse();
  }

  @Test
  void integerInputsAreUnsupportedButDoubleOutputsAreFine() throws Exception {
    Path ints = OnnxModels.write(dir, "ints.onnx", OnnxModels.identity("x", OnnxModels.INT64, "y"));
    assertThat(OnnxModelInspector.inspect(ints).inputs().get(0).unsupportedReason())
        .contains("int64 tensor");
    Path doubles =
        OnnxModels.write(dir, "doubles.onnx", OnnxModels.identity("x", OnnxModels.DOUBLE, "y"));
    OnnxModelSignature s = OnnxModelInspector.inspect(doubles);
    assertThat(s.inputs().get(0).supported()).isFalse();
    assertThat(s.outputs().get(0).elementType()).isEqualTo("double");
    assertThat(s.outputs().get(0).supported()).isTrue();
  }

  @Test
  void aMissingFileSaysSo() {
    OnnxModelException e = failure(dir.resolve("nowhere.onnx"));
    assertThat(e.problem()).isEqualTo(Problem.MISSING);
    assertThat(e.getMessage()).contains("nowhere.onnx' does not exist");
  }

  @Test
  void aFolderIsNotAReadableFile() {
    OnnxModelException e = failure(dir);
    assertThat(e.problem()).isEqualTo(Problem.UNREADABLE);
    assertThat(e.getMessage()).contains("point at the .onnx file itself");
  }

  @Test
  void anEmptyFileSaysSo() throws Exception {
    OnnxModelException e = failure(Files.write(dir.resolve("empty.onnx"), new byte[0]));
    assertThat(e.problem()).isEqualTo(Problem.EMPTY);
    assertThat(e.getMessage()).contains("is empty");
  }

  @Test
  void aTextFileIsNotOnnx() throws Exception {
    OnnxModelException e = failure(Files.writeString(dir.resolve("notes.onnx"), "not a model\n"));
    assertThat(e.problem()).isEqualTo(Problem.NOT_ONNX);
    assertThat(e.getMessage()).contains("is not an ONNX model").contains("notes.onnx");
  }

  @Test
  void aCutOffModelIsReportedAsTruncated() throws Exception {
    byte[] whole = Files.readAllBytes(FRAUD_SCORER);
    Path half = Files.write(dir.resolve("half.onnx"), Arrays.copyOf(whole, whole.length / 2));
    OnnxModelException e = failure(half);
    assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
    assertThat(e.getMessage())
        .contains("is truncated, damaged or not a valid model")
        .contains("half.onnx");
  }

  @Test
  void aChangedFileIsReadAgainAndAnUnchangedOneComesFromTheCache() throws Exception {
    Path model =
        OnnxModels.write(
            dir,
            "m.onnx",
            OnnxModels.logisticPerFeature(
                List.of("a"), new float[] {1f}, 0f, "score", false, false));
    OnnxModelSignature first = OnnxModelInspector.inspect(model);
    assertThat(OnnxModelInspector.inspect(model)).isSameAs(first);

    OnnxModels.write(
        dir,
        "m.onnx",
        OnnxModels.logisticPerFeature(
            List.of("a", "b"), new float[] {1f, 2f}, 0f, "score", false, false));
    Files.setLastModifiedTime(model, FileTime.fromMillis(86_400_000L));
    OnnxModelSignature second = OnnxModelInspector.inspect(model);
    assertThat(second.inputs().stream().map(Tensor::name)).containsExactly("a", "b");
  }

  private static OnnxModelException failure(Path path) {
    return catchThrowableOfType(OnnxModelException.class, () -> OnnxModelInspector.inspect(path));
  }
}
