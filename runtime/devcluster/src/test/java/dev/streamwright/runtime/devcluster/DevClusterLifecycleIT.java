package dev.streamwright.runtime.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.streamwright.runtime.devcluster.ClusterProcess.Role;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A dev cluster of its own per test: a TaskManager can be killed and relaunched, closing the
 * cluster leaves no process (the relaunched one included), thread or temp file behind, and one that
 * cannot start says which JVM failed and why, and leaves nothing running.
 */
class DevClusterLifecycleIT {

  @Test
  void closeStopsAllThreeJvmsAndLeavesNothingBehind() throws IOException {
    Set<String> threadsBefore = threadNames();
    List<Path> tmpBefore = list(Path.of(System.getProperty("java.io.tmpdir")));
    Path folder = DevClusterExtension.newFolder("lifecycle");

    DevCluster cluster = DevCluster.in(folder).start();
    // A relaunched TaskManager is a new JVM that registers anew, and close() stops it too.
    ClusterProcess first = cluster.state().process(Role.TASK_MANAGER);
    Set<String> registered = ClusterProbe.taskManagerIds(cluster.restUrl());
    cluster.relaunch(Role.TASK_MANAGER, Duration.ofSeconds(60));
    ClusterProcess second = cluster.state().process(Role.TASK_MANAGER);
    assertThat(first.isAlive()).isFalse();
    assertThat(second.pid()).isNotEqualTo(first.pid());
    assertThat(ClusterProbe.taskManagerIds(cluster.restUrl()))
        .isNotEmpty()
        .isNotEqualTo(registered);
    List<ClusterProcess> processes = cluster.state().processes();
    assertThat(processes).hasSize(3).allMatch(ClusterProcess::isAlive).contains(second);
    assertThat(ClusterProbe.overview(cluster.restUrl())).isPresent();
    cluster.close();

    for (ClusterProcess p : processes) {
      assertThat(ProcessHandle.of(p.pid()).filter(ProcessHandle::isAlive))
          .as("%s pid %d", p.role().title(), p.pid())
          .isEmpty();
    }
    assertThat(cluster.folder().tmp()).doesNotExist();
    assertThat(list(Path.of(System.getProperty("java.io.tmpdir")))).isEqualTo(tmpBefore);
    assertThat(ClusterProbe.overview(cluster.restUrl())).isEmpty();
    // The JDK's HTTP keep-alive timer ends 5 s after its last connection is gone; whatever else
    // is still there after that was left behind. The JDK's pool that waits for child processes
    // to end ("process reaper") stays for reuse.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    Set<String> leftover;
    do {
      leftover = threadNames();
      leftover.removeAll(threadsBefore);
      leftover.remove("process reaper");
    } while (!leftover.isEmpty() && System.nanoTime() < deadline && pause());
    assertThat(leftover).as("threads started for the dev cluster and still alive").isEmpty();
  }

  @Test
  void aJvmThatCannotStartIsNamedWithItsCauseAndNothingIsLeftRunning() throws IOException {
    Path folder = DevClusterExtension.newFolder("taken-port");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      DevClusterException e =
          catchThrowableOfType(
              DevClusterException.class,
              () -> DevCluster.in(folder).ports(0, 0, taken.getLocalPort()).start());

      assertThat(e.getMessage())
          .startsWith("The dev cluster's SQL Gateway (pid ")
          .contains("exited while starting")
          .contains(
              "exit code 1): java.net.BindException: Could not start rest endpoint on any port"
                  + " in port range "
                  + taken.getLocalPort()
                  + ". Its log: ")
          .contains("Its log: " + folder.resolve("log").resolve("sql-gateway.log"))
          .contains("--- " + folder.resolve("log"));
    }
    assertThat(processesOf(folder)).as("JVMs of the failed cluster still running").isEmpty();
    assertThat(folder.resolve("tmp")).doesNotExist();
  }

  private static boolean pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(200);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** This JVM's live children that run a JVM of the cluster in {@code folder}. */
  private static List<ProcessHandle> processesOf(Path folder) {
    String conf = folder.resolve("conf").toString();
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(
            h -> h.info().arguments().map(a -> String.join(" ", a).contains(conf)).orElse(false))
        .toList();
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
