package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.runtime.devcluster.ClusterProcess;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code streamwright dev-cluster start|status|stop}, in-process through the command line, with a
 * data folder of its own under target/: the cluster outlives {@code start} and is found, checked
 * and stopped by the later commands; {@code start} registers it as the environment {@code
 * dev-cluster}, which stays after {@code stop} and then tests as not running.
 */
class DevClusterCommandIT {

  private static final Pattern REST = Pattern.compile("Flink REST: +(http://127\\.0\\.0\\.1:\\d+)");
  private static final Pattern GATEWAY =
      Pattern.compile("SQL Gateway: +(http://127\\.0\\.0\\.1:\\d+)");

  private String previousHome;
  private Path home;

  @BeforeEach
  void ownDataFolder() throws IOException {
    Path base = Files.createDirectories(Path.of("target", "dev-cluster-cli"));
    home = Files.createTempDirectory(base, "home-").toAbsolutePath();
    previousHome = System.getProperty(AppFolders.HOME_PROPERTY);
    System.setProperty(AppFolders.HOME_PROPERTY, home.toString());
  }

  @AfterEach
  void stopWhateverIsLeftAndRestore() {
    try {
      DevClusterState.read(clusterFolder()).ifPresent(DevCluster::stop);
    } finally {
      if (previousHome == null) {
        System.clearProperty(AppFolders.HOME_PROPERTY);
      } else {
        System.setProperty(AppFolders.HOME_PROPERTY, previousHome);
      }
    }
  }

  private Path clusterFolder() {
    return home.resolve("dev-cluster");
  }

  @Test
  void startLeavesAClusterRunningThatStatusSeesAndStopEnds() throws IOException {
    Result start = CliHarness.run("dev-cluster", "start");

    assertThat(start.exitCode()).as(start.all()).isZero();
    String rest = group(REST, start.out());
    String gateway = group(GATEWAY, start.out());
    assertThat(start.err()).contains("Stop it with: streamwright dev-cluster stop");
    DevClusterState state = DevClusterState.read(clusterFolder()).orElseThrow();
    assertThat(state.restUrl()).isEqualTo(URI.create(rest));
    assertThat(state.gatewayUrl()).isEqualTo(URI.create(gateway));
    assertThat(state.processes()).hasSize(3).allMatch(ClusterProcess::isAlive);
    for (ClusterProcess p : state.processes()) {
      // Detached: a cluster started from the command line must outlive the command's JVM.
      assertThat(Files.readString(p.argsFile()))
          .contains("-Dstreamwright.devcluster.watch-parent=false");
    }

    assertThat(start.err()).contains("Registered it as the environment 'dev-cluster'");
    Result envs = CliHarness.run("env", "list");
    assertThat(envs.out())
        .containsPattern("dev-cluster +" + Pattern.quote(gateway) + " +" + Pattern.quote(rest))
        .contains("savepoints      " + clusterFolder().resolve("savepoints").toUri());

    Result again = CliHarness.run("dev-cluster", "start");

    assertThat(again.exitCode()).as(again.all()).isZero();
    assertThat(again.err()).contains("A dev cluster is already running");
    assertThat(again.out()).contains(rest, gateway);
    assertThat(DevClusterState.read(clusterFolder())).contains(state);

    Result status = CliHarness.run("dev-cluster", "status");

    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(status.out())
        .contains("dev cluster: up")
        .contains(rest + " up (1 TaskManager, 4 slots, Flink 2.2.0)")
        .contains(gateway + " up (Flink 2.2.0)");

    Result stop = CliHarness.run("dev-cluster", "stop");

    assertThat(stop.exitCode()).as(stop.all()).isZero();
    assertThat(stop.err()).contains("Stopped the dev cluster (JobManager ");
    for (ClusterProcess p : state.processes()) {
      assertThat(ProcessHandle.of(p.pid()).filter(ProcessHandle::isAlive))
          .as(p.role().title())
          .isEmpty();
    }
    assertThat(DevClusterState.file(clusterFolder())).doesNotExist();
    assertThat(clusterFolder().resolve("tmp")).doesNotExist();
    assertThat(clusterFolder().resolve("log").resolve("jobmanager.log")).isNotEmptyFile();

    Result statusAfter = CliHarness.run("dev-cluster", "status");

    assertThat(statusAfter.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(statusAfter.out()).contains("dev cluster: down");
    assertThat(statusAfter.err()).contains("No dev cluster is running");
    Result envsAfter = CliHarness.run("env", "list");
    assertThat(envsAfter.out())
        .as("stop leaves the environment registered")
        .contains("dev-cluster");
    Result test = CliHarness.run("env", "test", "dev-cluster");
    assertThat(test.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(test.out()).contains("dev cluster", "not running; start it with");
    Result stopAgain = CliHarness.run("dev-cluster", "stop");
    assertThat(stopAgain.exitCode()).isZero();
    assertThat(stopAgain.err()).contains("No dev cluster is running.");
  }

  @Test
  void statusReportsAndClearsTheStateOfAClusterWhoseProcessesAreGone() throws IOException {
    Path folder = Files.createDirectories(clusterFolder());
    Files.createDirectories(folder.resolve("tmp"));
    // This JVM's pid with another start time: a pid reused by an unrelated process.
    Instant before = ProcessHandle.current().info().startInstant().orElseThrow().minusSeconds(60);
    long pid = ProcessHandle.current().pid();
    DevClusterState stale =
        new DevClusterState(
            folder,
            URI.create("http://127.0.0.1:1"),
            URI.create("http://127.0.0.1:2"),
            3,
            before,
            List.of(
                new ClusterProcess(
                    ClusterProcess.Role.JOB_MANAGER, pid, before, folder.resolve("conf/a.args")),
                new ClusterProcess(
                    ClusterProcess.Role.TASK_MANAGER, pid, before, folder.resolve("conf/b.args")),
                new ClusterProcess(
                    ClusterProcess.Role.SQL_GATEWAY, pid, before, folder.resolve("conf/c.args"))));
    stale.write();

    Result status = CliHarness.run("dev-cluster", "status");

    assertThat(status.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(status.out()).contains("dev cluster: down");
    assertThat(status.err())
        .contains("is no longer running (its processes JobManager " + pid)
        .contains("removed its state");
    assertThat(DevClusterState.file(folder)).doesNotExist();
    assertThat(folder.resolve("tmp")).doesNotExist();
    assertThat(ProcessHandle.current().isAlive()).as("this JVM was not signalled").isTrue();
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in:%n%s", p, text).isTrue();
    return m.group(1);
  }
}
