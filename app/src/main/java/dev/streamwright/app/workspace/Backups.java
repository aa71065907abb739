package dev.streamwright.app.workspace;

import dev.streamwright.app.workspace.StoreFiles.FileState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rolling backups of a workspace's store in {@code <workspace>/backups/<timestamp>}: a copy of
 * the store as it was before each session that found it changed, the newest {@link #KEEP} kept.
 *
 * <p>A backup costs little: it is taken before the store starts (the folder lock keeps everyone
 * else out, so the files are consistent), and a file the newest backup already holds unchanged
 * (same name, size and modification time; the store never rewrites a file in place) is hard-linked
 * from it instead of copied. Only the files that grew since are copied: in practice the newest data
 * file and the transactions log. Backup files are never written after the copy, so sharing them
 * between backups is safe, and a restore copies them back rather than linking them.
 */
final class Backups {

  /** Backups kept: enough to step back over a bad session or two without filling the disk. */
  static final int KEEP = 3;

  private static final String INCOMING = ".incoming-";

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path folder;
  private final Clock clock;

  Backups(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
  }

  /** The backup names, newest first. */
  List<String> names() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted(Comparator.reverseOrder())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The folder of the named backup, if there is one. */
  Path folderOf(String name) {
    if (name == null || name.isBlank() || !names().contains(name)) {
      throw new WorkspaceException(
          "There is no backup named '"
              + name
              + "' in "
              + folder
              + "; the backups are: "
              + (names().isEmpty() ? "none" : String.join(", ", names())));
    }
    return folder.resolve(name);
  }

  /**
   * A copy of the store as it is now, before it starts: the newest backup when that already equals
   * the store, else a new backup in the making that {@link Snapshot#keep} completes.
   */
  Snapshot capture(Path store) throws IOException {
    deleteIncoming();
    Map<String, FileState> now = StoreFiles.fingerprint(store);
    List<String> names = names();
    Path newest = names.isEmpty() ? null : folder.resolve(names.get(0));
    Map<String, FileState> previous = newest == null ? Map.of() : StoreFiles.fingerprint(newest);
    if (newest != null && previous.equals(now)) {
      return new Snapshot(newest, null, 0);
    }
    String name = uniqueName();
    Path incoming = folder.resolve(INCOMING + name);
    long copied = 0;
    for (Map.Entry<String, FileState> file : now.entrySet()) {
      Path target = incoming.resolve(file.getKey());
      if (file.getValue().equals(previous.get(file.getKey()))) {
        StoreFiles.linkOrCopy(newest.resolve(file.getKey()), target);
      } else {
        Files.createDirectories(target.getParent());
        Files.copy(store.resolve(file.getKey()), target, StandardCopyOption.COPY_ATTRIBUTES);
        copied += file.getValue().size();
      }
    }
    return new Snapshot(incoming, name, copied);
  }

  private String uniqueName() {
    String base = NAME.format(clock.instant());
    String name = base;
    for (int i = 2; Files.exists(folder.resolve(name)); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  private void deleteIncoming() throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : list.toList()) {
        if (p.getFileName().toString().startsWith(INCOMING)) {
          StoreFiles.delete(p); // left by a studio killed while it made a backup
        }
      }
    }
  }

  /** Deletes all but the newest {@link #KEEP} backups. */
  void prune() throws IOException {
    List<String> names = names();
    for (String old : names.subList(Math.min(KEEP, names.size()), names.size())) {
      StoreFiles.delete(folder.resolve(old));
    }
  }

  /**
   * The store's content just before it started.
   *
   * @param folder where the copy is
   * @param name the backup it becomes, or null when it is an existing backup
   * @param copiedBytes bytes copied rather than linked
   */
  record Snapshot(Path folder, String name, long copiedBytes) {

    /** Whether this is a new backup rather than the existing newest one. */
    boolean isNew() {
      return name != null;
    }

    /** Makes a new snapshot a backup. */
    void keep() throws IOException {
      if (isNew()) {
        Files.move(folder, folder.resolveSibling(name), StandardCopyOption.ATOMIC_MOVE);
      }
    }

    /** Throws a new snapshot away: the store it copied did not start. */
    void discard() throws IOException {
      if (isNew()) {
        StoreFiles.delete(folder);
      }
    }

    /**
     * Puts the store back the way it was before a start that failed, in case the store changed
     * files before it gave up (Eclipse Store rewrites an empty type dictionary, for one).
     */
    void restoreInto(Path store) throws IOException {
      if (!StoreFiles.fingerprint(store).equals(StoreFiles.fingerprint(folder))) {
        StoreFiles.delete(store);
        StoreFiles.copy(folder, store);
      }
    }
  }
}
