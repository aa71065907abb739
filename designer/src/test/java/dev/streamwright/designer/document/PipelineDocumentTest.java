package dev.streamwright.designer.document;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.designer.document.DocumentChange.Kind;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineDocumentTest {

  private final PipelineDocument document = new PipelineDocument(chain());

  /** Moves node f1 to x; the simplest command there is. */
  private static Command moveF1(double x) {
    return new Command() {
      @Override
      public String description() {
        return "Move 'f1' to " + x;
      }

      @Override
      public Pipeline apply(Pipeline before) {
        Node f1 = before.node("f1").orElseThrow();
        return before.withNode(f1.withPosition(new Position(x, 0)));
      }
    };
  }

  private static Command refused(String reason) {
    return new Command() {
      @Override
      public String description() {
        return "Refused";
      }

      @Override
      public Pipeline apply(Pipeline before) throws CommandRefused {
        throw new CommandRefused(reason);
      }
    };
  }

  private double f1X() {
    return document.pipeline().node("f1").orElseThrow().position().x();
  }

  @Test
  void newDocumentIsCleanAtRevisionZeroWithNothingToUndo() {
    assertThat(document.revision()).isZero();
    assertThat(document.isDirty()).isFalse();
    assertThat(document.canUndo()).isFalse();
    assertThat(document.canRedo()).isFalse();
    assertThat(document.undoDescription()).isEmpty();
  }

  @Test
  void executingACommandChangesThePipelineAndBumpsTheRevision() throws Exception {
    assertThat(document.execute(moveF1(100))).isTrue();

    assertThat(f1X()).isEqualTo(100);
    assertThat(document.revision()).isEqualTo(1);
  }

  @Test
  void undoRestoresThePipelineBeforeTheEdit() throws Exception {
    Pipeline before = document.pipeline();
    document.execute(moveF1(100));

    assertThat(document.undo()).isTrue();

    assertThat(document.pipeline()).isSameAs(before);
  }

  @Test
  void redoRestoresThePipelineAfterTheEdit() throws Exception {
    document.execute(moveF1(100));
    Pipeline after = document.pipeline();
    document.undo();

    assertThat(document.redo()).isTrue();

    assertThat(document.pipeline()).isSameAs(after);
  }

  @Test
  void undoAndRedoDescriptionsNameTheEdit() throws Exception {
    document.execute(moveF1(100));
    assertThat(document.undoDescription()).contains("Move 'f1' to 100.0");

    document.undo();

    assertThat(document.undoDescription()).isEmpty();
    assertThat(document.redoDescription()).contains("Move 'f1' to 100.0");
  }

  @Test
  void undoWithNothingToUndoChangesNothing() {
    assertThat(document.undo()).isFalse();
    assertThat(document.redo()).isFalse();
    assertThat(document.revision()).isZero();
  }

  @Test
  void aNewEditClearsTheRedoHistory() throws Exception {
    document.execute(moveF1(100));
    document.undo();

    document.execute(moveF1(200));

    assertThat(document.canRedo()).isFalse();
  }

  @Test
  void revisionNeverGoesBackOnUndo() throws Exception {
    document.execute(moveF1(100));
    document.undo();
    document.redo();

    assertThat(document.revision()).isEqualTo(3);
  }

  @Test
  void commandThatChangesNothingLeavesNoUndoStepAndNoRevision() throws Exception {
    assertThat(document.execute(moveF1(240))).isFalse();

    assertThat(document.canUndo()).isFalse();
    assertThat(document.revision()).isZero();
  }

  @Test
  void refusedCommandLeavesTheDocumentUnchanged() {
    Pipeline before = document.pipeline();

    assertThatThrownBy(() -> document.execute(refused("port taken")))
        .isInstanceOf(CommandRefused.class)
        .hasMessage("port taken");

    assertThat(document.pipeline()).isSameAs(before);
    assertThat(document.revision()).isZero();
    assertThat(document.canUndo()).isFalse();
  }

  @Test
  void documentIsDirtyAfterAnEditAndCleanAfterMarkSaved() throws Exception {
    document.execute(moveF1(100));
    assertThat(document.isDirty()).isTrue();

    document.markSaved();

    assertThat(document.isDirty()).isFalse();
  }

  @Test
  void undoingBackToTheSavedStateMakesTheDocumentClean() throws Exception {
    document.execute(moveF1(100));
    document.markSaved();
    document.execute(moveF1(200));

    document.undo();

    assertThat(document.isDirty()).isFalse();
  }

  @Test
  void redoingBackToTheSavedStateMakesTheDocumentClean() throws Exception {
    document.execute(moveF1(100));
    document.markSaved();
    document.undo();
    assertThat(document.isDirty()).isTrue();

    document.redo();

    assertThat(document.isDirty()).isFalse();
  }

  @Test
  void reachingEqualContentByAnotherEditStillCountsAsDirty() throws Exception {
    document.execute(moveF1(100));
    document.execute(moveF1(240));

    assertThat(document.pipeline()).isEqualTo(chain());
    assertThat(document.isDirty()).isTrue();
  }

  @Test
  void replaceClearsHistoryAndLeavesTheDocumentClean() throws Exception {
    document.execute(moveF1(100));
    Pipeline other = Pipeline.empty("other");

    document.replace(other);

    assertThat(document.pipeline()).isSameAs(other);
    assertThat(document.canUndo()).isFalse();
    assertThat(document.isDirty()).isFalse();
    assertThat(document.revision()).isEqualTo(2);
  }

  @Test
  void historyKeepsOnlyTheNewest200Edits() throws Exception {
    for (int i = 1; i <= 250; i++) {
      document.execute(moveF1(1000 + i));
    }

    int undone = 0;
    while (document.undo()) {
      undone++;
    }

    assertThat(undone).isEqualTo(CommandStack.DEFAULT_LIMIT).isEqualTo(200);
    assertThat(f1X()).isEqualTo(1050);
  }

  @Test
  void listenersHearEveryChangeWithKindDescriptionRevisionAndDirtyState() throws Exception {
    List<DocumentChange> heard = new ArrayList<>();
    document.addListener(heard::add);

    document.execute(moveF1(100));
    document.undo();
    document.redo();
    document.markSaved();
    document.replace(chain());

    assertThat(heard)
        .extracting(DocumentChange::kind)
        .containsExactly(Kind.EXECUTED, Kind.UNDONE, Kind.REDONE, Kind.SAVED, Kind.REPLACED);
    assertThat(heard.get(1).description()).isEqualTo("Move 'f1' to 100.0");
    assertThat(heard.get(1).after().node("f1").orElseThrow().position().x()).isEqualTo(240);
    assertThat(heard).extracting(DocumentChange::revision).containsExactly(1L, 2L, 3L, 3L, 4L);
    assertThat(heard)
        .extracting(DocumentChange::dirty)
        .containsExactly(true, false, true, false, false);
  }

  @Test
  void markSavedNotifiesWithoutChangingThePipeline() {
    List<DocumentChange> heard = new ArrayList<>();
    document.addListener(heard::add);

    document.markSaved();

    assertThat(heard).singleElement().satisfies(c -> assertThat(c.pipelineChanged()).isFalse());
    assertThat(document.revision()).isZero();
  }

  @Test
  void closingASubscriptionStopsNotifications() throws Exception {
    List<DocumentChange> heard = new ArrayList<>();
    Subscription subscription = document.addListener(heard::add);

    subscription.close();
    subscription.close();
    document.execute(moveF1(100));

    assertThat(heard).isEmpty();
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() throws Exception {
    List<DocumentChange> heard = new ArrayList<>();
    document.addListener(
        c -> {
          throw new IllegalStateException("listener bug (expected in this test)");
        });
    document.addListener(heard::add);

    document.execute(moveF1(100));

    assertThat(heard).hasSize(1);
  }

  @Test
  void changesMadeByAListenerAreDeliveredAfterTheCurrentOne() throws Exception {
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    document.addListener(
        c -> {
          first.add(c.revision());
          if (c.revision() == 1) {
            try {
              document.execute(moveF1(300));
            } catch (CommandRefused e) {
              throw new AssertionError(e);
            }
          }
        });
    document.addListener(c -> second.add(c.revision()));

    document.execute(moveF1(100));

    assertThat(first).containsExactly(1L, 2L);
    assertThat(second).containsExactly(1L, 2L);
    assertThat(f1X()).isEqualTo(300);
  }

  @Test
  void undoDescriptionsListEditsMostRecentFirst() throws Exception {
    document.execute(moveF1(100));
    document.execute(moveF1(200));

    assertThat(document.undoDescriptions())
        .containsExactly("Move 'f1' to 200.0", "Move 'f1' to 100.0");
  }

  @Test
  void documentKeepsPropertyValuesAsThePipelineHasThem() throws Exception {
    document.execute(
        new Command() {
          @Override
          public String description() {
            return "Set";
          }

          @Override
          public Pipeline apply(Pipeline before) {
            return before.withNode(
                before.node("f1").orElseThrow().withProperty("condition", "x > 1"));
          }
        });

    assertThat(document.pipeline().node("f1").orElseThrow().properties())
        .isEqualTo(Map.of("condition", "x > 1"));
  }
}
