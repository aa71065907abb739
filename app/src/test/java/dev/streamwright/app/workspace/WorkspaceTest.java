package dev.streamwright.app.workspace;

import static dev.streamwright.app.workspace.TestPipelines.orders;
import static dev.streamwright.app.workspace.TestPipelines.withCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

  @TempDir Path dir;

  private Workspace open() {
    return Workspace.open(dir, OpenMode.READ_WRITE);
  }

  @Test
  void savedPipelineLoadsBackAfterReopening() {
    Pipeline p = orders("orders");
    try (Workspace w = open()) {
      SaveResult r = w.save(p);
      assertThat(r.outcome()).isEqualTo(SaveResult.Outcome.CREATED);
      assertThat(r.version()).isEqualTo(1);
      assertThat(w.load("orders")).contains(p);
    }
    try (Workspace w = open()) {
      assertThat(w.load("orders")).contains(p);
      assertThat(w.pipelines())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.id()).isEqualTo("orders");
                assertThat(i.name()).isEqualTo("Orders orders");
                assertThat(i.versionCount()).isEqualTo(1);
              });
    }
  }

  @Test
  void loadOfAnUnknownIdIsEmpty() {
    try (Workspace w = open()) {
      assertThat(w.load("nope")).isEmpty();
    }
  }

  @Test
  void savingAnUnchangedPipelineAddsNoVersion() {
    try (Workspace w = open()) {
      w.save(orders("orders"));
      long sizeBefore = StoreFiles.size(dir.resolve(Workspace.STORE_FOLDER));

      SaveResult again = w.save(orders("orders"));

      assertThat(again.outcome()).isEqualTo(SaveResult.Outcome.UNCHANGED);
      assertThat(again.changed()).isFalse();
      assertThat(w.history("orders")).hasSize(1);
      assertThat(StoreFiles.size(dir.resolve(Workspace.STORE_FOLDER))).isEqualTo(sizeBefore);
    }
  }

  @Test
  void historyKeepsEveryVersionNewestFirstWithASummary() {
    try (Workspace w = open()) {
      w.save(orders("orders"));
      SaveResult second = w.save(withCondition(orders("orders"), "amount > 20"));
      w.save(withCondition(orders("orders"), "amount > 30"));

      assertThat(second.outcome()).isEqualTo(SaveResult.Outcome.NEW_VERSION);
      assertThat(w.history("orders")).extracting(VersionInfo::number).containsExactly(3, 2, 1);
      assertThat(w.history("orders").get(0).summary()).isEqualTo("changed big (condition)");
      assertThat(w.history("orders").get(2).summary()).isEqualTo("created");
      assertThat(w.version("orders", 2)).isEqualTo(withCondition(orders("orders"), "amount > 20"));
      assertThat(w.load("orders")).contains(withCondition(orders("orders"), "amount > 30"));
    }
  }

  @Test
  void diffOfTwoVersionsNamesTheChangedProperty() {
    try (Workspace w = open()) {
      w.save(orders("orders"));
      w.save(withCondition(orders("orders"), "amount > 20"));

      String diff = w.diff("orders", 1, 2);

      assertThat(diff).contains("~ node big").contains("condition").contains("amount > 20");
    }
  }

  @Test
  void historySurvivesManyBucketsAndAReopen() {
    int saves = VersionBucket.CAPACITY * 2 + 5;
    try (Workspace w = open()) {
      for (int i = 0; i < saves; i++) {
        w.save(withCondition(orders("orders"), "amount > " + i));
      }
    }
    try (Workspace w = open()) {
      assertThat(w.history("orders")).hasSize(saves);
      assertThat(w.version("orders", 40)).isEqualTo(withCondition(orders("orders"), "amount > 39"));
      assertThat(w.pipelines().get(0).versionCount()).isEqualTo(saves);
    }
  }

  @Test
  void aMissingVersionIsAnErrorThatSaysWhichExist() {
    try (Workspace w = open()) {
      w.save(orders("orders"));
      assertThatThrownBy(() -> w.version("orders", 5))
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining("versions 1 to 1");
      assertThatThrownBy(() -> w.history("ghost"))
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining("no pipeline 'ghost'");
    }
  }

  /**
   * Each save writes the new version and a few small changed objects, never the whole history: the
   * store grows by the same amount for every save however long the history is, and by less than the
   * text saved (versions are stored compressed).
   */
  @Test
  void manySavesGrowTheStoreLinearlyNotQuadratically() {
    Path store = dir.resolve(Workspace.STORE_FOLDER);
    PipelineCodec codec = new PipelineCodec();
    long savedText = 0;
    long[] sizeAt = new long[101];
    try (Workspace w = open()) {
      for (int i = 1; i <= 100; i++) {
        Pipeline p = withCondition(orders("orders"), "amount > " + (1000 + i));
        savedText += codec.write(p).length();
        w.save(p);
        sizeAt[i] = StoreFiles.size(store);
      }
      assertThat(w.history("orders")).hasSize(100);
    }
    // The store's background housekeeping copies a file's live data into a new file and deletes
    // the old file later, whenever its timer and the machine's load let it: the size at one moment
    // may hold both copies (once 150 KB here where the saves had written 106 KB), so neither a
    // size nor a sum of growths is a measure. What a save itself writes does not depend on timing,
    // and housekeeping changes the files in a few of the intervals between saves at most, so the
    // median growth per save is the saves' own. A store rewriting the history would grow ~2.4
    // times faster in the later saves, and by more than the text of a save.
    double early = medianGrowth(sizeAt, 11, 55);
    double late = medianGrowth(sizeAt, 56, 100);
    assertThat(late / early).as("median growth of saves 56-100 vs 11-55").isBetween(0.7, 1.3);
    double textPerSave = savedText / 100.0;
    assertThat(medianGrowth(sizeAt, 2, 100))
        .as("median growth per save vs %.0f bytes of text per save", textPerSave)
        .isLessThan(textPerSave);
  }

  @Test
  void deleteRemovesThePipelineAndItsHistory() {
    try (Workspace w = open()) {
      w.save(orders("a"));
      w.save(orders("b"));
      w.delete("a");
      w.delete("not-there");
    }
    try (Workspace w = open()) {
      assertThat(w.pipelines()).extracting(PipelineInfo::id).containsExactly("b");
      assertThat(w.load("a")).isEmpty();
    }
  }

  @Test
  void pipelinesAreListedByName() {
    try (Workspace w = open()) {
      w.save(orders("b").withVersion(1));
      w.save(new Pipeline("z", "alpha", "", 1, List.of(), List.of(), List.of()));
      w.save(new Pipeline("y", "Beta", "", 1, List.of(), List.of(), List.of()));

      assertThat(w.pipelines())
          .extracting(PipelineInfo::name)
          .containsExactly("alpha", "Beta", "Orders b");
    }
  }

  @Test
  void importOfAMalformedFileImportsNothing() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{ \"id\": \"x\", \"nodes\": [ }");
    try (Workspace w = open()) {
      assertThatThrownBy(() -> w.importFile(file))
          .isInstanceOf(PipelineFileException.class)
          .hasMessageContaining("broken.json")
          .hasMessageContaining("line 1");
      assertThat(w.pipelines()).isEmpty();
      assertThat(w.recentFiles()).isEmpty();
    }
  }

  @Test
  void importOfAFileFromANewerStreamwrightImportsNothing() throws Exception {
    Path file = dir.resolve("future.json");
    Files.writeString(
        file, "{\"formatVersion\": 99, \"id\": \"x\", \"nodes\": [], \"edges\": []}\n");
    try (Workspace w = open()) {
      assertThatThrownBy(() -> w.importFile(file))
          .isInstanceOf(PipelineFileException.class)
          .hasMessageContaining("newer Streamwright");
      assertThat(w.pipelines()).isEmpty();
    }
  }

  @Test
  void importAddsThePipelineAndRemembersTheFile() throws Exception {
    Path file = dir.resolve("orders.json");
    Files.writeString(file, new PipelineCodec().write(orders("orders")));
    try (Workspace w = open()) {
      Pipeline imported = w.importFile(file);

      assertThat(imported).isEqualTo(orders("orders"));
      assertThat(w.load("orders")).contains(orders("orders"));
      assertThat(w.history("orders").get(0).summary()).isEqualTo("imported from orders.json");
      assertThat(w.recentFiles()).containsExactly(file.toAbsolutePath().normalize());
    }
  }

  @Test
  void exportWritesTheCanonicalJson() throws Exception {
    Path file = dir.resolve("out").resolve("orders.json");
    try (Workspace w = open()) {
      w.save(orders("orders"));
      w.exportTo("orders", file);
    }
    assertThat(Files.readString(file)).isEqualTo(new PipelineCodec().write(orders("orders")));
    assertThat(new PipelineCodec().read(file)).isEqualTo(orders("orders"));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temp file left behind
    }
  }

  @Test
  void recentFilesAreBoundedAndMostRecentFirst() {
    try (Workspace w = open()) {
      for (int i = 1; i <= Workspace.MAX_RECENT_FILES + 2; i++) {
        w.addRecentFile(dir.resolve("f" + i + ".json"));
      }
      w.addRecentFile(dir.resolve("f5.json"));
    }
    try (Workspace w = open()) {
      List<Path> recent = w.recentFiles();
      assertThat(recent).hasSize(Workspace.MAX_RECENT_FILES).doesNotHaveDuplicates();
      assertThat(recent.get(0)).isEqualTo(dir.resolve("f5.json"));
      assertThat(recent.get(1)).isEqualTo(dir.resolve("f12.json"));
      assertThat(recent).doesNotContain(dir.resolve("f1.json"), dir.resolve("f2.json"));
    }
  }

  @Test
  void settingsAreKeptAndANullValueRemovesOne() {
    try (Workspace w = open()) {
      w.setSetting("theme", "dark");
      w.setSetting("zoom", "1.5");
      w.setSetting("zoom", null);
    }
    try (Workspace w = open()) {
      assertThat(w.settings()).containsExactlyEntriesOf(java.util.Map.of("theme", "dark"));
    }
  }

  @Test
  void seedIfEmptySeedsOnlyOnce() {
    List<Pipeline> samples = List.of(orders("s1"), orders("s2"));
    try (Workspace w = open()) {
      assertThat(w.seedIfEmpty(samples)).isTrue();
      assertThat(w.pipelines()).extracting(PipelineInfo::id).containsExactly("s1", "s2");
      assertThat(w.seedIfEmpty(samples)).isFalse();
      w.delete("s1");
      w.delete("s2");
    }
    try (Workspace w = open()) {
      assertThat(w.seedIfEmpty(samples)).as("after the user deleted the samples").isFalse();
      assertThat(w.pipelines()).isEmpty();
    }
  }

  @Test
  void concurrentSavesFromSeveralThreadsAllLand() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Workspace w = open()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String id = "p" + t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    w.save(withCondition(orders(id), "amount > " + i));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(w.pipelines()).allSatisfy(i -> assertThat(i.versionCount()).isEqualTo(20));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClosedWorkspaceRefusesCalls() {
    Workspace w = open();
    w.close();
    w.close(); // twice is fine
    assertThatThrownBy(w::pipelines).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void defaultDirectoryIsInTheDataFolder() {
    assertThat(Workspace.defaultDirectory())
        .isEqualTo(dev.streamwright.app.process.AppFolders.detect().data().resolve("workspace"));
  }

  private static double medianGrowth(long[] sizeAt, int from, int to) {
    long[] growth = new long[to - from + 1];
    for (int i = from; i <= to; i++) {
      growth[i - from] = sizeAt[i] - sizeAt[i - 1];
    }
    java.util.Arrays.sort(growth);
    return growth[growth.length / 2];
  }
}
