package dev.streamwright.app.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where Streamwright keeps its files on this machine: the data folder, its log folder and the temp
 * folder of this process. Resolved once, before logging starts, because the log file lives in the
 * data folder.
 *
 * <p>The data folder is, in order: the {@code streamwright.home} system property, the {@code
 * STREAMWRIGHT_HOME} environment variable, {@code $XDG_DATA_HOME/streamwright}, and {@code
 * ~/.local/share/streamwright} (on macOS {@code ~/Library/Application Support/Streamwright}, on
 * Windows {@code %LOCALAPPDATA%\Streamwright}).
 *
 * @param data the data folder
 * @param logs where the rolling log file is written
 * @param tmp this process's own temp folder ({@code <data>/tmp/<pid>}), deleted on exit
 */
public record AppFolders(Path data, Path logs, Path tmp) {

  /** The system property that overrides the data folder; tests point it into target/. */
  public static final String HOME_PROPERTY = "streamwright.home";

  /** The environment variable that overrides the data folder. */
  public static final String HOME_ENV = "STREAMWRIGHT_HOME";

  /** The system property log4j2.xml reads the log folder from. */
  public static final String LOG_DIR_PROPERTY = "streamwright.logDir";

  /** The log file's name inside {@link #logs()}; keep in step with log4j2.xml. */
  public static final String LOG_FILE = "streamwright.log";

  /** The folders of this JVM, from its system properties and environment. */
  public static AppFolders detect() {
    return resolve(System.getProperties(), System.getenv(), ProcessHandle.current().pid());
  }

  /** The folders for the given settings; separate from {@link #detect()} so tests can vary them. */
  static AppFolders resolve(Properties system, Map<String, String> env, long pid) {
    Path data = dataFolder(system, env).toAbsolutePath().normalize();
    return new AppFolders(
        data, data.resolve("logs"), data.resolve("tmp").resolve(Long.toString(pid)));
  }

  private static Path dataFolder(Properties system, Map<String, String> env) {
    Optional<String> explicit =
        nonBlank(system.getProperty(HOME_PROPERTY)).or(() -> nonBlank(env.get(HOME_ENV)));
    if (explicit.isPresent()) {
      return Path.of(explicit.get());
    }
    Path home = Path.of(system.getProperty("user.home", "."));
    String os = system.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      return nonBlank(env.get("LOCALAPPDATA"))
          .map(Path::of)
          .orElse(home.resolve("AppData").resolve("Local"))
          .resolve("Streamwright");
    }
    if (os.contains("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("Streamwright");
    }
    return nonBlank(env.get("XDG_DATA_HOME"))
        .map(Path::of)
        .orElse(home.resolve(".local").resolve("share"))
        .resolve("streamwright");
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  /** The current log file. */
  public Path logFile() {
    return logs.resolve(LOG_FILE);
  }

  /** Creates the log folder. */
  public void createLogs() {
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the log folder " + logs, e);
    }
  }

  /**
   * Creates this process's temp folder, first deleting the temp folders of Streamwright processes
   * that are gone: an abrupt exit (kill -9, power loss) leaves Flink's 20 MB RPC jars behind.
   */
  public void createTmp() {
    Path parent = tmp.getParent();
    try {
      Files.createDirectories(parent);
      try (Stream<Path> siblings = Files.list(parent)) {
        for (Path other : siblings.toList()) {
          if (!other.equals(tmp) && belongsToDeadProcess(other)) {
            deleteTree(other);
          }
        }
      }
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the temp folder " + tmp, e);
    }
  }

  /** Deletes this process's temp folder and everything in it. */
  public void deleteTmp() {
    deleteTree(tmp);
  }

  private static boolean belongsToDeadProcess(Path folder) {
    try {
      long pid = Long.parseLong(folder.getFileName().toString());
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false; // not ours: leave it alone
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: the next start clears what is left, since this pid will be gone by then.
    }
  }
}
