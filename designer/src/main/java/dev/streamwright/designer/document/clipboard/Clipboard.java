package dev.streamwright.designer.document.clipboard;

import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a selection into text for the system clipboard and back into a {@link Paste}. The text is
 * an ordinary pipeline file holding the selected nodes and the edges among them, so it pastes into
 * another studio window, and a whole pipeline file copied from an editor pastes onto the canvas
 * too. One per window: it remembers how often the same text was pasted, so each paste lands {@value
 * #PASTE_OFFSET} units further down and right instead of on top of the previous one.
 */
public final class Clipboard {

  /** How far each paste moves from the copied nodes: a third of a row, so copies stay visible. */
  public static final double PASTE_OFFSET = 40;

  private final PipelineCodec codec = new PipelineCodec();
  private String lastText;
  private int pastes;

  /**
   * The selected nodes of the pipeline, with the edges whose both ends are selected, as pipeline
   * JSON; empty when none of the ids names a node.
   */
  public Optional<String> copy(Pipeline pipeline, Collection<String> nodeIds) {
    Set<String> wanted = new HashSet<>(nodeIds);
    List<Node> nodes = new ArrayList<>();
    for (Node n : pipeline.nodes()) {
      if (wanted.contains(n.id())) {
        nodes.add(n);
      }
    }
    if (nodes.isEmpty()) {
      return Optional.empty();
    }
    List<Edge> edges = new ArrayList<>();
    for (Edge e : pipeline.edges()) {
      if (wanted.contains(e.from()) && wanted.contains(e.to())) {
        edges.add(e);
      }
    }
    Pipeline snippet =
        new Pipeline(
            pipeline.id(),
            pipeline.name(),
            pipeline.description(),
            pipeline.version(),
            pipeline.tags(),
            nodes,
            edges);
    String text = codec.write(snippet);
    lastText = text;
    pastes = 0;
    return Optional.of(text);
  }

  /**
   * A command that pastes the clipboard text into the pipeline: new ids, positions offset from the
   * copied ones by {@value #PASTE_OFFSET} per paste of the same text.
   *
   * @throws CommandRefused when the text holds no pipeline nodes, saying what is wrong with it
   */
  public Paste paste(Pipeline current, String text) throws CommandRefused {
    Pipeline snippet = parse(text);
    if (text.equals(lastText)) {
      pastes++;
    } else {
      lastText = text;
      pastes = 1;
    }
    double offset = PASTE_OFFSET * pastes;
    return Paste.of(current, snippet, offset, offset);
  }

  /** Reads clipboard text as a snippet of pipeline nodes. */
  public Pipeline parse(String text) throws CommandRefused {
    if (text == null || text.isBlank()) {
      throw new CommandRefused("the clipboard is empty; copy some nodes first");
    }
    Pipeline snippet;
    try {
      snippet = codec.parse(text);
    } catch (PipelineFileException e) {
      throw new CommandRefused(
          "the clipboard does not hold Streamwright nodes: " + strip(e.getMessage()), e);
    }
    if (snippet.nodes().isEmpty()) {
      throw new CommandRefused("the copied pipeline has no nodes to paste");
    }
    Set<String> ids = new HashSet<>();
    for (Node n : snippet.nodes()) {
      if (!ids.add(n.id())) {
        throw new CommandRefused(
            "the copied nodes use the id '" + n.id() + "' twice, so their edges are ambiguous");
      }
    }
    return snippet;
  }

  // The codec speaks of "the file"; here it is clipboard text.
  private static String strip(String message) {
    return message.replace("the file", "the text");
  }
}
