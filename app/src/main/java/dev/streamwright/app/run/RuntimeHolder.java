package dev.streamwright.app.run;

import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RuntimeFailure;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime runs deploy to, made on first use rather than up front: most studio sessions only
 * edit, and an embedded Flink costs a second and hundreds of megabytes. Thread-safe; closed with
 * the studio, or when a command ends.
 */
public final class RuntimeHolder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeHolder.class);

  private final String name;
  private final Supplier<? extends PipelineRuntime> factory;
  private PipelineRuntime runtime; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param name what the status bar calls the runtime, e.g. {@code embedded Flink}
   * @param factory makes the runtime on first use
   */
  public RuntimeHolder(String name, Supplier<? extends PipelineRuntime> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** What the status bar calls the runtime. */
  public String name() {
    return name;
  }

  /** The runtime, made now if this is the first use. */
  public synchronized PipelineRuntime get() {
    if (closed) {
      throw new IllegalStateException("the runtime is closed; nothing runs any more");
    }
    if (runtime == null) {
      runtime = factory.get();
      LOG.info("Created the runtime: {}", runtime.describe());
    }
    return runtime;
  }

  /**
   * Starts the runtime ahead of the deploy ({@link PipelineRuntime#warmUp()}). A failure is only
   * logged: the deploy tries again and reports it to the user in words.
   */
  public void warmUp() {
    PipelineRuntime r;
    try {
      r = get();
    } catch (RuntimeException e) {
      LOG.warn("Could not create the runtime ahead of the deploy", e);
      return;
    }
    try {
      r.warmUp();
    } catch (RuntimeFailure e) {
      LOG.debug("Early start of {} failed; the deploy retries", r.describe(), e);
    }
  }

  /** Closes the runtime (stopping its jobs), if one was made. */
  @Override
  public void close() {
    PipelineRuntime r;
    synchronized (this) {
      closed = true;
      r = runtime;
      runtime = null;
    }
    if (r != null) {
      try {
        r.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing the runtime failed", e);
      }
    }
  }
}
