package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks ONNX Runtime's native libraries once into a cache folder and points ONNX Runtime at it.
 *
 * <p>Left alone, ONNX Runtime copies its 28 MB native library into the temp folder on every start
 * of every JVM (165 ms, and a leftover copy after each crash). Streamwright's users start the
 * studio, the CLI and task managers many times a day, so the library is unpacked once per ONNX
 * Runtime version into {@code ~/.cache/streamwright/onnxruntime/<version>-<platform>} (or the
 * folder named by the system property {@value #CACHE_PROPERTY}) and {@code onnxruntime.native.path}
 * is set to it. A user who already set {@code onnxruntime.native.path} keeps their choice.
 */
public final class NativeLibraryCache {

  /** System property naming the cache's root folder. */
  public static final String CACHE_PROPERTY = "streamwright.onnx.native-cache";

  /** ONNX Runtime's own property: load the native libraries from this folder. */
  static final String ORT_NATIVE_PATH = "onnxruntime.native.path";

  private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryCache.class);

  private static volatile Optional<Path> prepared;
  private static boolean ortLeftoversRemoved;

  private NativeLibraryCache() {}

  /**
   * Makes sure ONNX Runtime will load its libraries from the cache; call before the first use of
   * {@link OrtEnvironment}. Never fails: when the cache cannot be written, ONNX Runtime falls back
   * to its own extraction into the temp folder and a warning says why.
   *
   * @return the folder ONNX Runtime loads from, when it is the cache
   */
  public static synchronized Optional<Path> prepare() {
    if (prepared != null) {
      return prepared;
    }
    if (System.getProperty(ORT_NATIVE_PATH) != null) {
      prepared = Optional.empty();
      return prepared;
    }
    Path root =
        Optional.ofNullable(System.getProperty(CACHE_PROPERTY))
            .map(Path::of)
            .orElseGet(
                () ->
                    Path.of(
                        System.getProperty("user.home"), ".cache", "streamwright", "onnxruntime"));
    try {
      Optional<Path> dir = unpack(root);
      dir.ifPresent(d -> System.setProperty(ORT_NATIVE_PATH, d.toString()));
      prepared = dir;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Could not unpack ONNX Runtime's native library into {}; it will extract a copy into the"
              + " temp folder instead. Set -D{}=<writable folder> to avoid that.",
          root,
          CACHE_PROPERTY,
          e);
      prepared = Optional.empty();
    }
    return prepared;
  }

  /**
   * Deletes the empty files ONNX Runtime 1.29 leaves on every start: an {@code onnxruntime-java*}
   * folder in {@code java.io.tmpdir} (even when it loads from {@code onnxruntime.native.path}; it
   * only asks for removal at JVM exit, which a killed task manager never reaches) and a {@code
   * mat-debug-<pid>.log} in {@code $TMPDIR} or {@code /tmp}. Only this process's, only when empty;
   * the folder is found through ONNX Runtime's private field and left alone if that ever changes.
   */
  static synchronized void removeOrtLeftovers() {
    if (ortLeftoversRemoved) {
      return;
    }
    ortLeftoversRemoved = true;
    try {
      Field field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
      field.setAccessible(true);
      if (field.get(null) instanceof Path dir && Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isEmpty()) {
            Files.delete(dir);
          }
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | IOException e) {
      LOG.debug("Could not remove ONNX Runtime's temp folder", e);
    }
    String log = "mat-debug-" + ProcessHandle.current().pid() + ".log";
    for (String dir :
        new String[] {System.getenv("TMPDIR"), "/tmp", System.getProperty("java.io.tmpdir")}) {
      if (dir == null || dir.isBlank()) {
        continue;
      }
      try {
        Path file = Path.of(dir, log);
        if (Files.isRegularFile(file) && Files.size(file) == 0) {
          Files.delete(file);
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("Could not remove ONNX Runtime's {} in {}", log, dir, e);
      }
    }
  }

  /**
   * Unpacks this platform's libraries under {@code root} unless an identical copy is there.
   *
   * @return the folder holding the libraries, or empty when the jar has none for this platform
   */
  static Optional<Path> unpack(Path root) throws IOException {
    String platform = platform();
    String resourceDir = "ai/onnxruntime/native/" + platform + "/";
    List<String> names =
        List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
    ClassLoader loader = OrtEnvironment.class.getClassLoader();
    URL main = loader.getResource(resourceDir + names.get(0));
    if (main == null) {
      LOG.info(
          "The ONNX Runtime jar has no native library for {}: leaving loading to it", platform);
      return Optional.empty();
    }
    String version =
        Optional.ofNullable(OrtEnvironment.class.getPackage().getImplementationVersion())
            .orElse("unknown");
    Path dir = root.resolve(version + "-" + platform);
    Files.createDirectories(dir);
    for (String name : names) {
      URL url = loader.getResource(resourceDir + name);
      if (url == null) {
        throw new IOException("The ONNX Runtime jar lacks " + resourceDir + name);
      }
      copyIfChanged(url, dir.resolve(name));
    }
    return Optional.of(dir);
  }

  /**
   * Copies through a temporary file in the same folder and an atomic rename, so two JVMs starting
   * at once (studio and CLI, or two task managers) never load a half-written library.
   */
  private static void copyIfChanged(URL source, Path target) throws IOException {
    URLConnection connection = source.openConnection();
    long size = connection.getContentLengthLong();
    if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
      return;
    }
    Path partial =
        Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
    try {
      try (InputStream in = connection.getInputStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
      LOG.info("Unpacked ONNX Runtime's {} into {}", target.getFileName(), target.getParent());
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The folder name ONNX Runtime's jar uses for this machine, e.g. {@code linux-x64}. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o =
        os.contains("mac") || os.contains("darwin")
            ? "osx"
            : os.contains("win") ? "win" : os.contains("nux") ? "linux" : os;
    String a =
        switch (arch) {
          case "amd64", "x86_64", "x64" -> "x64";
          case "aarch64", "arm64" -> "aarch64";
          default -> arch;
        };
    return o + "-" + a;
  }
}
