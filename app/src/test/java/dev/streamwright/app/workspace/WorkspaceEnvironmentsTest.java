package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.app.deployments.NewDeployment;
import dev.streamwright.app.environments.ConfigValue;
import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.RemoteEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote environments in the workspace: kept across restarts, each change whole or not at all. */
class WorkspaceEnvironmentsTest {

  @TempDir Path dir;

  static RemoteEnvironment prod(String gateway) {
    return RemoteEnvironment.builder("prod")
        .gatewayUrl(gateway)
        .restUrl("http://jm:8081")
        .kafkaBootstrapServers("kafka:9093")
        .kafkaProperty("security.protocol", new ConfigValue.Plain("SASL_SSL"))
        .kafkaProperty("sasl.jaas.config", new ConfigValue.Stored("v1.0011aabb.c2VhbGVk"))
        .header("Authorization", new ConfigValue.FromEnv("FLINK_TOKEN"))
        .jar("s3://bucket/onnx.jar")
        .parallelism(2)
        .savepointDir("s3://bucket/sp")
        .build();
  }

  @Test
  void environmentsSurviveARestartWithEveryField() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments.of(w).add(prod("http://gw:8083"));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceEnvironments.of(w).list()).containsExactly(prod("http://gw:8083"));
      assertThat(WorkspaceEnvironments.of(w).get("prod")).contains(prod("http://gw:8083"));
      assertThat(WorkspaceEnvironments.of(w).get("nope")).isEmpty();
    }
  }

  @Test
  void aTakenNameIsRefusedAndTheStoredOneStays() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments envs = WorkspaceEnvironments.of(w);
      envs.add(prod("http://gw:8083"));

      assertThatThrownBy(() -> envs.add(prod("http://other:8083")))
          .isInstanceOf(EnvironmentException.class)
          .hasMessageContaining("already an environment named 'prod'")
          .hasMessageContaining("--replace");
      assertThat(envs.get("prod")).contains(prod("http://gw:8083"));

      envs.put(prod("http://other:8083"));
      assertThat(envs.list()).containsExactly(prod("http://other:8083"));
    }
  }

  @Test
  void removeForgetsItButNeverEmbeddedNorOneWithLiveDeployments() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments envs = WorkspaceEnvironments.of(w);
      envs.add(prod("http://gw:8083"));
      WorkspaceDeployments deployments = WorkspaceDeployments.of(w);
      String id = deployments.create(new NewDeployment("p", "P", 1, "{}", "prod")).id();

      assertThatThrownBy(() -> envs.remove("embedded")).hasMessageContaining("always there");
      assertThatThrownBy(() -> envs.remove("prod"))
          .isInstanceOf(EnvironmentException.class)
          .hasMessageContaining("deployments that may still run (" + id + ")");
      assertThat(envs.get("prod")).isPresent();

      deployments.update(id, new DeploymentUpdate().state(DeploymentState.STOPPED, ""));
      assertThat(envs.remove("prod")).isTrue();
      assertThat(envs.remove("prod")).isFalse();
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceEnvironments.of(w).list()).isEmpty();
      assertThat(WorkspaceDeployments.of(w).list()).hasSize(1);
    }
  }

  @Test
  void aStoreFromBeforeEnvironmentsGainsThemOnTheFirstAdd() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      w.session.storage.root().environments = null; // as loaded from an older store
      w.session.storage.root().deployments = null;
      assertThat(WorkspaceEnvironments.of(w).list()).isEmpty();
      assertThat(WorkspaceDeployments.of(w).list()).isEmpty();
      WorkspaceEnvironments.of(w).add(prod("http://gw:8083"));
      WorkspaceDeployments.of(w).create(new NewDeployment("p", "P", 1, "{}", "prod"));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(WorkspaceEnvironments.of(w).list()).hasSize(1);
      assertThat(WorkspaceDeployments.of(w).list()).hasSize(1);
    }
  }

  @Test
  void aReadOnlyWorkspaceListsButRefusesChanges() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments.of(w).add(prod("http://gw:8083"));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      assertThat(WorkspaceEnvironments.of(w).list()).hasSize(1);
      assertThatThrownBy(() -> WorkspaceEnvironments.of(w).remove("prod"))
          .isInstanceOf(WorkspaceReadOnlyException.class);
    }
  }
}
