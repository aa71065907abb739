package dev.streamwright.app;

import dev.streamwright.app.cli.ExitCodes;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.plugin.onnx.NativeLibraryCache;
import java.io.UncheckedIOException;

/**
 * The {@code streamwright} command's entry point. It only settles where files go (the log folder
 * must be known before the first logger exists) and then hands over to {@link Launch}; it does not
 * extend a JavaFX {@code Application}, so it starts on a plain class path.
 */
public final class Streamwright {

  private Streamwright() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    AppFolders folders = AppFolders.detect();
    try {
      folders.createLogs();
      folders.createTmp();
    } catch (UncheckedIOException e) {
      // No log file to point at yet: this is the one error that only goes to the console.
      System.err.println(
          "error: Streamwright cannot write to its data folder "
              + folders.data()
              + " ("
              + e.getMessage()
              + ": "
              + e.getCause()
              + "). Make it writable, or point STREAMWRIGHT_HOME at a writable folder.");
      System.exit(ExitCodes.RUNTIME_FAILURE);
    }
    System.setProperty(AppFolders.LOG_DIR_PROPERTY, folders.logs().toString());
    // Flink's REST API serves the job manager log from here (and warns when it is unset).
    System.setProperty("log.file", folders.logFile().toString());
    // ONNX Runtime's native library is unpacked once into the data folder, not per start.
    if (System.getProperty(NativeLibraryCache.CACHE_PROPERTY) == null) {
      System.setProperty(
          NativeLibraryCache.CACHE_PROPERTY,
          folders.data().resolve("cache").resolve("onnxruntime").toString());
    }
    System.exit(Launch.run(folders, args));
  }
}
