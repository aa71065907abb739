package dev.streamwright.runtime.devcluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM of the dev cluster, known by its pid and start time, so that the JVM that started it and
 * a later {@code streamwright dev-cluster stop} can both tell it apart from an unrelated process
 * that got the same pid.
 *
 * @param role which part of the cluster it is
 * @param pid its process id
 * @param startedAt when the operating system started it, as {@link ProcessHandle.Info} reports
 * @param argsFile the file of its JVM arguments, which its command line names
 */
public record ClusterProcess(Role role, long pid, Instant startedAt, Path argsFile) {

  /** The three parts of the cluster. */
  public enum Role {
    JOB_MANAGER(
        "JobManager",
        "jobmanager",
        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"),
    TASK_MANAGER(
        "TaskManager", "taskmanager", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner"),
    SQL_GATEWAY("SQL Gateway", "sql-gateway", "org.apache.flink.table.gateway.SqlGateway");

    private final String title;
    private final String fileName;
    private final String mainClass;

    Role(String title, String fileName, String mainClass) {
      this.title = title;
      this.fileName = fileName;
      this.mainClass = mainClass;
    }

    /** Its name for users: {@code JobManager}, {@code TaskManager}, {@code SQL Gateway}. */
    public String title() {
      return title;
    }

    /** Its file names' stem: {@code jobmanager}, {@code taskmanager}, {@code sql-gateway}. */
    public String fileName() {
      return fileName;
    }

    /** The Flink entry point it runs. */
    String mainClass() {
      return mainClass;
    }
  }

  /** The live process, if it is still this one (same pid and start time). */
  public Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().startInstant().map(startedAt::equals).orElse(false))
        .filter(
            h ->
                h.info()
                    .arguments()
                    .map(args -> List.of(args).contains("@" + argsFile))
                    .orElse(true));
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return handle().isPresent();
  }

  /** Its log file, where Flink writes. */
  public Path logFile() {
    return argsFile.getParent().getParent().resolve("log").resolve(role.fileName() + ".log");
  }

  /** Its stdout and stderr, where a failed start leaves its stack trace. */
  public Path outFile() {
    return argsFile.getParent().getParent().resolve("log").resolve(role.fileName() + ".out");
  }

  /**
   * Asks the process to stop (SIGTERM, Flink's shutdown hooks run) and, if it is still there after
   * {@code grace}, kills it.
   *
   * @return whether it is gone
   */
  public static boolean stopAll(List<ClusterProcess> processes, Duration grace) {
    List<ProcessHandle> handles = new ArrayList<>();
    for (ClusterProcess p : processes) {
      p.handle().ifPresent(handles::add);
    }
    handles.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    boolean allGone = true;
    for (ProcessHandle h : handles) {
      if (!awaitExit(h, Math.max(0, deadline - System.nanoTime()))) {
        h.destroyForcibly();
        allGone &= awaitExit(h, TimeUnit.SECONDS.toNanos(10));
      }
    }
    return allGone;
  }

  private static boolean awaitExit(ProcessHandle h, long nanos) {
    try {
      h.onExit().get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return !h.isAlive();
    } catch (ExecutionException e) {
      return !h.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    }
  }

  private static final Pattern EXCEPTION =
      Pattern.compile("^((?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::.*)?)$");

  /**
   * What went wrong, as far as its output and log tell: the innermost cause of the first stack
   * trace (e.g. {@code java.net.BindException: Could not start rest endpoint on any port in port
   * range 8081}). The output comes first: it holds the exception that ended the entry point; later
   * traces in the log are often the clean-up failing in turn.
   */
  public Optional<String> rootCause() {
    for (Path file : List.of(outFile(), logFile())) {
      Optional<String> cause = firstTraceCause(lines(file));
      if (cause.isPresent()) {
        return cause;
      }
    }
    return Optional.empty();
  }

  /** The innermost {@code Caused by} of the first stack trace in {@code lines}. */
  static Optional<String> firstTraceCause(List<String> lines) {
    String cause = null;
    for (String line : lines) {
      if (cause == null) {
        Matcher m = EXCEPTION.matcher(line.strip());
        if (m.matches()) {
          cause = m.group(1);
        }
      } else if (line.startsWith("Caused by: ")) {
        cause = line.substring("Caused by: ".length()).strip();
      } else if (!(line.startsWith("\t")
          || line.startsWith(" ")
          || line.startsWith("Suppressed:"))) {
        break; // the end of the first trace
      }
    }
    return Optional.ofNullable(cause);
  }

  /** The last {@code n} lines of its output and its log, for an error message. */
  public String tail(int n) {
    StringBuilder b = new StringBuilder();
    for (Path file : List.of(outFile(), logFile())) {
      List<String> lines = lines(file);
      if (lines.isEmpty()) {
        continue;
      }
      b.append("--- ").append(file).append(" (last lines) ---\n");
      for (String line : lines.subList(Math.max(0, lines.size() - n), lines.size())) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  private static List<String> lines(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
    }
  }
}
