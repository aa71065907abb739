package dev.streamwright.designer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.Selection;
import dev.streamwright.designer.testing.Pipelines;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view model on its own: no display, compiles on the calling thread. */
class DesignerViewModelTest {

  private static final NodeTypeRegistry REGISTRY = NodeTypeRegistry.load();

  private DesignerViewModel model;

  @BeforeEach
  void open() throws Exception {
    model =
        new DesignerViewModel(
            new PipelineDocument(Pipelines.quickstart()), REGISTRY, Runnable::run, Runnable::run);
  }

  @AfterEach
  void close() {
    model.close();
  }

  @Test
  void theFirstCompileShowsTheSqlAndNoProblems() {
    assertThat(model.outputs().problems()).isEmpty();
    assertThat(model.outputs().sqlProperty().get()).contains("CREATE TEMPORARY TABLE");
    assertThat(model.outputs().sqlPlaceholderProperty().get()).isEmpty();
    assertThat(model.outputs().compilingProperty().get()).isFalse();
  }

  @Test
  void aRunProblemShowsInProblemsAndOnItsNodesBadgeUntilTheNextEdit() {
    Problem refusal =
        Problem.error("clicks_per_user", "size", "Flink's planner refused the window size");
    long ran = model.document().revision();

    assertThat(model.setRunProblems(ran, List.of(refusal))).isTrue();

    assertThat(model.outputs().problems()).containsExactly(refusal);
    assertThat(model.outputs().runProblems()).containsExactly(refusal);
    Node node = model.pipeline().node("clicks_per_user").orElseThrow();
    assertThat(model.outputs().summary(node).errors()).isEqualTo(1);
    assertThat(model.outputs().summaries(model.pipeline()).get("clicks_per_user").badgeText())
        .isEqualTo("1 error");
    assertThat(model.outputs().problemsOf("clicks_per_user", "size")).containsExactly(refusal);

    model.moveNodes(Map.of("clicks_per_user", new Position(500, 500)));

    assertThat(model.outputs().problems()).isEmpty();
    assertThat(model.outputs().runProblems()).isEmpty();
    assertThat(model.outputs().summary(node).errors()).isZero();
  }

  @Test
  void runProblemsOfAPipelineEditedSinceTheRunAreNotShown() {
    long ran = model.document().revision();
    model.moveNodes(Map.of("clicks", new Position(10, 10)));

    boolean shown = model.setRunProblems(ran, List.of(Problem.error("clicks", null, "refused")));

    assertThat(shown).isFalse();
    assertThat(model.outputs().problems()).isEmpty();
  }

  @Test
  void aDroppedGeneratorConnectedToAPreviewIsValidAtOnce() {
    model.open(Pipeline.empty("fresh"));

    String source = model.addNode("datagen", new Position(80, 80)).orElseThrow();
    String preview = model.addNode("preview-sink", new Position(360, 80)).orElseThrow();
    model.connect(Edge.of(source, preview));

    assertThat(model.outputs().problems()).noneMatch(Problem::isError);
    assertThat(model.outputs().sqlProperty().get()).contains("'datagen'", "WATERMARK");
    assertThat(model.outputs().inputColumns(preview)).containsExactly("id", "event_time");
  }

  @Test
  void anAddedNodeStartsWithTheDefaultsOfItsRequiredProperties() {
    model.open(Pipeline.empty("fresh"));
    NodeType type = REGISTRY.find("datagen").orElseThrow();

    String id = model.addNode("datagen", new Position(80, 80)).orElseThrow();

    Map<String, Object> properties = model.pipeline().node(id).orElseThrow().properties();
    for (PropertySpec spec : type.properties()) {
      if (spec.required() && spec.defaultValue() != null) {
        assertThat(properties).containsKey(spec.name());
      }
    }
    assertThat(properties).containsEntry("eventTime", "event_time").containsKey("columns");
    assertThat(properties).doesNotContainKey("numberOfRows");
  }

  @Test
  void anAddedNodeIsSelectedAndTheEditMenuOffersToUndoIt() {
    String id = model.addNode("filter", new Position(10, 20)).orElseThrow();

    assertThat(id).isEqualTo("filter_1");
    assertThat(model.selection().nodes()).containsExactly("filter_1");
    assertThat(model.selectedNodeProperty().get().id()).isEqualTo("filter_1");
    assertThat(model.edit().undoTextProperty().get()).isEqualTo("Undo Add Filter 'filter_1'");
    assertThat(model.edit().canUndoProperty().get()).isTrue();
    assertThat(model.edit().dirtyProperty().get()).isTrue();
  }

  @Test
  void undoingAnAddDropsTheNodeFromTheSelectionAndOffersRedo() {
    model.addNode("filter", new Position(10, 20));

    model.undo();

    assertThat(model.selection().isEmpty()).isTrue();
    assertThat(model.selectedNodeProperty().get()).isNull();
    assertThat(model.edit().redoTextProperty().get()).isEqualTo("Redo Add Filter 'filter_1'");
    assertThat(model.edit().dirtyProperty().get()).isFalse();
  }

  @Test
  void aNodeMissingARequiredPropertyReplacesTheSqlByAnExplanation() {
    model.addNode("filter", new Position(10, 20));

    assertThat(model.outputs().problems())
        .anyMatch(p -> p.isError() && "filter_1".equals(p.nodeId()));
    assertThat(model.outputs().sqlProperty().get()).isEmpty();
    assertThat(model.outputs().sqlPlaceholderProperty().get())
        .startsWith("Fix the problems to see the SQL");
    assertThat(model.outputs().problemsOf("filter_1", "condition"))
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("required"));
  }

  @Test
  void aRefusedConnectionChangesNothingAndSaysWhy() {
    long revision = model.edit().revisionProperty().get();

    boolean connected = model.connect(Edge.of("preview", "clicks"));

    assertThat(connected).isFalse();
    assertThat(model.edit().revisionProperty().get()).isEqualTo(revision);
    assertThat(model.edit().messageProperty().get())
        .isEqualTo("'preview' has no outputs: rows end there");
    assertThat(model.whyNotConnect(Edge.of("clicks_per_user", "clicks_per_user")))
        .hasValueSatisfying(why -> assertThat(why).startsWith("A node cannot feed itself"));
  }

  @Test
  void deletingTheSelectionIsOneEditThatUndoRestores() {
    model.selectionProperty().set(Selection.ofNodes("clicks", "preview"));

    model.deleteSelection();

    assertThat(model.pipeline().nodes()).hasSize(1);
    assertThat(model.pipeline().edges()).isEmpty();
    model.undo();
    assertThat(model.pipeline().nodes()).hasSize(3);
    assertThat(model.pipeline().edges()).hasSize(2);
  }

  @Test
  void pastingACopySelectsThePastedNodes() {
    model.selectionProperty().set(Selection.ofNodes("clicks", "clicks_per_user"));
    String text = model.copySelection().orElseThrow();

    assertThat(model.paste(text)).isTrue();

    assertThat(model.selection().nodes()).containsExactly("datagen_1", "window_aggregate_1");
    assertThat(model.pipeline().edges()).contains(Edge.of("datagen_1", "window_aggregate_1"));
  }

  @Test
  void copyingNothingSaysWhatToDo() {
    assertThat(model.copySelection()).isEmpty();
    assertThat(model.edit().messageProperty().get()).contains("select one or more nodes");
    assertThat(model.paste("not json")).isFalse();
    assertThat(model.edit().messageProperty().get())
        .startsWith("The clipboard does not hold Streamwright nodes");
  }

  @Test
  void nodesAddedAtTheInsertionPointDoNotLandOnTopOfEachOther() {
    model.insertionPointProperty().set(new Position(500, 500));

    String first = model.addNodeAtInsertionPoint("filter").orElseThrow();
    String second = model.addNodeAtInsertionPoint("filter").orElseThrow();

    assertThat(model.pipeline().node(first).orElseThrow().position())
        .isEqualTo(new Position(500, 500));
    assertThat(model.pipeline().node(second).orElseThrow().position())
        .isEqualTo(new Position(540, 540));
  }

  @Test
  void columnPickersOfferTheColumnsFlowingIntoTheNode() {
    assertThat(model.outputs().inputColumns("clicks_per_user"))
        .containsExactly("user_num", "page_num", "event_time", "user_id", "page");
    assertThat(model.outputs().inputColumns("clicks"))
        .as("a source picks among its own columns")
        .contains("event_time");
  }

  @Test
  void openingAnotherPipelineClearsHistoryAndSelection() {
    model.addNode("filter", new Position(0, 0));

    model.open(Pipelines.chain());

    assertThat(model.selection().isEmpty()).isTrue();
    assertThat(model.edit().canUndoProperty().get()).isFalse();
    assertThat(model.edit().dirtyProperty().get()).isFalse();
    assertThat(model.pipeline().id()).isEqualTo("test");
  }

  @Test
  void revealingANodeSelectsItAndTellsTheCanvas() {
    List<String> revealed = new java.util.ArrayList<>();
    model.onReveal(revealed::add);

    model.reveal("preview");
    model.reveal("no_such_node");

    assertThat(revealed).containsExactly("preview");
    assertThat(model.selection().nodes()).containsExactly("preview");
  }

  @Test
  void afterCloseEditsAreNoLongerCompiled() {
    long compiled = model.outputs().compiledProperty().get().revision();
    model.close();

    model.addNode("filter", new Position(0, 0));

    assertThat(model.outputs().compiledProperty().get().revision()).isEqualTo(compiled);
  }

  @Test
  void readsAModelRelativeToModelsDirOnTheWorkerAndAnswersOnThePublisher() throws Exception {
    java.nio.file.Path samples =
        java.nio.file.Path.of("..", "samples", "models").toAbsolutePath().normalize();
    List<Runnable> worker = new java.util.ArrayList<>();
    List<Runnable> publisher = new java.util.ArrayList<>();
    DesignerViewModel vm =
        new DesignerViewModel(
            new PipelineDocument(Pipelines.quickstart()),
            REGISTRY,
            worker::add,
            publisher::add,
            Map.of("models.dir", samples.toString()));
    List<dev.streamwright.designer.document.models.ModelDetails> got = new java.util.ArrayList<>();
    vm.readModel("fraud-scorer/fraud-scorer.onnx", got::add);
    assertThat(got).as("nothing is read on the calling thread").isEmpty();
    // The first compile queued on the worker too; run everything in order.
    while (!worker.isEmpty()) {
      worker.remove(0).run();
    }
    assertThat(got).as("the answer waits for the publisher").isEmpty();
    while (!publisher.isEmpty()) {
      publisher.remove(0).run();
    }
    assertThat(got).hasSize(1);
    assertThat(got.get(0).path()).isEqualTo(samples.resolve("fraud-scorer/fraud-scorer.onnx"));
    assertThat(got.get(0).signature().inputs()).hasSize(4);

    vm.readModel(" ", got::add);
    assertThat(got.get(1).problem()).isEqualTo("Set the model file to see its inputs and outputs.");
    vm.close();
  }
}
