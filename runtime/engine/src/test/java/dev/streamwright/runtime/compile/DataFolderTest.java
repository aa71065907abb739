package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataFolderTest {

  @Test
  void aPathWithoutPlaceholderIsKeptAsItIs() {
    assertThat(DataFolder.resolve(" /data/out ", null)).isEqualTo(resolved("/data/out"));
    assertThat(DataFolder.resolve("file:///data/out", "/ws/data"))
        .isEqualTo(resolved("file:///data/out"));
  }

  @Test
  void theDataPlaceholderIsAPlainPrefix() {
    assertThat(DataFolder.resolve("${data}/a/b", "/ws/data")).isEqualTo(resolved("/ws/data/a/b"));
    assertThat(DataFolder.resolve("${data}/a", "/ws/data//")).isEqualTo(resolved("/ws/data/a"));
    assertThat(DataFolder.resolve("${data}", "/ws/data")).isEqualTo(resolved("/ws/data"));
    assertThat(DataFolder.resolve("${data}/a", "s3://bucket/sw/"))
        .isEqualTo(resolved("s3://bucket/sw/a"));
    assertThat(DataFolder.resolve("${data}/a", "/")).isEqualTo(resolved("/a"));
  }

  @Test
  void anUnknownPlaceholderNamesItselfAndTheKnownOne() {
    assertThat(DataFolder.resolve("/x/${user}/out", "/ws/data").problem())
        .startsWith("'${user}' is not a placeholder Streamwright knows")
        .contains("${data}/features");
  }

  @Test
  void theDataPlaceholderOnlyStartsAPath() {
    assertThat(DataFolder.resolve("/x/${data}/out", "/ws/data").problem())
        .startsWith("${data} can only start the path");
    assertThat(DataFolder.resolve("${data}/${data}", "/ws/data").problem())
        .startsWith("${data} can only start the path");
    assertThat(DataFolder.resolve("${data}out", "/ws/data").problem())
        .isEqualTo("write a / after ${data}, as in ${data}/features");
  }

  @Test
  void anUnclosedPlaceholderSaysWhere() {
    assertThat(DataFolder.resolve("${data/out", "/ws/data").problem())
        .startsWith("the placeholder opened at position 1 is not closed");
    assertThat(DataFolder.resolve("${data}/out/${x", "/ws/data").problem())
        .startsWith("the placeholder opened at position 13 is not closed");
  }

  @Test
  void theDataPlaceholderNeedsTheEnvironmentsDataFolder() {
    assertThat(DataFolder.resolve("${data}/out", " ").problem())
        .contains("which this environment does not set (data.dir)");
    assertThat(DataFolder.resolve("${data}/out", null).ok()).isFalse();
  }

  private static DataFolder.Resolved resolved(String path) {
    return new DataFolder.Resolved(path, null);
  }
}
