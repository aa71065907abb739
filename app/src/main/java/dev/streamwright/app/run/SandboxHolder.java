package dev.streamwright.app.run;

import dev.streamwright.runtime.sandbox.Sandbox;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka sandbox runs use, started by the first run that needs it and kept until closed: the
 * studio keeps it for the session, so later runs start in a moment and earlier output stays
 * readable; {@code streamwright sandbox} closes it when the command ends. Thread-safe; closing
 * stops the generator and the broker and deletes its data (unless the settings keep it).
 */
public final class SandboxHolder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxHolder.class);

  private final Supplier<Sandbox.Settings> settings;
  private Sandbox sandbox; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param settings where the embedded broker keeps its data, read on the first start
   */
  public SandboxHolder(Supplier<Sandbox.Settings> settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The running sandbox with the topics created, started now if needed. Blocks for the broker's
   * start (about 2 s the first time): call it on a background thread.
   *
   * @throws dev.streamwright.runtime.sandbox.SandboxException when Kafka cannot start
   */
  public synchronized Sandbox start(Sandbox.Topics topics) {
    if (closed) {
      throw new IllegalStateException("the sandbox is closed; nothing runs any more");
    }
    if (sandbox == null) {
      sandbox = Sandbox.start(settings.get(), topics);
      LOG.info(
          "Started the Kafka sandbox on {} in {} ms",
          sandbox.bootstrapServers(),
          sandbox.startTime().toMillis());
    } else {
      sandbox.createTopics(topics);
    }
    return sandbox;
  }

  /** The sandbox if it runs. */
  public synchronized Sandbox current() {
    return sandbox;
  }

  /** Stops the generator if one runs. */
  public void stopGenerator() {
    Sandbox s = current();
    if (s != null) {
      s.stopGenerator();
    }
  }

  @Override
  public void close() {
    Sandbox s;
    synchronized (this) {
      closed = true;
      s = sandbox;
      sandbox = null;
    }
    if (s != null) {
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing the Kafka sandbox failed", e);
      }
    }
  }
}
