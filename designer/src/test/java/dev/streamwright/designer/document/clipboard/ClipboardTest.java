package dev.streamwright.designer.document.clipboard;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static dev.streamwright.designer.testing.Pipelines.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.testing.Pipelines;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipboardTest {

  private final Clipboard clipboard = new Clipboard();

  private String copy(Pipeline p, String... ids) {
    return clipboard.copy(p, List.of(ids)).orElseThrow();
  }

  @Test
  void copyHoldsTheSelectedNodesAndOnlyTheEdgesAmongThem() throws Exception {
    String text = copy(chain(), "src", "f1");

    Pipeline snippet = clipboard.parse(text);

    assertThat(snippet.nodes()).extracting(Node::id).containsExactly("f1", "src");
    assertThat(snippet.edges()).containsExactly(Edge.of("src", "f1"));
  }

  @Test
  void copyingNothingGivesNothing() {
    assertThat(clipboard.copy(chain(), List.of("gone"))).isEmpty();
  }

  @Test
  void pasteGivesNewIdsAndKeepsTheEdgesAmongThePastedNodes() throws Exception {
    String text = copy(chain(), "src", "f1");

    Paste paste = clipboard.paste(chain(), text);
    Pipeline after = paste.apply(chain());

    assertThat(paste.nodeIds()).containsExactly("pass_1", "src_1");
    assertThat(after.nodes()).hasSize(5);
    assertThat(after.edges()).contains(Edge.of("src_1", "pass_1"));
    assertThat(after.edges()).hasSize(3);
  }

  @Test
  void eachPasteOfTheSameTextLandsFurtherDownAndRight() throws Exception {
    String text = copy(chain(), "f1");

    Paste first = clipboard.paste(chain(), text);
    Paste second = clipboard.paste(chain(), text);

    assertThat(first.nodes().get(0).position()).isEqualTo(new Position(280, 40));
    assertThat(second.nodes().get(0).position()).isEqualTo(new Position(320, 80));
  }

  @Test
  void copyingAgainStartsTheOffsetOver() throws Exception {
    String text = copy(chain(), "f1");
    clipboard.paste(chain(), text);
    clipboard.paste(chain(), text);

    String again = copy(chain(), "f1");
    Paste paste = clipboard.paste(chain(), again);

    assertThat(paste.nodes().get(0).position()).isEqualTo(new Position(280, 40));
  }

  @Test
  void aPastedNodeKeepsANameTheUserChoseAndShowsItsNewIdOtherwise() throws Exception {
    Pipeline named = chain().withNode(chain().node("f1").orElseThrow().withName("Big orders"));
    String text = copy(named, "f1", "src");

    Pipeline after = clipboard.paste(named, text).apply(named);

    assertThat(after.node("pass_1").orElseThrow().name()).isEqualTo("Big orders");
    assertThat(after.node("src_1").orElseThrow().name()).isEqualTo("src_1");
  }

  @Test
  void pasteIntoAnotherWindowsDocumentAvoidsItsIds() throws Exception {
    String text = copy(chain(), "f1");
    Pipeline other = pipeline().node("pass_1", "pass").node("pass_2", "pass").build();
    PipelineDocument document = new PipelineDocument(other);

    document.execute(new Clipboard().paste(other, text));

    assertThat(document.pipeline().nodes())
        .extracting(Node::id)
        .containsExactly("pass_1", "pass_2", "pass_3");
  }

  @Test
  void pasteIsOneUndoStep() throws Exception {
    PipelineDocument document = new PipelineDocument(chain());
    String text = copy(chain(), "src", "f1", "out");

    document.execute(clipboard.paste(document.pipeline(), text));
    assertThat(document.undoDescription()).contains("Paste 3 nodes");
    document.undo();

    assertThat(document.pipeline()).isEqualTo(chain());
  }

  @Test
  void aWholePipelineFileCanBePastedOntoTheCanvas() throws Exception {
    String file = Files.readString(Pipelines.quickstartFile());

    Paste paste = clipboard.paste(chain(), file);

    assertThat(paste.nodes()).hasSize(3);
    assertThat(paste.edges()).hasSize(2);
  }

  @Test
  void pastingTextThatIsNotJsonIsRefusedWithAReadableReason() {
    assertThatThrownBy(() -> clipboard.paste(chain(), "hello world"))
        .isInstanceOf(CommandRefused.class)
        .hasMessage(
            "the clipboard does not hold Streamwright nodes: line 1, column 1: hello is not a JSON"
                + " value; text needs double quotes (\"hello\")");
  }

  @Test
  void pastingJsonThatIsNotAPipelineIsRefused() {
    assertThatThrownBy(() -> clipboard.paste(chain(), "{\"nodes\": []}"))
        .isInstanceOf(CommandRefused.class)
        .hasMessage(
            "the clipboard does not hold Streamwright nodes: line 1, column 1: the pipeline lacks"
                + " the required field 'id'");
  }

  @Test
  void pastingTruncatedTextSaysWhereItEnds() {
    assertThatThrownBy(() -> clipboard.paste(chain(), "{\"nodes\": ["))
        .isInstanceOf(CommandRefused.class)
        .hasMessage(
            "the clipboard does not hold Streamwright nodes: line 1, column 12: the text ends"
                + " inside the \"nodes\" list that opens at line 1, column 11");
  }

  @Test
  void pastingAnEmptyClipboardIsRefused() {
    assertThatThrownBy(() -> clipboard.paste(chain(), "  "))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("the clipboard is empty; copy some nodes first");
  }

  @Test
  void pastingAPipelineWithoutNodesIsRefused() {
    assertThatThrownBy(() -> clipboard.paste(chain(), "{\"id\": \"p\"}"))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("the copied pipeline has no nodes to paste");
  }

  @Test
  void pastingNodesThatShareAnIdIsRefused() {
    String twice =
        "{\"id\": \"p\", \"nodes\": [{\"id\": \"a\", \"type\": \"src\"},"
            + " {\"id\": \"a\", \"type\": \"pass\"}]}";

    assertThatThrownBy(() -> clipboard.paste(chain(), twice))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("the copied nodes use the id 'a' twice, so their edges are ambiguous");
  }

  @Test
  void pastingWhenTheIdsWereTakenMeanwhileIsRefused() throws Exception {
    Paste paste = clipboard.paste(chain(), copy(chain(), "f1"));
    Pipeline meanwhile = chain().withNode(Node.of("pass_1", "pass", Map.of()));

    assertThatThrownBy(() -> paste.apply(meanwhile))
        .isInstanceOf(CommandRefused.class)
        .hasMessageContaining("'pass_1' appeared since the paste was prepared");
  }
}
