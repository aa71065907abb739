package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** The one ONNX Runtime environment of this JVM, created after the native library is cached. */
final class OnnxEnvironment {

  private OnnxEnvironment() {}

  /** ONNX Runtime's process-wide environment; never closed, it lives as long as the JVM. */
  static OrtEnvironment get() {
    NativeLibraryCache.prepare();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    NativeLibraryCache.removeOrtTempDirectory();
    return env;
  }

  /**
   * Session options for scoring inside a Flink task. One intra-op thread: Flink already runs one
   * session per parallel task, and ONNX Runtime's default (a thread per core for every session)
   * would put several times more busy threads than cores on a task manager.
   */
  static OrtSession.SessionOptions sessionOptions() throws OrtException {
    // Any ONNX Runtime class loads the native library: make sure it comes from the cache first.
    get();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    return options;
  }
}
