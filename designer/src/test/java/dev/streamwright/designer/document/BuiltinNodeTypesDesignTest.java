package dev.streamwright.designer.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.clipboard.Clipboard;
import dev.streamwright.designer.document.command.AddNode;
import dev.streamwright.designer.document.command.AutoLayout;
import dev.streamwright.designer.document.command.Connect;
import dev.streamwright.designer.document.command.SetProperty;
import dev.streamwright.designer.document.compile.CompileService;
import dev.streamwright.designer.document.compile.CompiledRevision;
import dev.streamwright.designer.document.compile.EdgeSummary;
import dev.streamwright.designer.document.compile.NodeSummary;
import dev.streamwright.designer.testing.Pipelines;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The document core against the real built-in node types and the quickstart sample. */
class BuiltinNodeTypesDesignTest {

  private static final NodeTypeRegistry BUILTINS = NodeTypeRegistry.load();
  private static final PipelineCompiler COMPILER = new PipelineCompiler(BUILTINS);
  private static Pipeline quickstart;

  @BeforeAll
  static void readQuickstart() throws Exception {
    quickstart = Pipelines.quickstart();
  }

  private static NodeType type(String id) {
    return BUILTINS.find(id).orElseThrow(() -> new AssertionError("no built-in type " + id));
  }

  private static String sqlOf(CompileService service) {
    Compilation c = service.latest().orElseThrow().compilation();
    assertThat(c.problems()).filteredOn(p -> p.isError()).isEmpty();
    return c.result().orElseThrow().script();
  }

  @Test
  void theQuickstartCompilesWithoutErrorsThroughTheCompileService() {
    CompileService service = new CompileService(COMPILER, Runnable::run, Runnable::run);

    service.follow(new PipelineDocument(quickstart));

    CompiledRevision result = service.latest().orElseThrow();
    assertThat(result.compilation().hasErrors()).isFalse();
    assertThat(result.compilation().result()).isPresent();
  }

  @Test
  void quickstartNodesShowTheirTypeAndColumnCount() {
    Map<String, NodeSummary> summaries =
        NodeSummary.all(quickstart, BUILTINS, COMPILER.compile(quickstart));

    assertThat(summaries.get("clicks").typeName()).isEqualTo("Data generator");
    assertThat(summaries.get("clicks").columnsText()).isEqualTo("5 columns");
    assertThat(summaries.get("clicks_per_user").outputColumns()).hasValue(6);
    assertThat(summaries.get("preview").outputColumns()).isEmpty();
  }

  @Test
  void hoveringTheQuickstartsFirstEdgeShowsTheGeneratedColumns() {
    EdgeSummary edge =
        EdgeSummary.of(Edge.of("clicks", "clicks_per_user"), COMPILER.compile(quickstart));

    assertThat(edge.tooltip())
        .startsWith("5 columns\nuser_num INT\n")
        .contains("\nevent_time TIMESTAMP(3) (event time)\n");
  }

  @Test
  void aPropertyEditReachesTheSqlAndUndoTakesItBack() throws Exception {
    PipelineDocument document = new PipelineDocument(quickstart);
    CompileService service = new CompileService(COMPILER, Runnable::run, Runnable::run);
    service.follow(document);
    String before = sqlOf(service);

    document.execute(SetProperty.of("clicks_per_user", "size", "30s"));
    String edited = sqlOf(service);
    document.undo();

    assertThat(edited).isNotEqualTo(before).contains("INTERVAL '30' SECOND");
    assertThat(sqlOf(service)).isEqualTo(before);
  }

  @Test
  void aPipelineBuiltFromThePaletteCompilesToSql() throws Exception {
    PipelineDocument document = new PipelineDocument(Pipeline.empty("built"));
    Node clicks = quickstart.node("clicks").orElseThrow();
    AddNode source =
        AddNode.of(document.pipeline(), type("datagen"), Position.ORIGIN, clicks.properties());
    document.execute(source);
    AddNode filter = AddNode.of(document.pipeline(), type("filter"), new Position(240, 0));
    document.execute(filter);
    AddNode preview = AddNode.of(document.pipeline(), type("preview-sink"), new Position(480, 0));
    document.execute(preview);
    document.execute(SetProperty.of(filter.nodeId(), "condition", "page <> '/home'"));
    document.execute(new Connect(Edge.of(source.nodeId(), filter.nodeId()), BUILTINS, null));
    document.execute(new Connect(Edge.of(filter.nodeId(), preview.nodeId()), BUILTINS, null));

    Compilation c = COMPILER.compile(document.pipeline());

    assertThat(List.of(source.nodeId(), filter.nodeId(), preview.nodeId()))
        .containsExactly("datagen_1", "filter_1", "preview_sink_1");
    assertThat(c.hasErrors()).as("%s", c.problems()).isFalse();
    assertThat(c.result().orElseThrow().script()).contains("WHERE (page <> '/home')");
  }

  @Test
  void aQueryThatUpdatesEarlierRowsCannotFeedAFileSink() throws Exception {
    Map<String, Object> counting =
        Map.of(
            "query",
            "SELECT user_id, COUNT(*) AS n FROM {{in}} GROUP BY user_id",
            "columns",
            List.of(
                Map.of("name", "user_id", "type", "STRING"), Map.of("name", "n", "type", "BIGINT")),
            "updating",
            true);
    Pipeline p =
        quickstart
            .withNode(Node.of("counts", "sql", counting))
            .withNode(Node.of("files", "file-sink", Map.of("path", "/tmp/out")))
            .withEdge(Edge.of("clicks", "counts"));

    Optional<String> why =
        ConnectionRules.whyNot(p, COMPILER.compile(p), BUILTINS, Edge.of("counts", "files"));

    assertThat(why).hasValueSatisfying(w -> assertThat(w).contains("takes append-only rows"));
  }

  @Test
  void theWholeQuickstartPastedIntoAnEmptyPipelineCompiles() throws Exception {
    Clipboard clipboard = new Clipboard();
    String text = clipboard.copy(quickstart, Selection.all(quickstart).nodes()).orElseThrow();
    PipelineDocument document = new PipelineDocument(Pipeline.empty("copy"));

    document.execute(clipboard.paste(document.pipeline(), text));

    Compilation c = COMPILER.compile(document.pipeline());
    assertThat(c.hasErrors()).as("%s", c.problems()).isFalse();
    assertThat(document.pipeline().nodes())
        .extracting(Node::id)
        .containsExactlyInAnyOrder("datagen_1", "window_aggregate_1", "preview_sink_1");
  }

  @Test
  void everyBuiltinTypeCanBeAddedFromThePalette() throws Exception {
    PipelineDocument document = new PipelineDocument(Pipeline.empty("palette"));
    for (NodeType t : BUILTINS.all()) {
      AddNode add = AddNode.of(document.pipeline(), t, Position.ORIGIN);
      document.execute(add);
      assertThat(add.description()).isEqualTo("Add " + t.displayName() + " '" + add.nodeId() + "'");
    }

    assertThat(document.pipeline().nodes()).hasSize(BUILTINS.all().size());
    assertThat(COMPILER.compile(document.pipeline()).problems())
        .noneMatch(p -> p.message().contains("the id must start with a letter"));
  }

  @Test
  void autoLayoutPutsTheQuickstartInOneRow() throws Exception {
    PipelineDocument document = new PipelineDocument(quickstart);

    document.execute(new AutoLayout());

    assertThat(document.pipeline().nodes()).extracting(n -> n.position().y()).containsOnly(80.0);
  }
}
