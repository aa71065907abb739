package dev.streamwright.samples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each shipped model loads in ONNX Runtime, the engine Streamwright scores with, shows the inputs
 * and output its card documents, and scores the card's example rows as the card says, one row at a
 * time and in batches, so the card is something a user can rely on.
 */
class SampleModelsOnnxRuntimeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Enough rows to cycle every example several times in one call. */
  private static final int BATCH = 64;

  /** The card of a model and the session that scores with it. */
  private record Loaded(JsonNode card, OrtSession session) implements AutoCloseable {

    static Loaded of(String id) throws IOException, OrtException {
      Path dir = Path.of("models", id);
      JsonNode card = JSON.readTree(dir.resolve("card.json").toFile());
      byte[] onnx = Files.readAllBytes(dir.resolve(card.get("file").asText()));
      OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx);
      return new Loaded(card, session);
    }

    List<String> inputNames() {
      List<String> names = new ArrayList<>();
      card.get("inputs").forEach(i -> names.add(i.get("name").asText()));
      return names;
    }

    String outputName() {
      return card.get("output").get("name").asText();
    }

    List<JsonNode> examples() {
      List<JsonNode> rows = new ArrayList<>();
      card.get("examples").get("rows").forEach(rows::add);
      return rows;
    }

    /** Scores {@code rows} in one call, each input a [rows, 1] float tensor. */
    float[] score(List<JsonNode> rows) throws OrtException {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
      try {
        for (String name : inputNames()) {
          float[] column = new float[rows.size()];
          for (int r = 0; r < rows.size(); r++) {
            column[r] = (float) rows.get(r).get("inputs").get(name).asDouble();
          }
          inputs.put(
              name,
              OnnxTensor.createTensor(env, FloatBuffer.wrap(column), new long[] {rows.size(), 1}));
        }
        try (OrtSession.Result result = session.run(inputs)) {
          OnnxTensor out = (OnnxTensor) result.get(outputName()).orElseThrow();
          assertThat(out.getInfo().getShape()).containsExactly(rows.size(), 1);
          FloatBuffer scores = out.getFloatBuffer();
          float[] values = new float[scores.remaining()];
          scores.get(values);
          return values;
        }
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
    }

    double expected(JsonNode row) {
      return row.get(outputName()).asDouble();
    }

    @Override
    public void close() throws OrtException {
      session.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fraud-scorer", "maintenance-risk", "churn-risk"})
  void reportsTheInputsAndOutputItsCardDocuments(String id) throws Exception {
    try (Loaded model = Loaded.of(id)) {
      Map<String, NodeInfo> inputs = model.session().getInputInfo();
      assertThat(inputs.keySet()).containsExactlyElementsOf(model.inputNames());
      for (NodeInfo input : inputs.values()) {
        assertIsBatchOfOneFloat(input);
      }
      Map<String, NodeInfo> outputs = model.session().getOutputInfo();
      assertThat(outputs.keySet()).containsExactly(model.outputName());
      assertIsBatchOfOneFloat(outputs.get(model.outputName()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fraud-scorer", "maintenance-risk", "churn-risk"})
  void carriesTheVersionAndProducerOfItsCard(String id) throws Exception {
    try (Loaded model = Loaded.of(id)) {
      var metadata = model.session().getMetadata();
      assertThat(metadata.getVersion()).isEqualTo(model.card().get("version").asLong());
      assertThat(metadata.getProducerName()).isEqualTo(OnnxWriter.PRODUCER);
      assertThat(metadata.getGraphName()).isEqualTo(id);
      assertThat(metadata.getCustomMetadata()).containsEntry("streamwright.model.id", id);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fraud-scorer", "maintenance-risk", "churn-risk"})
  void scoresEachExampleRowOnItsOwnAsTheCardExpects(String id) throws Exception {
    try (Loaded model = Loaded.of(id)) {
      List<JsonNode> examples = model.examples();
      assertThat(examples).hasSizeBetween(5, 8);
      for (JsonNode row : examples) {
        float[] score = model.score(List.of(row));
        assertThat((double) score[0])
            .as("%s, %s", id, row.get("source").asText())
            .isCloseTo(model.expected(row), within(ModelCard.TOLERANCE));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fraud-scorer", "maintenance-risk", "churn-risk"})
  void scoresABatchOf64RowsAsTheCardExpects(String id) throws Exception {
    try (Loaded model = Loaded.of(id)) {
      List<JsonNode> examples = model.examples();
      List<JsonNode> batch = new ArrayList<>();
      for (int r = 0; r < BATCH; r++) {
        batch.add(examples.get(r % examples.size()));
      }
      float[] scores = model.score(batch);
      assertThat(scores).hasSize(BATCH);
      for (int r = 0; r < BATCH; r++) {
        assertThat((double) scores[r])
            .as("%s, row %d: %s", id, r, batch.get(r).get("source").asText())
            .isCloseTo(model.expected(batch.get(r)), within(ModelCard.TOLERANCE));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fraud-scorer", "maintenance-risk", "churn-risk"})
  void examplesSpanLowAndHighScores(String id) throws Exception {
    try (Loaded model = Loaded.of(id)) {
      float[] scores = model.score(model.examples());
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (float s : scores) {
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
      assertThat(min).as("lowest example score").isLessThan(0.1f);
      assertThat(max).as("highest example score").isGreaterThan(0.9f);
    }
  }

  private static void assertIsBatchOfOneFloat(NodeInfo node) {
    assertThat(node.getInfo()).isInstanceOf(TensorInfo.class);
    TensorInfo info = (TensorInfo) node.getInfo();
    assertThat(info.type).as(node.getName()).isEqualTo(OnnxJavaType.FLOAT);
    // -1: the symbolic batch dimension N, then one value per row.
    assertThat(info.getShape()).as(node.getName()).containsExactly(-1, 1);
    assertThat(info.getDimensionNames()[0]).as(node.getName()).isEqualTo(OnnxWriter.BATCH);
  }
}
