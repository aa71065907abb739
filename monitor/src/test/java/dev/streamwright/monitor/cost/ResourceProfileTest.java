package dev.streamwright.monitor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResourceProfileTest {

  @Test
  void slotsTimesThePerSlotShapePlusTheJobManager() {
    ResourceProfile r = ResourceProfile.of(3, EnvironmentProfile.DEFAULT);
    // 3 slots x 0.5 core + 1 JobManager core = 2.5; 3 x 1 GiB + 2 GiB = 5
    assertThat(r.slots()).isEqualTo(3);
    assertThat(r.requestedCores()).isCloseTo(2.5, within(1e-12));
    assertThat(r.requestedMemoryGib()).isCloseTo(5.0, within(1e-12));

    ResourceProfile big = ResourceProfile.of(4, new EnvironmentProfile(2, 8, 0.5, 1));
    // 4 x 2 + 0.5 = 8.5 cores; 4 x 8 + 1 = 33 GiB
    assertThat(big.requestedCores()).isCloseTo(8.5, within(1e-12));
    assertThat(big.requestedMemoryGib()).isCloseTo(33.0, within(1e-12));
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> ResourceProfile.of(0, EnvironmentProfile.DEFAULT))
        .hasMessageContaining("parallelism must be at least 1, not 0");
    assertThat(new EnvironmentProfile(0, 1, -1, Double.NaN).problems())
        .containsExactly(
            "coresPerSlot must be a number above 0, not 0.0",
            "jobManagerCores must be a number of at least 0, not -1.0",
            "jobManagerMemoryGib must be a number of at least 0, not NaN");
    assertThatThrownBy(() -> ResourceProfile.of(2, new EnvironmentProfile(1, 0, 1, 1)))
        .hasMessageContaining("memoryGibPerSlot");
  }
}
