package dev.streamwright.samples.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the samples' ONNX models and their cards into {@code <folder>/<id>/<id>.onnx} and {@code
 * <folder>/<id>/card.json}, so that anyone can rebuild the shipped models from the documented
 * weights and the seeded generators, byte for byte, without a download.
 *
 * <p>Run with {@code mvn -o -q -pl samples -am -Pmodels process-classes} (writes {@code
 * samples/models}); the only argument is the target folder.
 */
public final class SampleModelGenerator {

  private SampleModelGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SampleModelGenerator <models folder>");
    }
    writeAll(Path.of(args[0]));
  }

  /** Writes every sample model and card under {@code folder}, replacing older files. */
  public static void writeAll(Path folder) throws IOException {
    for (SampleModels sample : SampleModels.all()) {
      LogisticModel model = sample.model();
      Path dir = Files.createDirectories(folder.resolve(model.id()));
      byte[] onnx = OnnxWriter.write(model);
      Files.write(dir.resolve(model.fileName()), onnx);
      Files.write(dir.resolve("card.json"), ModelCard.write(sample, onnx));
    }
  }
}
