package dev.streamwright.runtime.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders the embedded runtime owns inside its work directory. Flink's temp files, checkpoints
 * and REST uploads are scratch and go on close; savepoints are kept because a savepoint exists to
 * outlive its job (and the session) and its path was handed to the user.
 *
 * @param root the app-owned work directory
 * @param tmp Flink's {@code io.tmp.dirs}: RPC jar, blobs, MiniCluster folders, spill files
 * @param web REST server temp and upload folders
 * @param checkpoints checkpoint storage; a job's checkpoints go when it is cancelled or finishes
 * @param savepoints where stop-with-savepoint writes
 */
record WorkDirs(Path root, Path tmp, Path web, Path checkpoints, Path savepoints) {

  private static final Logger LOG = LoggerFactory.getLogger(WorkDirs.class);

  /** The layout under a work directory. */
  static WorkDirs under(Path root) {
    Path r = root.toAbsolutePath().normalize();
    return new WorkDirs(
        r,
        r.resolve("flink-tmp"),
        r.resolve("flink-web"),
        r.resolve("checkpoints"),
        r.resolve("savepoints"));
  }

  /**
   * Creates the folders, first clearing scratch left behind by a session that did not close (Flink
   * leaves 20 MB RPC jars after an abrupt exit).
   */
  void create() {
    try {
      for (Path scratch : scratch()) {
        deleteTree(scratch);
        Files.createDirectories(scratch);
      }
      Files.createDirectories(savepoints);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the Flink work folders in " + root, e);
    }
  }

  /** Deletes the scratch folders, and the savepoint folder when no savepoint was taken. */
  void delete() {
    for (Path scratch : scratch()) {
      deleteTree(scratch);
    }
    try {
      Files.deleteIfExists(savepoints);
    } catch (IOException e) {
      // Not empty: savepoints the user may resume from stay.
    }
  }

  private List<Path> scratch() {
    return List.of(tmp, web, checkpoints);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  LOG.warn("Could not delete {}: {}", p, e.toString());
                }
              });
    } catch (IOException e) {
      LOG.warn("Could not clean {}: {}", dir, e.toString());
    }
  }
}
