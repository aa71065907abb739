package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.app.deployments.CheckpointRecord;
import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.app.deployments.NewDeployment;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.runtime.codec.PipelineCodec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment records: a full lifecycle kept across restarts, atomic updates, many at once. */
class WorkspaceDeploymentsTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final PipelineCodec CODEC = new PipelineCodec();

  @TempDir Path dir;

  private final String v1 = CODEC.write(TestPipelines.orders("orders"));
  private final String v2 =
      CODEC.write(TestPipelines.withCondition(TestPipelines.orders("orders"), "amount > 5"));

  @BeforeEach
  void anEnvironment() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments.of(w).add(WorkspaceEnvironmentsTest.prod("http://gw:8083"));
    }
  }

  @Test
  void aLifecycleIsRecordedAndSurvivesARestart() {
    String id;
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceDeployments d = WorkspaceDeployments.of(w);
      DeploymentRecord created = d.create(new NewDeployment("orders", "Orders", 3, v1, "prod"));
      id = created.id();
      assertThat(created.state()).isEqualTo(DeploymentState.DEPLOYING);
      assertThat(created.currentVersion()).isEqualTo(1);
      assertThat(created.current().pipelineVersion()).isEqualTo(3);

      d.update(
          id,
          new DeploymentUpdate()
              .jobId("job-1")
              .state(DeploymentState.RUNNING, "")
              .event(DeploymentEvent.deployed(T0, 1, "job-1")));
      d.update(
          id,
          new DeploymentUpdate()
              .checkpoint(
                  new CheckpointRecord("file:///cp/chk-4", T0.plusSeconds(20), 1, "job-1", 4096)));
      d.update(
          id,
          new DeploymentUpdate()
              .state(DeploymentState.STOPPED, "")
              .savepoint(
                  new SavepointRecord("file:///sp/savepoint-1", T0.plusSeconds(30), 1, "job-1"))
              .event(
                  DeploymentEvent.stopped(T0.plusSeconds(30), "job-1", "file:///sp/savepoint-1")));
      d.update(
          id,
          new DeploymentUpdate()
              .newVersion(v2, 4)
              .jobId("job-2")
              .state(DeploymentState.RUNNING, "")
              .event(
                  DeploymentEvent.upgraded(
                      T0.plusSeconds(40), 2, "file:///sp/savepoint-1", "job-2")));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceDeployments d = WorkspaceDeployments.of(w);
      DeploymentRecord r = d.get(id).orElseThrow();
      assertThat(r.jobId()).isEqualTo("job-2");
      assertThat(r.state()).isEqualTo(DeploymentState.RUNNING);
      assertThat(r.currentVersion()).isEqualTo(2);
      assertThat(r.current().pipelineVersion()).isEqualTo(4);
      assertThat(r.versions()).hasSize(2);
      assertThat(r.events())
          .extracting(DeploymentEvent::describe)
          .containsExactly(
              "deployed version 1 (job job-1)",
              "stopped with savepoint file:///sp/savepoint-1 (job job-1)",
              "upgraded to version 2 from file:///sp/savepoint-1 (job job-2)");
      assertThat(r.latestSavepoint())
          .get()
          .extracting(SavepointRecord::path)
          .isEqualTo("file:///sp/savepoint-1");
      assertThat(r.latestCheckpoint())
          .get()
          .extracting(CheckpointRecord::sizeBytes)
          .isEqualTo(4096L);
      assertThat(d.pipelineJson(id, 1)).isEqualTo(v1);
      assertThat(d.pipelineJson(id, 2)).isEqualTo(v2);
      assertThat(d.find(id.substring(0, 3)).id()).isEqualTo(id);

      DeploymentRecord back =
          d.update(
              id,
              new DeploymentUpdate()
                  .currentVersion(1)
                  .event(
                      DeploymentEvent.rolledBack(T0.plusSeconds(50), 1, "file:///sp/2", "job-3")));
      assertThat(back.currentVersion()).isEqualTo(1);
      assertThat(back.events().get(3).describe()).startsWith("rolled back to version 1");
    }
  }

  @Test
  void aRefusedUpdateChangesNothing() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceDeployments d = WorkspaceDeployments.of(w);
      DeploymentRecord r = d.create(new NewDeployment("orders", "Orders", 1, v1, "prod"));

      assertThatThrownBy(
              () ->
                  d.update(
                      r.id(),
                      new DeploymentUpdate().state(DeploymentState.RUNNING, "").currentVersion(7)))
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining("has versions 1 to 1; not 7");
      assertThat(d.get(r.id())).contains(r);
      assertThatThrownBy(() -> d.create(new NewDeployment("orders", "O", 1, v1, "nowhere")))
          .hasMessageContaining("no environment named 'nowhere'");
      assertThatThrownBy(() -> d.find("zzzzzzzzz")).hasMessageContaining("no deployment");
    }
  }

  @Test
  void concurrentUpdatesAreAllKept() throws Exception {
    String id;
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceDeployments d = WorkspaceDeployments.of(w);
      id = d.create(new NewDeployment("orders", "Orders", 1, v1, "prod")).id();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          all.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 25; i++) {
                      d.update(
                          id,
                          new DeploymentUpdate()
                              .event(DeploymentEvent.failed(T0, "j", thread + "-" + i)));
                    }
                  }));
        }
        for (Future<?> f : all) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceDeployments.of(w).get(id).orElseThrow().events()).hasSize(100);
    }
  }

  @Test
  void fiftyDeploymentsWithTheirHistoryAreListedByEnvironmentAfterARestart() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceDeployments d = WorkspaceDeployments.of(w);
      for (int i = 0; i < 50; i++) {
        String id = d.create(new NewDeployment("orders", "Orders", i, v1, "prod")).id();
        for (int e = 0; e < 10; e++) {
          d.update(id, new DeploymentUpdate().event(DeploymentEvent.deployed(T0, 1, "job-" + e)));
        }
      }
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      List<DeploymentRecord> all = WorkspaceDeployments.of(w).list("prod");
      assertThat(all).hasSize(50).allSatisfy(r -> assertThat(r.events()).hasSize(10));
      assertThat(WorkspaceDeployments.of(w).list("elsewhere")).isEmpty();
    }
  }
}
