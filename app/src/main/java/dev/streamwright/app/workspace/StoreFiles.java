package dev.streamwright.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * File-level operations on an Eclipse Store folder: what it holds, copies and deletions. The
 * store's files only grow or are replaced by new files while it runs (appends to data and
 * transactions files, housekeeping writes new data files and deletes old ones), which is what makes
 * the cheap comparisons here sound.
 */
final class StoreFiles {

  private StoreFiles() {}

  /**
   * What a file looks like from outside: enough to tell that an append-only file changed.
   *
   * @param size its length in bytes
   * @param modifiedMillis its modification time in milliseconds (copies keep it)
   */
  record FileState(long size, long modifiedMillis) {}

  /** Whether the folder holds any file. */
  static boolean hasFiles(Path folder) {
    return !fingerprint(folder).isEmpty();
  }

  /** Every regular file under the folder by relative path ('/'-separated), sorted. */
  static Map<String, FileState> fingerprint(Path folder) {
    Map<String, FileState> out = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.toList()) {
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
          continue; // deleted by a running store's housekeeping since the listing
        }
        if (a.isRegularFile()) {
          out.put(relative(folder, p), new FileState(a.size(), a.lastModifiedTime().toMillis()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Total size of the regular files under the folder. */
  static long size(Path folder) {
    return fingerprint(folder).values().stream().mapToLong(FileState::size).sum();
  }

  /**
   * Copies a store folder, keeping modification times. Transactions files go first and the type
   * dictionary last: copied while a store runs, the copy then looks like a store killed mid-write
   * (data beyond the last logged transaction, which the store discards on start) rather than one
   * whose log names data that is missing.
   */
  static void copy(Path from, Path to) throws IOException {
    List<String> files = new ArrayList<>(fingerprint(from).keySet());
    files.sort(Comparator.comparingInt(StoreFiles::copyRank).thenComparing(f -> f));
    Files.createDirectories(to);
    for (String f : files) {
      Path target = to.resolve(f);
      Files.createDirectories(target.getParent());
      Files.copy(
          from.resolve(f),
          target,
          StandardCopyOption.COPY_ATTRIBUTES,
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static int copyRank(String file) {
    if (file.endsWith(".sft")) {
      return 0;
    }
    return file.endsWith(".dat") ? 1 : 2;
  }

  /**
   * Links {@code to} to the same content as {@code from}: a hard link when the file system has
   * them, else a copy. Only ever used between backup folders, whose files are never written.
   */
  static void linkOrCopy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // e.g. another file system or no permission to link: a copy is as good, only slower
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the folder and everything in it; a missing folder is fine. */
  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }
}
