package dev.streamwright.app.workspace;

import static dev.streamwright.app.workspace.TestPipelines.orders;
import static dev.streamwright.app.workspace.TestPipelines.withCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceBackupTest {

  @TempDir Path dir;

  private Path store() {
    return dir.resolve(Workspace.STORE_FOLDER);
  }

  /** One studio session that saves the orders pipeline with this condition. */
  private void sessionSaving(String condition) {
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      w.save(withCondition(orders("orders"), condition));
    }
  }

  @Test
  void openingAChangedStoreBacksItUpFirst() {
    sessionSaving("amount > 1");
    Map<String, StoreFiles.FileState> before = StoreFiles.fingerprint(store());

    Workspace.open(dir, OpenMode.READ_WRITE).close();

    List<String> backups = Workspace.backups(dir);
    assertThat(backups).hasSize(1);
    assertThat(StoreFiles.fingerprint(dir.resolve("backups").resolve(backups.get(0))))
        .isEqualTo(before);
  }

  @Test
  void anUnchangedStoreIsNotBackedUpAgain() {
    sessionSaving("amount > 1");
    Workspace.open(dir, OpenMode.READ_WRITE).close();
    Workspace.open(dir, OpenMode.READ_WRITE).close();
    Workspace.open(dir, OpenMode.READ_WRITE).close();

    assertThat(Workspace.backups(dir)).hasSize(1);
  }

  @Test
  void theNewestThreeBackupsAreKept() throws IOException {
    for (int i = 0; i < 6; i++) {
      sessionSaving("amount > " + i);
    }
    List<String> backups = Workspace.backups(dir);
    assertThat(backups).hasSize(Backups.KEEP);
    assertThat(backups).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    try (Stream<Path> left = Files.list(dir.resolve("backups"))) {
      assertThat(left).hasSize(Backups.KEEP); // no half-made backup either
    }
  }

  @Test
  void aTruncatedDataFileIsReportedWithTheBackupsAndTheStoreIsLeftAlone() throws Exception {
    sessionSaving("amount > 1");
    sessionSaving("amount > 2"); // its open backs up the first session's store
    Path data = dataFile();
    try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
      f.setLength(f.length() - 100);
    }
    Map<String, String> damaged = contents(store());

    assertThatThrownBy(() -> Workspace.open(dir, OpenMode.READ_WRITE))
        .isInstanceOf(WorkspaceCorruptException.class)
        .hasMessageContaining("cannot be read")
        .hasMessageContaining("nothing was overwritten")
        .hasMessageContaining(Workspace.backups(dir).get(0))
        .satisfies(
            e ->
                assertThat(((WorkspaceCorruptException) e).backups())
                    .isEqualTo(Workspace.backups(dir))
                    .hasSize(1));

    assertThat(contents(store())).isEqualTo(damaged);
    assertNoStorageThreadsLeft();
  }

  @Test
  void aStoreThatEclipseStoreRewritesOnAFailedStartIsPutBackAsItWas() throws Exception {
    sessionSaving("amount > 1");
    Files.writeString(store().resolve("PersistenceTypeDictionary.ptd"), "");
    Map<String, String> damaged = contents(store());

    assertThatThrownBy(() -> Workspace.open(dir, OpenMode.READ_WRITE))
        .isInstanceOf(WorkspaceCorruptException.class);

    assertThat(contents(store())).isEqualTo(damaged);
    assertThat(Workspace.backups(dir)).as("a damaged store is no backup").isEmpty();
    assertNoStorageThreadsLeft();
  }

  @Test
  void aCutTransactionsLogIsReportedInsteadOfHanging() throws Exception {
    sessionSaving("amount > 1");
    Path log = transactionsLog();
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
      f.setLength(f.length() - 5); // inside the last entry: Eclipse Store 2.1.3 would spin forever
    }

    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            assertThatThrownBy(() -> Workspace.open(dir, OpenMode.READ_WRITE))
                .isInstanceOf(WorkspaceCorruptException.class)
                .hasMessageContaining("transactions log")
                .hasMessageContaining("There is no backup yet"));
  }

  @Test
  void readOnlyOpenOfADamagedStoreIsReportedToo() throws Exception {
    sessionSaving("amount > 1");
    Files.writeString(store().resolve("PersistenceTypeDictionary.ptd"), "");
    Map<String, String> damaged = contents(store());

    assertThatThrownBy(() -> Workspace.open(dir, OpenMode.READ_ONLY))
        .isInstanceOf(WorkspaceCorruptException.class);
    assertThat(contents(store())).isEqualTo(damaged);
  }

  @Test
  void restoreBackupSetsTheDamagedStoreAsideAndBringsTheBackupBack() throws Exception {
    sessionSaving("amount > 1");
    sessionSaving("amount > 2");
    try (RandomAccessFile f = new RandomAccessFile(dataFile().toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    Map<String, String> damaged = contents(store());
    String backup =
        ((WorkspaceCorruptException)
                org.assertj.core.api.Assertions.catchThrowable(
                    () -> Workspace.open(dir, OpenMode.READ_WRITE)))
            .backups()
            .get(0);

    Map<String, String> backupContents = contents(dir.resolve("backups").resolve(backup));

    Path aside = Workspace.restoreBackup(dir, backup).orElseThrow();

    assertThat(aside.getFileName().toString()).startsWith("store.corrupt-");
    assertThat(contents(aside)).isEqualTo(damaged);
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      assertThat(w.load("orders")).contains(withCondition(orders("orders"), "amount > 1"));
      w.save(withCondition(orders("orders"), "amount > 3"));
    }
    assertThat(contents(dir.resolve("backups").resolve(backup)))
        .as("the backup is not changed by the sessions after its restore")
        .isEqualTo(backupContents);
  }

  @Test
  void restoringAnUnknownBackupNamesTheOnesThatExist() {
    sessionSaving("amount > 1");
    sessionSaving("amount > 2");
    assertThatThrownBy(() -> Workspace.restoreBackup(dir, "../store"))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("no backup named '../store'")
        .hasMessageContaining(Workspace.backups(dir).get(0));
  }

  private Path dataFile() throws IOException {
    try (Stream<Path> files = Files.walk(store())) {
      return files.filter(p -> p.toString().endsWith(".dat")).findFirst().orElseThrow();
    }
  }

  private Path transactionsLog() throws IOException {
    try (Stream<Path> files = Files.walk(store())) {
      return files.filter(p -> p.toString().endsWith(".sft")).findFirst().orElseThrow();
    }
  }

  private static Map<String, String> contents(Path folder) throws Exception {
    Map<String, String> out = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(
            folder.relativize(p).toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  /** Storage threads are not daemons: one left behind keeps the studio's JVM from exiting. */
  static void assertNoStorageThreadsLeft() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> alive;
    do {
      alive =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .map(Thread::getName)
              .filter(n -> n.contains("StorageChannel"))
              .toList();
      if (alive.isEmpty()) {
        return;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    assertThat(alive).as("storage threads still running").isEmpty();
  }
}
