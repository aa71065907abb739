package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start of a studio on an empty folder: samples seeded, the quickstart open. */
class StudioStartsTest {

  @TempDir Path workspace;

  @Test
  void aFirstStartOpensTheQuickstartFromTheSamples() throws Exception {
    try (StudioDriver studio = StudioDriver.launch(workspace).awaitReady()) {
      assertThat(studio.fx(() -> studio.model().designer().pipeline().id()))
          .isEqualTo("quickstart");
      assertThat(studio.fx(() -> studio.stage().getTitle())).startsWith("Quickstart");
      StudioDriver.waitFor(
          StudioDriver.READY,
          () -> !studio.model().designer().outputs().sqlProperty().get().isBlank());
      assertThat(studio.fx(() -> studio.model().saveStatusProperty().get())).isEqualTo("Saved");
    }
  }
}
