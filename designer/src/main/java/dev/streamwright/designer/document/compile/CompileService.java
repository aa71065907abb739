package dev.streamwright.designer.document.compile;

import dev.streamwright.designer.document.DocumentChange;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.Subscription;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recompiles the document off the UI thread whenever its revision changes, so problems, schemas and
 * the SQL preview follow every edit without freezing the canvas. Bursts coalesce: while one compile
 * runs, newer revisions only replace each other, and the latest is compiled next. Results are
 * published in revision order; a stale result is never published after a newer one.
 *
 * <p>One service per document: revisions of different documents are not comparable.
 */
public final class CompileService {

  private static final Logger LOG = LoggerFactory.getLogger(CompileService.class);

  private record Request(long revision, Pipeline pipeline) {}

  private final Function<Pipeline, Compilation> compiler;
  private final Executor worker;
  private final Executor publisher;
  private final List<Consumer<CompiledRevision>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong lastPublished = new AtomicLong(Long.MIN_VALUE);

  private final Object lock = new Object();
  private Request pending; // guarded by lock
  private boolean running; // guarded by lock
  private long lastRequested = Long.MIN_VALUE; // guarded by lock

  private volatile CompiledRevision latest;

  /**
   * @param compiler the compiler
   * @param worker runs compiles (a background pool in the studio, the calling thread in tests)
   * @param publisher delivers results to listeners (the FX thread in the studio)
   */
  public CompileService(PipelineCompiler compiler, Executor worker, Executor publisher) {
    this(compiler::compile, worker, publisher);
  }

  /** A service around any compile function; tests use it to control timing. */
  public CompileService(
      Function<Pipeline, Compilation> compiler, Executor worker, Executor publisher) {
    this.compiler = Objects.requireNonNull(compiler, "compiler");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /** Compiles the document now and after every change of its pipeline, until closed. */
  public Subscription follow(PipelineDocument document) {
    Subscription subscription =
        document.addListener(
            (DocumentChange change) -> {
              if (change.pipelineChanged()) {
                request(change.revision(), change.after());
              }
            });
    request(document.revision(), document.pipeline());
    return subscription;
  }

  /**
   * Asks for the pipeline of this revision to be compiled; older revisions than asked are ignored.
   */
  public void request(long revision, Pipeline pipeline) {
    synchronized (lock) {
      if (revision <= lastRequested) {
        return;
      }
      lastRequested = revision;
      pending = new Request(revision, pipeline);
      if (running) {
        return; // the running drain picks it up
      }
      running = true;
    }
    try {
      worker.execute(this::drain);
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        running = false;
      }
      LOG.warn("Compile of revision {} not started: the executor is shut down", revision);
    }
  }

  /** The newest published result. */
  public Optional<CompiledRevision> latest() {
    return Optional.ofNullable(latest);
  }

  /** Calls {@code listener} with each published result, on the publisher executor. */
  public Subscription addListener(Consumer<CompiledRevision> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void drain() {
    boolean finished = false;
    try {
      while (true) {
        Request next;
        synchronized (lock) {
          next = pending;
          pending = null;
          if (next == null) {
            running = false;
            finished = true;
            return;
          }
        }
        CompiledRevision result = new CompiledRevision(next.revision(), compile(next.pipeline()));
        publisher.execute(() -> publish(result));
      }
    } finally {
      if (!finished) {
        // An Error escaped (out of memory): let the next request start a fresh drain.
        synchronized (lock) {
          running = false;
        }
      }
    }
  }

  private Compilation compile(Pipeline pipeline) {
    try {
      return compiler.apply(pipeline);
    } catch (RuntimeException e) {
      LOG.error("Compiling pipeline '{}' failed", pipeline.id(), e);
      Problem problem =
          Problem.error(
              null,
              null,
              "the pipeline could not be compiled ("
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage())
                  + "); the log has the details");
      return new Compilation(pipeline, List.of(problem), Map.of(), null);
    }
  }

  private void publish(CompiledRevision result) {
    long seen;
    do {
      seen = lastPublished.get();
      if (result.revision() <= seen) {
        return; // a newer result is already out
      }
    } while (!lastPublished.compareAndSet(seen, result.revision()));
    latest = result;
    for (Consumer<CompiledRevision> l : listeners) {
      try {
        l.accept(result);
      } catch (RuntimeException e) {
        LOG.error("A compile listener failed on revision {}", result.revision(), e);
      }
    }
  }
}
