package dev.streamwright.designer.document.compile;

import static dev.streamwright.designer.testing.Pipelines.chain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.Subscription;
import dev.streamwright.designer.document.command.SetProperty;
import dev.streamwright.designer.testing.TestNodeTypes;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CompileServiceTest {

  private static final Function<Pipeline, Compilation> COMPILER =
      new PipelineCompiler(TestNodeTypes.registry())::compile;

  /** An executor that runs tasks only when the test says so. */
  private static final class ManualExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        task.run();
      }
    }
  }

  private final List<CompiledRevision> published = new CopyOnWriteArrayList<>();

  private static Pipeline withCondition(String condition) {
    return chain().withNode(chain().node("f1").orElseThrow().withProperty("condition", condition));
  }

  @Test
  void followingADocumentPublishesTheCompilationOfItsCurrentRevision() {
    CompileService service = new CompileService(COMPILER, Runnable::run, Runnable::run);
    service.addListener(published::add);

    service.follow(new PipelineDocument(chain()));

    assertThat(published)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.revision()).isZero();
              assertThat(r.compilation().hasErrors()).isFalse();
            });
    assertThat(service.latest()).contains(published.get(0));
  }

  @Test
  void everyEditIsCompiledAndPublishedWithItsRevision() throws Exception {
    CompileService service = new CompileService(COMPILER, Runnable::run, Runnable::run);
    service.addListener(published::add);
    PipelineDocument document = new PipelineDocument(chain());
    service.follow(document);

    document.execute(SetProperty.of("f1", "condition", "fail"));

    CompiledRevision last = published.get(published.size() - 1);
    assertThat(last.revision()).isEqualTo(1);
    assertThat(last.compilation().problemsOf("f1"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("failed as asked"));
  }

  @Test
  void revisionsArrivingDuringACompileCoalesceIntoTheLatest() {
    ManualExecutor worker = new ManualExecutor();
    List<Pipeline> compiled = new ArrayList<>();
    CompileService service =
        new CompileService(
            p -> {
              compiled.add(p);
              return COMPILER.apply(p);
            },
            worker,
            Runnable::run);
    service.addListener(published::add);

    service.request(1, withCondition("one"));
    service.request(2, withCondition("two"));
    service.request(3, withCondition("three"));
    worker.runAll();

    assertThat(compiled).containsExactly(withCondition("three"));
    assertThat(published).extracting(CompiledRevision::revision).containsExactly(3L);
  }

  @Test
  void compileServiceNeverPublishesAStaleResultAfterANewerOne() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    List<String> compiled = new CopyOnWriteArrayList<>();
    Function<Pipeline, Compilation> slowFirst =
        p -> {
          String condition = (String) p.node("f1").orElseThrow().properties().get("condition");
          compiled.add(condition);
          if (condition.equals("one")) {
            firstStarted.countDown();
            await(releaseFirst);
          }
          return COMPILER.apply(p);
        };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CompileService service = new CompileService(slowFirst, pool, Runnable::run);
      service.addListener(published::add);

      service.request(1, withCondition("one"));
      await(firstStarted);
      service.request(3, withCondition("three"));
      service.request(2, withCondition("two")); // late and older: ignored
      releaseFirst.countDown();
      waitFor(() -> service.latest().map(r -> r.revision() == 3).orElse(false));

      assertThat(compiled).containsExactly("one", "three");
      assertThat(published).extracting(CompiledRevision::revision).containsExactly(1L, 3L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aResultOlderThanOneAlreadyPublishedIsDropped() {
    ManualExecutor publisher = new ManualExecutor();
    CompileService service = new CompileService(COMPILER, Runnable::run, publisher);
    service.addListener(published::add);
    service.request(1, withCondition("one"));
    service.request(2, withCondition("two"));
    List<Runnable> deliveries = new ArrayList<>(publisher.tasks);
    publisher.tasks.clear();

    // Deliver out of order, as two racing publisher threads could.
    deliveries.get(1).run();
    deliveries.get(0).run();

    assertThat(published).extracting(CompiledRevision::revision).containsExactly(2L);
  }

  @Test
  void savingDoesNotTriggerACompile() {
    List<Pipeline> compiled = new ArrayList<>();
    CompileService service =
        new CompileService(
            p -> {
              compiled.add(p);
              return COMPILER.apply(p);
            },
            Runnable::run,
            Runnable::run);
    PipelineDocument document = new PipelineDocument(chain());
    service.follow(document);

    document.markSaved();

    assertThat(compiled).hasSize(1);
  }

  @Test
  void aCompilerFailureIsPublishedAsAProblemOfThePipeline() {
    CompileService service =
        new CompileService(
            p -> {
              throw new IllegalStateException("plugin bug (expected in this test)");
            },
            Runnable::run,
            Runnable::run);
    service.addListener(published::add);

    service.request(1, chain());

    Compilation c = published.get(0).compilation();
    assertThat(c.hasErrors()).isTrue();
    assertThat(c.problems().get(0).nodeId()).isNull();
    assertThat(c.problems().get(0).message())
        .isEqualTo(
            "the pipeline could not be compiled (IllegalStateException: plugin bug (expected in"
                + " this test)); the log has the details");
  }

  @Test
  void closingTheFollowSubscriptionStopsRecompiling() throws Exception {
    CompileService service = new CompileService(COMPILER, Runnable::run, Runnable::run);
    service.addListener(published::add);
    PipelineDocument document = new PipelineDocument(chain());
    Subscription following = service.follow(document);

    following.close();
    document.execute(SetProperty.of("f1", "condition", "x > 1"));

    assertThat(published).hasSize(1);
  }

  @Test
  void aRemovedListenerHearsNothing() {
    CompileService service = new CompileService(COMPILER, Runnable::run, Runnable::run);
    service.addListener(published::add).close();

    service.request(1, chain());

    assertThat(published).isEmpty();
    assertThat(service.latest()).isPresent();
  }

  @Test
  void aRejectedCompileDoesNotBlockLaterOnes() {
    boolean[] reject = {true};
    CompileService service =
        new CompileService(
            COMPILER,
            task -> {
              if (reject[0]) {
                throw new RejectedExecutionException("shut down");
              }
              task.run();
            },
            Runnable::run);
    service.addListener(published::add);
    service.request(1, chain());

    reject[0] = false;
    service.request(2, chain());

    assertThat(published).extracting(CompiledRevision::revision).containsExactly(2L);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(5);
    }
  }
}
