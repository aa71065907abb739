package dev.streamwright.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    Path file = Path.of("../../samples/quickstart/pipeline.json");
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
              assertThat(e.getMessage())
                  .isEqualTo(
                      "line 3, column 25: expected , or } after the value of \"id\" in the object"
                          + " at nodes[0], but found \"type\"; a comma is probably missing");
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
        .hasMessage(
            "line 1, column 13: \"id\" appears twice in the top-level object (first at line 1,"
                + " column 2); remove one of them");
  }

  @Test
  void aTruncatedFileSaysWhichListItEndsInAndWhereThatOpens() {
    assertThatThrownBy(() -> codec.parse("{\"nodes\": ["))
        .isInstanceOfSatisfying(
            PipelineFileException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "line 1, column 12: the file ends inside the \"nodes\" list that opens at"
                          + " line 1, column 11");
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(12);
            });
  }

  @Test
  void aNullNodeIsNamedByItsEntry() {
    assertThatThrownBy(() -> codec.parse("{\"id\": \"p\", \"nodes\": [null, {}]}"))
        .isInstanceOfSatisfying(
            PipelineFileException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("line 1, column 23: nodes[0]: a node must be an object, not null");
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(23);
            });
  }

  /** Each malformed text and the message it gets, word for word. */
  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        arguments(
            "{\"a\" \"b\"}",
            "line 1, column 6: expected : after the field name \"a\" in"
                + " the top-level object, but found \"b\""),
        arguments(
            "{\"a\": tru}",
            "line 1, column 7: tru is not a JSON value; text needs double" + " quotes (\"tru\")"),
        arguments(
            "{'a': 1}",
            "line 1, column 2: field names need double quotes: write \"a\"" + " instead of 'a'"),
        arguments(
            "{a: 1}",
            "line 1, column 2: field names need double quotes: write \"a\"" + " instead of a"),
        arguments(
            "{\"a\": [1,]}",
            "line 1, column 9: the comma before ] leaves an empty item in"
                + " the \"a\" list; remove the comma"),
        arguments(
            "{\"a\": 1,}",
            "line 1, column 8: the comma before } leaves an empty entry in"
                + " the top-level object; remove the comma"),
        arguments(
            "{\"a\": [1,,2]}",
            "line 1, column 10: two commas in a row in the \"a\" list;" + " remove one"),
        arguments(
            "{\"a\": \"xx",
            "line 1, column 10: the file ends inside the text that starts"
                + " at line 1, column 7; a closing \" is missing"),
        arguments(
            "{\"a",
            "line 1, column 4: the file ends inside the field name that starts at"
                + " line 1, column 2; a closing \" is missing"),
        arguments(
            "{\"a\": \"x\ny\"}",
            "line 1, column 9: text holds a line break; write it as"
                + " \\n, or end the text with \" before the line ends"),
        arguments(
            "{\"a\": \"\\q\"}",
            "line 1, column 8: \\q is not an escape JSON knows; write"
                + " \\\\ for a backslash (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u with"
                + " four hex digits)"),
        arguments(
            "{\"a\": \"\\u00\"}",
            "line 1, column 8: \\u00 is not a complete escape; \\u"
                + " needs four hex digits, as in \\u00e9"),
        arguments(
            "{\"a\": 0123}",
            "line 1, column 7: 0123 is not a valid number; remove the" + " leading zeros"),
        arguments(
            "{\"a\": .5}",
            "line 1, column 7: .5 is not a valid number; write a 0 before" + " the point"),
        arguments(
            "{\"a\": NaN}",
            "line 1, column 7: NaN is not a number JSON knows; write a" + " number, or null"),
        arguments("{\"a\": True}", "line 1, column 7: True must be written in lower case: true"),
        arguments(
            "{\"a\": 'x y'}",
            "line 1, column 7: text needs double quotes: write \"x y\"" + " instead of 'x y'"),
        arguments(
            "{\"a\": 1e400}",
            "line 1, column 7: 1e400 is too large for a number; numbers"
                + " go up to about 1.8e308"),
        arguments(
            "{\"a\": [1}",
            "line 1, column 9: found } but the \"a\" list that opens at line"
                + " 1, column 7 is still open; close it with ] first"),
        arguments(
            "{\"a\": 1]",
            "line 1, column 8: found ] but the top-level object that opens"
                + " at line 1, column 1 is still open; close it with } first"),
        arguments(
            "{\"a\": {\"b\": 1",
            "line 1, column 14: the file ends inside the \"a\" object"
                + " that opens at line 1, column 7"),
        arguments(
            "{\"n\": [{\"p\": {\"x\": 1",
            "line 1, column 21: the file ends inside the"
                + " \"p\" object at n[0].p that opens at line 1, column 14"),
        arguments(
            "{\"a\": // note\n 1}",
            "line 1, column 7: JSON allows no comments; remove the" + " comment"),
        arguments(
            "{\"a\": 1} x",
            "line 1, column 10: the top-level object ends at line 1,"
                + " column 8, but the file goes on with 'x'; remove what follows it"),
        arguments(
            "{\"a\":\u0000 1}",
            "line 1, column 6: the control character U+0000 stands" + " between values; remove it"),
        arguments(
            "[1 2]",
            "line 1, column 4: expected , or ] after item 1 of the top-level list,"
                + " but found '2'; a comma is probably missing"));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void malformedJsonIsToldInTheWordsOfSomeoneEditingTheFile(String json, String message) {
    assertThatThrownBy(() -> codec.parse(json))
        .isInstanceOf(PipelineFileException.class)
        .hasMessage(message);
  }

  /** Each value of the wrong kind and the message it gets, word for word. */
  static Stream<Arguments> wrongKinds() {
    String node = "{\"id\": \"p\", \"nodes\": [{\"id\": \"a\", \"type\": \"t\", ";
    return Stream.of(
        arguments(
            "{\"id\": \"p\", \"edges\": [null]}",
            "line 1, column 23: edges[0]: an edge"
                + " must be an object such as {\"from\": \"a\", \"to\": \"b\"}, not null"),
        arguments(
            "{\"id\": \"p\", \"edges\": [{\"from\": null, \"to\": \"b\"}]}",
            "line 1, column 32: edges[0].from must be text, not null"),
        arguments(
            "{\"id\": \"p\", \"edges\": [{\"from\": \"a\"}]}",
            "line 1, column 23:" + " edges[0] lacks the required field 'to'"),
        arguments(
            "{\"id\": \"p\", \"tags\": [\"a\", 5]}",
            "line 1, column 27: tags[1]: a tag" + " must be text, not the number 5"),
        arguments(
            "{\"id\": \"p\", \"nodes\": {}}",
            "line 1, column 22: nodes must be a list" + " [...], not an empty object"),
        arguments("{\"id\": 7}", "line 1, column 8: id must be text, not the number 7"),
        arguments(
            "{\"id\": \"p\", \"version\": 1.5}",
            "line 1, column 24: version must be a" + " whole number, not the number 1.5"),
        arguments(
            "{\"formatVersion\": \"1\", \"id\": \"p\"}",
            "line 1, column 19:"
                + " formatVersion must be a whole number such as 1, not text (\"1\")"),
        arguments(
            node + "\"type\": 5}]}",
            "line 1, column 48: \"type\" appears twice in the"
                + " object at nodes[0] (first at line 1, column 35); remove one of them"),
        arguments(
            "{\"id\": \"p\", \"nodes\": [{\"id\": \"a\", \"type\": [\"t\"]}]}",
            "line 1, column 43: nodes[0].type must be text, not a list"),
        arguments(
            node + "\"position\": [1, 2]}]}",
            "line 1, column 60: nodes[0].position must"
                + " be an object such as {\"x\": 10, \"y\": 20}, not a list"),
        arguments(
            node + "\"position\": {\"x\": \"1\"}}]}",
            "line 1, column 66:" + " nodes[0].position.x must be a number, not text (\"1\")"),
        arguments(
            node + "\"properties\": [1]}]}",
            "line 1, column 62: nodes[0].properties must"
                + " be an object of property names and values, not a list"),
        arguments(
            node + "\"properties\": {\"n\": 99999999999999999999}}]}",
            "line 1, column"
                + " 68: nodes[0].properties.n is 99999999999999999999, too large for a whole number"
                + " (they go from -9223372036854775808 to 9223372036854775807)"),
        arguments(
            node + "\"propertes\": {}}]}",
            "line 1, column 48: nodes[0] has an unknown"
                + " field 'propertes'; known fields: id, type, name, position, properties"));
  }

  @ParameterizedTest
  @MethodSource("wrongKinds")
  void aValueOfTheWrongKindIsNamedByItsPathAndPlace(String json, String message) {
    assertThatThrownBy(() -> codec.parse(json))
        .isInstanceOf(PipelineFileException.class)
        .hasMessage(message);
  }

  @Test
  void nullsAndNumbersInsidePropertiesAreKeptForTheCompilerToReport() throws Exception {
    Pipeline p =
        codec.parse(
            "{\"id\": \"p\", \"nodes\": [{\"id\": \"a\", \"type\": \"t\", \"properties\":"
                + " {\"columns\": [null, 5, {\"name\": null}], \"unset\": null}}]}");

    assertThat(p.node("a").orElseThrow().properties())
        .isEqualTo(Map.of("columns", java.util.Arrays.asList(null, 5L, Map.of())));
  }

  @Test
  void aByteOrderMarkIsAllowed() throws Exception {
    assertThat(codec.parse("\uFEFF{\"id\": \"p\"}").id()).isEqualTo("p");
  }

  @Test
  void aFileThatIsNotUtf8TextIsRefusedInWords(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("binary.json");
    Files.write(f, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

    assertThatThrownBy(() -> codec.read(f))
        .isInstanceOf(PipelineFileException.class)
        .hasMessage(
            f
                + " is not UTF-8 text, so it is not a pipeline file; if it is one, save it"
                + " as UTF-8");
  }

  @Test
  void missingIdIsNamed() {
    assertThatThrownBy(() -> codec.parse("{\"nodes\": []}"))
        .isInstanceOf(PipelineFileException.class)
        .hasMessage("line 1, column 1: the pipeline lacks the required field 'id'");
  }

  @Test
  void emptyFileAndNonObjectAreRefused() {
    assertThatThrownBy(() -> codec.parse("  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> codec.parse("[1, 2]"))
        .hasMessage(
            "line 1, column 1: a pipeline file is a JSON object with id, nodes and edges; this one"
                + " is a list");
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
