package dev.streamwright.samples.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped models are exactly what the generator makes: users who regenerate them get the same
 * bytes, and the cards tell the truth about the files and the pipelines they belong to.
 */
class SampleModelGeneratorTest {

  private static final Path COMMITTED = Path.of("models");
  private static final Path REGENERATED = Path.of("target", "regenerated-models");
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void regenerate() throws IOException {
    if (Files.exists(REGENERATED)) {
      try (Stream<Path> old = Files.walk(REGENERATED)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    SampleModelGenerator.writeAll(REGENERATED);
  }

  @Test
  void regeneratesEveryCommittedModelFileByteForByte() throws IOException {
    TreeMap<String, Path> committed = generatedFiles(COMMITTED);
    TreeMap<String, Path> regenerated = generatedFiles(REGENERATED);

    assertThat(regenerated.keySet())
        .containsExactlyElementsOf(committed.keySet())
        .contains(
            "fraud-scorer/fraud-scorer.onnx",
            "fraud-scorer/card.json",
            "maintenance-risk/maintenance-risk.onnx",
            "maintenance-risk/card.json",
            "churn-risk/churn-risk.onnx",
            "churn-risk/card.json");
    for (String file : committed.keySet()) {
      assertThat(Files.readAllBytes(regenerated.get(file)))
          .as("%s differs from the committed file: regenerate with the README's command", file)
          .isEqualTo(Files.readAllBytes(committed.get(file)));
    }
  }

  @Test
  void everyCardNamesTheSha256OfItsOnnxFile() throws IOException {
    for (SampleModels sample : SampleModels.all()) {
      Path dir = COMMITTED.resolve(sample.model().id());
      JsonNode card = JSON.readTree(dir.resolve("card.json").toFile());
      byte[] onnx = Files.readAllBytes(dir.resolve(card.get("file").asText()));
      assertThat(card.get("sha256").asText())
          .as(sample.model().id())
          .isEqualTo(ModelCard.sha256(onnx))
          .hasSize(64);
    }
  }

  @Test
  void everySamplePipelineScoresWithItsModel() throws IOException {
    for (SampleModels sample : SampleModels.all()) {
      LogisticModel model = sample.model();
      JsonNode pipeline = JSON.readTree(Path.of(model.sample(), "pipeline.json").toFile());
      JsonNode node =
          stream(pipeline.get("nodes"))
              .filter(n -> n.get("id").asText().equals(model.pipelineNode()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no node " + model.pipelineNode()));
      assertThat(node.get("type").asText()).as(model.id()).isEqualTo("model-score");
      assertThat(node.get("properties").get("model").asText())
          .as(model.id())
          .isEqualTo(model.id() + "/" + model.id() + ".onnx");
    }
  }

  /** Every file the generator owns: everything under the folder except the hand-written README. */
  private static TreeMap<String, Path> generatedFiles(Path root) throws IOException {
    TreeMap<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        if (!relative.equals("README.md")) {
          files.put(relative, p);
        }
      }
    }
    return files;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
