package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.AtomicReference;

/** The one ONNX Runtime environment of this JVM, created after the native library is cached. */
final class OnnxEnvironment {

  /**
   * Stack of the thread that loads ONNX Runtime. ORT 1.29.0's native start-up crashes the JVM
   * (SIGSEGV, no hs_err file) on a thread with the default 1 MB stack once the JVM's command line
   * is longer than about 5 KB, which a task manager's or studio's classpath easily is; 8 MB was
   * enough for a 25 KB command line in tests, 64 MB leaves room and is only reserved address space
   * for a thread that ends at once. See docs/decisions/0010-onnx-model-provider.md.
   */
  private static final long INIT_STACK_BYTES = 64L << 20;

  private static volatile OrtEnvironment environment;

  private OnnxEnvironment() {}

  /** ONNX Runtime's process-wide environment; never closed, it lives as long as the JVM. */
  static OrtEnvironment get() {
    OrtEnvironment env = environment;
    if (env == null) {
      env = start();
    }
    return env;
  }

  private static synchronized OrtEnvironment start() {
    if (environment != null) {
      return environment;
    }
    NativeLibraryCache.prepare();
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread loader =
        new Thread(
            null,
            () -> {
              try {
                outcome.set(OrtEnvironment.getEnvironment());
              } catch (Throwable e) { // NOPMD: handed to the caller below
                outcome.set(e);
              }
            },
            "onnxruntime-start",
            INIT_STACK_BYTES);
    loader.setDaemon(true);
    loader.start();
    try {
      loader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting ONNX Runtime", e);
    }
    if (outcome.get() instanceof Throwable failure) {
      String message = String.valueOf(failure.getMessage());
      if (message.contains("already loaded in another classloader")) {
        // A JVM can bind a native library to one class loader only. Flink gives every job (and
        // the SQL session) a class loader of its own, so an ONNX Runtime jar shipped with ADD JAR
        // or pipeline.jars works once per JVM at most.
        throw new IllegalStateException(
            "ONNX Runtime is already loaded by another job or session in this JVM ("
                + message
                + "). Put onnxruntime-1.29.0.jar into Flink's lib/ folder (on the studio's"
                + " classpath for embedded runs) instead of adding it with ADD JAR; ADD JAR only"
                + " the Streamwright ONNX provider jar.",
            failure);
      }
      throw new IllegalStateException("ONNX Runtime could not start: " + message, failure);
    }
    NativeLibraryCache.removeOrtLeftovers();
    environment = (OrtEnvironment) outcome.get();
    return environment;
  }

  /**
   * Session options for scoring inside a Flink task. One intra-op thread: Flink already runs one
   * session per parallel task, and ONNX Runtime's default (a thread per core for every session)
   * would put several times more busy threads than cores on a task manager.
   */
  static OrtSession.SessionOptions sessionOptions() throws OrtException {
    // Any ONNX Runtime class loads the native library: start it the safe way first.
    get();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    return options;
  }
}
