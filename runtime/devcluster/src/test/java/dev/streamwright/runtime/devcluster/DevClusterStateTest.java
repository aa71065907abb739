package dev.streamwright.runtime.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.devcluster.ClusterProcess.Role;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster.json}: what a later command needs to find, check and stop a cluster. */
class DevClusterStateTest {

  @TempDir Path folder;

  @Test
  void writtenStateReadsBackEqual() throws IOException {
    Instant t = Instant.parse("2026-12-07T10:15:30.120Z");
    DevClusterState state =
        new DevClusterState(
            folder,
            URI.create("http://127.0.0.1:40001"),
            URI.create("http://127.0.0.1:40002"),
            40003,
            t,
            List.of(
                new ClusterProcess(Role.JOB_MANAGER, 11, t, folder.resolve("conf/jobmanager.args")),
                new ClusterProcess(
                    Role.TASK_MANAGER, 12, t, folder.resolve("conf/taskmanager.args")),
                new ClusterProcess(
                    Role.SQL_GATEWAY, 13, t, folder.resolve("conf/sql-gateway.args"))));

    state.write();

    assertThat(DevClusterState.read(folder)).contains(state);
    assertThat(folder.resolve("cluster.json.tmp")).doesNotExist();
  }

  @Test
  void noFileMeansNoCluster() {
    assertThat(DevClusterState.read(folder)).isEmpty();
  }

  @Test
  void aDamagedFileSaysWhatToDo() throws IOException {
    Files.writeString(folder.resolve("cluster.json"), "{\"folder\": \"x\"");

    assertThatThrownBy(() -> DevClusterState.read(folder))
        .isInstanceOf(DevClusterException.class)
        .hasMessageContaining("cluster.json cannot be read")
        .hasMessageContaining("delete the file and start again");
  }

  @Test
  void aRecordedProcessWhosePidNowBelongsToAnotherProcessIsNotOurs() {
    ProcessHandle self = ProcessHandle.current();
    Instant otherStart = self.info().startInstant().orElseThrow().minusSeconds(5);
    ClusterProcess recorded =
        new ClusterProcess(Role.JOB_MANAGER, self.pid(), otherStart, folder.resolve("x.args"));

    assertThat(recorded.isAlive()).isFalse();
    assertThat(recorded.handle()).isEmpty();
  }
}
