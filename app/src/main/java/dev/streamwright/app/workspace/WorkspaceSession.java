package dev.streamwright.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an open workspace holds on its folder: the running store, the lock (read-write) or the
 * snapshot folder (read-only). Opening follows the folder layout:
 *
 * <pre>
 * &lt;workspace&gt;/.lock                 held for the whole read-write session
 * &lt;workspace&gt;/store/                Eclipse Store files
 * &lt;workspace&gt;/backups/&lt;timestamp&gt;/   rolling backups of store/
 * &lt;workspace&gt;/store.corrupt-&lt;ts&gt;/    a damaged store set aside by a restore
 * </pre>
 */
final class WorkspaceSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSession.class);

  static final String BACKUP_FOLDER = "backups";

  /**
   * Snapshot attempts of a store another studio is writing: a copy that raced a write is retried,
   * and two clean tries in a row are all but certain within three.
   */
  private static final int SNAPSHOT_ATTEMPTS = 3;

  private static final DateTimeFormatter ASIDE =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  final Path directory;
  final WorkspaceStorage storage;
  private final WorkspaceLock lock;
  private final Path snapshot;

  private WorkspaceSession(
      Path directory, WorkspaceStorage storage, WorkspaceLock lock, Path snapshot) {
    this.directory = directory;
    this.storage = storage;
    this.lock = lock;
    this.snapshot = snapshot;
  }

  boolean readOnly() {
    return lock == null;
  }

  static WorkspaceSession openForWriting(Path directory, Clock clock) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new WorkspaceException(
          "Cannot create the workspace folder "
              + directory
              + " ("
              + e.getMessage()
              + "); choose another folder.",
          e);
    }
    WorkspaceLock lock = WorkspaceLock.acquire(directory);
    try {
      Path store = directory.resolve(Workspace.STORE_FOLDER);
      Backups backups = new Backups(directory.resolve(BACKUP_FOLDER), clock);
      boolean existing = StoreFiles.hasFiles(store);
      Backups.Snapshot before = existing ? capture(backups, store) : null;
      WorkspaceStorage storage;
      try {
        storage = WorkspaceStorage.start(store);
      } catch (StoreUnreadableException e) {
        if (!existing) {
          throw new WorkspaceException(
              "Cannot create a workspace in "
                  + directory
                  + " ("
                  + e.getMessage()
                  + "); check the folder's permissions and free space, or choose another folder.",
              e);
        }
        putBack(before, store, e);
        throw new WorkspaceCorruptException(directory, e.getMessage(), backups.names(), e);
      }
      try {
        keep(before, backups);
        return new WorkspaceSession(directory, storage, lock, null);
      } catch (RuntimeException | Error e) {
        storage.close();
        throw e;
      }
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  private static Backups.Snapshot capture(Backups backups, Path store) {
    long start = System.nanoTime();
    try {
      Backups.Snapshot s = backups.capture(store);
      if (s.isNew()) {
        LOG.info(
            "Backed up the workspace store to {} ({} KiB copied, the rest linked) in {} ms",
            s.name(),
            s.copiedBytes() / 1024,
            (System.nanoTime() - start) / 1_000_000);
      }
      return s;
    } catch (IOException | RuntimeException e) {
      // Opening matters more than the backup; without a snapshot a failed start may leave the
      // store as Eclipse Store left it.
      LOG.warn("Could not back up the workspace store {}; opening it without a backup", store, e);
      return null;
    }
  }

  private static void putBack(Backups.Snapshot before, Path store, Exception failure) {
    if (before == null) {
      return;
    }
    try {
      before.restoreInto(store);
      before.discard();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void keep(Backups.Snapshot before, Backups backups) {
    try {
      if (before != null) {
        before.keep();
      }
      backups.prune();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not complete the workspace backup in {}", backups.names(), e);
    }
  }

  static WorkspaceSession openReadOnly(Path directory, Clock clock) {
    Path store = directory.resolve(Workspace.STORE_FOLDER);
    StoreUnreadableException last = null;
    for (int attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt++) {
      Path copy = snapshotOf(store);
      try {
        return new WorkspaceSession(directory, WorkspaceStorage.start(copy), null, copy);
      } catch (StoreUnreadableException e) {
        last = e;
        deleteQuietly(copy);
      } catch (RuntimeException | Error e) {
        deleteQuietly(copy);
        throw e;
      }
    }
    throw new WorkspaceCorruptException(
        directory,
        last.getMessage(),
        new Backups(directory.resolve(BACKUP_FOLDER), clock).names(),
        last);
  }

  /**
   * A private copy of the store, taken while nothing changed it (as far as can be told). A copy
   * that raced a write is taken again; after {@link #SNAPSHOT_ATTEMPTS} the last complete one is
   * used, since a store copied mid-write looks like one killed mid-write, which it recovers from.
   */
  private static Path snapshotOf(Path store) {
    Path copy = null;
    try {
      copy = Files.createTempDirectory("streamwright-workspace-");
      for (int attempt = 1; attempt <= SNAPSHOT_ATTEMPTS * 2; attempt++) {
        var before = StoreFiles.fingerprint(store);
        boolean complete = true;
        try {
          StoreFiles.copy(store, copy);
        } catch (NoSuchFileException e) {
          complete = false; // housekeeping deleted a data file while it was being copied
        }
        if (complete
            && (attempt >= SNAPSHOT_ATTEMPTS || before.equals(StoreFiles.fingerprint(store)))) {
          return copy;
        }
        StoreFiles.delete(copy);
        Files.createDirectories(copy);
      }
      throw new IOException("the store kept changing while it was being copied");
    } catch (IOException | UncheckedIOException e) {
      if (copy != null) {
        deleteQuietly(copy);
      }
      throw new WorkspaceException(
          "Cannot read the workspace " + store.getParent() + " (" + e.getMessage() + ").", e);
    }
  }

  /**
   * Puts the named backup in place of the store, moving the store aside.
   *
   * @return where the replaced store went, if there was one
   */
  static Optional<Path> restore(Path directory, String backupName, Clock clock) {
    try (WorkspaceLock lock = WorkspaceLock.acquire(directory)) {
      Backups backups = new Backups(directory.resolve(BACKUP_FOLDER), clock);
      Path backup = backups.folderOf(backupName);
      Path store = directory.resolve(Workspace.STORE_FOLDER);
      Path incoming = directory.resolve(Workspace.STORE_FOLDER + ".restoring");
      StoreFiles.delete(incoming);
      StoreFiles.copy(backup, incoming);
      Path aside = null;
      if (Files.exists(store)) {
        aside = uniqueAside(directory, clock.instant());
        Files.move(store, aside);
      }
      Files.move(incoming, store);
      LOG.info("Restored backup {} into {}; the previous store is in {}", backupName, store, aside);
      return Optional.ofNullable(aside);
    } catch (IOException e) {
      throw new WorkspaceException(
          "Cannot restore backup "
              + backupName
              + " in "
              + directory
              + " ("
              + e.getMessage()
              + "); check free space and permissions.",
          e);
    }
  }

  private static Path uniqueAside(Path directory, Instant now) {
    String base = Workspace.STORE_FOLDER + ".corrupt-" + ASIDE.format(now);
    Path aside = directory.resolve(base);
    for (int i = 2; Files.exists(aside); i++) {
      aside = directory.resolve(base + "-" + i);
    }
    return aside;
  }

  private static void deleteQuietly(Path folder) {
    try {
      StoreFiles.delete(folder);
    } catch (IOException e) {
      LOG.warn("Could not delete the workspace snapshot {}", folder, e);
    }
  }

  @Override
  public void close() {
    long start = System.nanoTime();
    try {
      storage.close();
    } finally {
      if (lock != null) {
        lock.close();
      }
      if (snapshot != null) {
        deleteQuietly(snapshot);
      }
    }
    LOG.debug(
        "Closed the workspace {} in {}",
        directory,
        Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
  }
}
