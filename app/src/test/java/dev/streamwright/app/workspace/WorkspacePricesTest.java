package dev.streamwright.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.EnvironmentProfile;
import dev.streamwright.monitor.cost.PricePresets;
import dev.streamwright.monitor.cost.PriceProfile;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Price profiles and each environment's pricing survive a restart; bad input is refused. */
class WorkspacePricesTest {

  @TempDir Path dir;

  static final PriceProfile OURS =
      new PriceProfile(
          "Our cluster",
          "EUR",
          0.03,
          0.004,
          0,
          0,
          0.02,
          LocalDate.of(2026, 12, 1),
          "contract",
          false);

  private static RemoteEnvironment prod() {
    return RemoteEnvironment.builder("prod")
        .gatewayUrl("http://gw:8083")
        .restUrl("http://jm:8081")
        .parallelism(4)
        .build();
  }

  @Test
  void withoutChoicesTheEmbeddedRuntimeIsTheLocalMachineAndRemoteOnesAws() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments.of(w).add(prod());
      WorkspacePrices p = WorkspacePrices.of(w);
      assertThat(p.profiles()).containsExactlyElementsOf(PricePresets.all());
      assertThat(p.profileFor("embedded")).isEqualTo(PricePresets.LOCAL_MACHINE);
      assertThat(p.profileFor("prod")).isEqualTo(PricePresets.AWS_US_EAST_1);
      assertThat(p.resources("prod")).isEqualTo(EnvironmentProfile.DEFAULT);
      CostSettings s = p.costSettings("prod");
      assertThat(s.fallbackParallelism()).isEqualTo(4);
      assertThat(p.costSettings("embedded").fallbackParallelism()).isEqualTo(1);
    }
  }

  @Test
  void profilesChoicesAndResourcesAreThereAfterARestart() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments.of(w).add(prod());
      WorkspacePrices p = WorkspacePrices.of(w);
      p.save(OURS);
      p.use("prod", "our cluster");
      p.use("embedded", "gcp-us-central1");
      p.setResources("prod", new EnvironmentProfile(2, 8, 1, 4));
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspacePrices p = WorkspacePrices.of(w);
      assertThat(p.profiles()).hasSize(5).last().isEqualTo(OURS);
      assertThat(p.profileFor("prod")).isEqualTo(OURS);
      assertThat(p.profileFor("embedded")).isEqualTo(PricePresets.GCP_US_CENTRAL1);
      assertThat(p.resources("prod")).isEqualTo(new EnvironmentProfile(2, 8, 1, 4));
      assertThat(p.costSettings("prod").environment().coresPerSlot()).isEqualTo(2);

      PriceProfile raised = OURS.withName("our cluster");
      p.save(
          new PriceProfile(
              raised.name(), "EUR", 0.05, 0.004, 0, 0, 0.02, OURS.pricesTakenOn(), "new", false));
      assertThat(p.profiles()).hasSize(5);
      assertThat(p.profile("Our Cluster").orElseThrow().cpuCoreHour()).isEqualTo(0.05);
    }
  }

  @Test
  void badInputIsRefusedWithWhatToDo() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspacePrices p = WorkspacePrices.of(w);
      assertThatThrownBy(() -> p.save(OURS.withName("local")))
          .hasMessageContaining("name of a preset");
      assertThatThrownBy(
              () ->
                  p.save(
                      new PriceProfile(
                          "x", "EURO", -1, 0, 0, 0, 0, LocalDate.of(2026, 1, 1), "s", false)))
          .hasMessageContaining("currency must be an ISO 4217 code")
          .hasMessageContaining("cpuCoreHour must be a price of at least 0");
      assertThatThrownBy(() -> p.use("staging", "local"))
          .hasMessageContaining("There is no environment 'staging'");
      assertThatThrownBy(() -> p.use("embedded", "cheap"))
          .hasMessageContaining("There is no price profile 'cheap'");
      assertThatThrownBy(() -> p.setResources("embedded", new EnvironmentProfile(0, 1, 1, 2)))
          .hasMessageContaining("coresPerSlot must be a number above 0");
      assertThatThrownBy(() -> p.remove("aws-us-east-1")).hasMessageContaining("preset");
      p.save(OURS);
      p.use("embedded", OURS.name());
      assertThatThrownBy(() -> p.remove(OURS.name()))
          .hasMessageContaining("used by embedded")
          .hasMessageContaining("streamwright prices use");
      p.use("embedded", "local");
      assertThat(p.remove(OURS.name())).isTrue();
      assertThat(p.remove(OURS.name())).isFalse();
    }
  }

  @Test
  void aReadOnlyWorkspaceRefusesChanges() {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspacePrices.of(w).save(OURS);
    }
    try (Workspace w = Workspace.open(dir, OpenMode.READ_ONLY)) {
      assertThat(WorkspacePrices.of(w).profile(OURS.name())).contains(OURS);
      assertThatThrownBy(() -> WorkspacePrices.of(w).use("embedded", "local"))
          .isInstanceOf(WorkspaceReadOnlyException.class);
    }
  }
}
