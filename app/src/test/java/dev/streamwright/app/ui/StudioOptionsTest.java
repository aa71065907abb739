package dev.streamwright.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudioOptionsTest {

  @Test
  void noArgumentsStartTheStudio() {
    assertThat(StudioOptions.startsStudio(new String[0])).isTrue();
  }

  @Test
  void onlyStudioOptionsStartTheStudio() {
    assertThat(StudioOptions.startsStudio(new String[] {"--workspace", "w"})).isTrue();
    assertThat(StudioOptions.startsStudio(new String[] {"--workspace=w"})).isTrue();
  }

  @Test
  void commandsAndTheirOptionsGoToTheCommandLine() {
    assertThat(StudioOptions.startsStudio(new String[] {"run", "p.json"})).isFalse();
    assertThat(StudioOptions.startsStudio(new String[] {"--help"})).isFalse();
    assertThat(StudioOptions.startsStudio(new String[] {"--version"})).isFalse();
  }

  @Test
  void theWorkspaceFolderIsReadInBothSpellings() {
    assertThat(StudioOptions.parse(List.of("--workspace", "/tmp/a")).workspace())
        .contains(Path.of("/tmp/a"));
    assertThat(StudioOptions.parse(List.of("--workspace=/tmp/b")).workspace())
        .contains(Path.of("/tmp/b"));
    assertThat(StudioOptions.parse(List.of()).workspace()).isEqualTo(Optional.empty());
  }

  @Test
  void aMissingFolderOrUnknownOptionIsAUsageError() {
    assertThatThrownBy(() -> StudioOptions.parse(List.of("--workspace")))
        .hasMessageContaining("Missing folder after --workspace");
    assertThatThrownBy(() -> StudioOptions.parse(List.of("--workspace", "w", "--frob", "x")))
        .hasMessageContaining("Unknown studio option '--frob'");
  }
}
