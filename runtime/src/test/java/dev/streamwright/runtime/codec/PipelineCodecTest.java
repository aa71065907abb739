package dev.streamwright.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCodecTest {

  private final PipelineCodec codec = new PipelineCodec();

  private static Pipeline sample() {
    Node b = new Node("b", "filter", "B", Map.of("condition", "x > 1"), new Position(200, 40.5));
    Node a =
        new Node(
            "a",
            "datagen",
            null,
            Map.of("rowsPerSecond", 5, "columns", List.of(Map.of("type", "INT", "name", "x"))),
            new Position(10, 20));
    return new Pipeline(
        "p", "P", "demo", 3, List.of("t2", "t1"), List.of(b, a), List.of(Edge.of("a", "b")));
  }

  @Test
  void writtenFileReadsBackAsTheSamePipeline() throws Exception {
    Pipeline p = sample();
    Pipeline back = codec.parse(codec.write(p));
    assertThat(back.id()).isEqualTo("p");
    assertThat(back.version()).isEqualTo(3);
    assertThat(back.node("a").orElseThrow().properties())
        .isEqualTo(p.node("a").orElseThrow().properties());
    assertThat(back.node("b").orElseThrow().position()).isEqualTo(new Position(200, 40.5));
    assertThat(back.edges()).containsExactly(Edge.of("a", "b"));
  }

  @Test
  void outputIsSortedAndStableWhateverTheInputOrder() throws Exception {
    String first = codec.write(sample());
    Pipeline shuffled =
        new Pipeline(
            "p",
            "P",
            "demo",
            3,
            List.of("t1", "t2"),
            List.of(sample().nodes().get(1), sample().nodes().get(0)),
            List.of(Edge.of("a", "b")));
    assertThat(codec.write(shuffled)).isEqualTo(first);
    assertThat(codec.write(codec.parse(first))).isEqualTo(first);
    assertThat(first.indexOf("\"id\": \"a\"")).isLessThan(first.indexOf("\"id\": \"b\""));
    assertThat(first).contains("\"x\": 10,").endsWith("}\n");
  }

  @Test
  void quickstartSampleRoundTripsByteForByte() throws Exception {
    Path file = Path.of("../samples/quickstart/pipeline.json");
    String text = Files.readString(file);
    assertThat(codec.write(codec.read(file))).isEqualTo(text);
  }

  @Test
  void malformedJsonReportsLineAndColumn() {
    String json = "{\n  \"id\": \"p\",\n  \"nodes\": [ {\"id\": \"a\" \"type\": \"x\"} ]\n}";
    assertThatThrownBy(() -> codec.parse(json))
        .isInstanceOfSatisfying(
            PipelineFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isGreaterThan(1);
              assertThat(e.getMessage()).startsWith("line 3, column ").contains("not valid JSON");
            });
  }

  @Test
  void unknownFieldIsReportedWithItsNameAndPlace() {
    String json =
        "{\"id\": \"p\", \"nodes\": [{\"id\": \"a\", \"type\": \"t\", \"propertes\": {}}]}";
    assertThatThrownBy(() -> codec.parse(json))
        .isInstanceOf(PipelineFileException.class)
        .hasMessageContaining("unknown field 'propertes'")
        .hasMessageContaining("nodes[0]")
        .hasMessageContaining("properties");
  }

  @Test
  void newerFormatVersionIsRefusedWithAdvice() {
    assertThatThrownBy(() -> codec.parse("{\"formatVersion\": 7, \"id\": \"p\"}"))
        .isInstanceOf(PipelineFileException.class)
        .hasMessageContaining("format version 7")
        .hasMessageContaining("update Streamwright");
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> codec.parse("{\"id\": \"p\", \"id\": \"q\"}"))
        .isInstanceOf(PipelineFileException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void missingIdIsNamed() {
    assertThatThrownBy(() -> codec.parse("{\"nodes\": []}"))
        .isInstanceOf(PipelineFileException.class)
        .hasMessageContaining("required field 'id'");
  }

  @Test
  void emptyFileAndNonObjectAreRefused() {
    assertThatThrownBy(() -> codec.parse("  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> codec.parse("[1, 2]")).hasMessageContaining("JSON object");
  }

  @Test
  void missingFileAndFolderGetTheirOwnMessages(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> codec.read(dir.resolve("nope.json")))
        .isInstanceOf(PipelineFileException.class)
        .hasMessageContaining("No pipeline file at");
    Files.writeString(dir.resolve("pipeline.json"), codec.write(sample()));
    assertThatThrownBy(() -> codec.read(dir))
        .isInstanceOf(PipelineFileException.class)
        .hasMessageContaining("is a folder")
        .hasMessageContaining("did you mean");
  }

  @Test
  void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"id\": ");
    assertThatThrownBy(() -> codec.read(f)).hasMessageStartingWith(f.toString() + ": line 1");
  }

  @Test
  void writeToFileReplacesAtomically(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.json");
    codec.write(sample(), f);
    codec.write(sample().withVersion(4), f);
    assertThat(codec.read(f).version()).isEqualTo(4);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }
}
