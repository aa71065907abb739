package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The tiny models in runtime/engine/src/test/resources/models are exactly what {@link OnnxModels}
 * writes, so anyone can see how each was made and remake it: run this test with {@code
 * -Dstreamwright.test-models.write=true} to (re)write them. The runtime module has no protobuf on
 * its test classpath, which is why they are files there.
 */
class RuntimeTestModelsTest {

  /** The runtime module's test models, from this module (Maven runs tests there). */
  private static final Path DIR =
      Path.of("../../runtime/engine/src/test/resources/models").toAbsolutePath();

  private static Map<String, byte[]> models() {
    Map<String, byte[]> m = new TreeMap<>();
    m.put("text-input.onnx", OnnxModels.identity("merchant", 8, "merchant_out"));
    m.put("matrix-input.onnx", OnnxModels.logisticMatrix("x", new float[] {1, 2}, 0, "score"));
    m.put(
        "matrix4-input.onnx",
        OnnxModels.logisticMatrix("float_input", new float[] {0.5f, -1, 0.25f, 2}, -0.5f, "risk"));
    m.put(
        "dynamic-width-input.onnx",
        OnnxModels.logisticDynamicWidth("x", new float[] {1, 2}, 0, "score"));
    m.put(
        "matrix-and-column-input.onnx",
        OnnxModels.logisticMatrixAndColumn("x", 2, "y", new float[] {1, 2, 3}, 0, "score"));
    return m;
  }

  @Test
  void eachCheckedInModelIsWhatOnnxModelsWrites() throws Exception {
    boolean write = Boolean.getBoolean("streamwright.test-models.write");
    for (Map.Entry<String, byte[]> e : models().entrySet()) {
      Path file = DIR.resolve(e.getKey());
      if (write) {
        Files.write(file, e.getValue());
      }
      assertThat(Files.readAllBytes(file)).as(e.getKey()).isEqualTo(e.getValue());
    }
  }
}
