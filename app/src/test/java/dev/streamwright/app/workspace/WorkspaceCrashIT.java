package dev.streamwright.app.workspace;

import static dev.streamwright.app.workspace.TestPipelines.orders;
import static dev.streamwright.app.workspace.TestPipelines.withCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A studio killed with kill -9 while it saves reopens with every save it acknowledged and nothing
 * damaged. The writer is a separate JVM ({@link CrashingWriter}), killed at a different moment in
 * each round; the workspace is reopened between rounds, as a restarted studio would.
 */
class WorkspaceCrashIT {

  private static final int ROUNDS = 4;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedSaveSurvivesKillMinus9() throws Exception {
    int acknowledgedTotal = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<String> acks = runAndKill(700 + 250L * round);
      assertThat(acks).as("round %d acknowledged saves", round).isNotEmpty();
      acknowledgedTotal += acks.size();

      try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
        for (String ack : acks) {
          String[] parts = ack.split(" ");
          String id = parts[1];
          int version = Integer.parseInt(parts[2]);
          if (id.equals(CrashingWriter.PIPELINE)) {
            assertThat(w.version(id, version))
                .as("acknowledged version %d", version)
                .isEqualTo(withCondition(orders(id), "amount > " + version));
          } else {
            assertThat(w.load(id)).as("acknowledged pipeline %s", id).contains(orders(id));
          }
        }
        int newest =
            w.pipelines().stream()
                .filter(i -> i.id().equals(CrashingWriter.PIPELINE))
                .findFirst()
                .orElseThrow()
                .versionCount();
        // every version in the history reads back, including one written but not yet acknowledged
        for (int v = 1; v <= newest; v++) {
          assertThat(w.version(CrashingWriter.PIPELINE, v))
              .isEqualTo(withCondition(orders(CrashingWriter.PIPELINE), "amount > " + v));
        }
      }
    }
    assertThat(acknowledgedTotal).isGreaterThan(ROUNDS * 10);
  }

  /** Starts the writer, checks that the folder is locked across processes, kills it. */
  private List<String> runAndKill(long killAfterMillis) throws Exception {
    Process child = start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> readLines(child, lines), "crash-writer-output");
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines.stream().noneMatch(l -> l.startsWith("ack"))) {
        assertThat(child.isAlive()).as("writer running; its output: %s", lines).isTrue();
        assertThat(System.nanoTime()).as("writer acknowledged a save in time").isLessThan(deadline);
        Thread.sleep(20);
      }
      assertThatThrownBy(() -> Workspace.open(dir, OpenMode.READ_WRITE))
          .isInstanceOf(WorkspaceLockedException.class)
          .hasMessageContaining("process " + child.pid());
      try (Workspace snapshot = Workspace.open(dir, OpenMode.READ_ONLY)) {
        assertThat(snapshot.load(CrashingWriter.PIPELINE)).isPresent();
      }
      Thread.sleep(killAfterMillis);
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
    }
    List<String> acks = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("ack ")) {
        acks.add(line);
      }
    }
    return acks;
  }

  private Process start() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");
    command.add("-Xmx256m");
    for (String property :
        List.of(
            "java.io.tmpdir",
            "streamwright.home",
            "streamwright.logDir",
            "log4j2.configurationFile")) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashingWriter.class.getName());
    command.add(dir.toString());
    return new ProcessBuilder(command)
        .redirectError(dir.resolveSibling(dir.getFileName() + "-writer.err").toFile())
        .start();
  }

  /** Collects complete lines only: a line cut by the kill was never acknowledged. */
  private static void readLines(Process child, List<String> lines) {
    try (InputStreamReader r =
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = r.read()) != -1) {
        if (c == '\n') {
          lines.add(line.toString());
          line.setLength(0);
        } else {
          line.append((char) c);
        }
      }
    } catch (IOException e) {
      // the pipe closed with the child
    }
  }
}
