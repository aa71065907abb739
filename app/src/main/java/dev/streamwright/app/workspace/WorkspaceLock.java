package dev.streamwright.app.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The {@code .lock} file that keeps a second studio out of a workspace folder. An OS file lock, so
 * a killed studio never leaves a stale lock behind; the file's text only names the holder for the
 * message the second studio shows.
 */
final class WorkspaceLock implements AutoCloseable {

  static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the folder's lock.
   *
   * @throws WorkspaceLockedException when another process, or another workspace of this process,
   *     holds it
   */
  static WorkspaceLock acquire(Path folder) {
    Path file = folder.resolve(FILE);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new WorkspaceException(
          "Cannot create the lock file "
              + file
              + " ("
              + e.getMessage()
              + "); check that the workspace folder is writable, or open it read-only.",
          e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM already holds it: a second workspace on the same folder
    } catch (IOException e) {
      closeQuietly(channel);
      throw new WorkspaceException(
          "Cannot lock " + file + " (" + e.getMessage() + "); open the workspace read-only.", e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new WorkspaceLockedException(folder, holder(file));
    }
    WorkspaceLock held = new WorkspaceLock(channel, lock);
    held.describeHolder();
    return held;
  }

  private void describeHolder() {
    String host = System.getenv("HOSTNAME");
    String text =
        "process "
            + ProcessHandle.current().pid()
            + (host == null || host.isBlank() ? "" : " on " + host)
            + " since "
            + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + "\n";
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      // Only the message of a second studio loses its detail.
    }
  }

  private static String holder(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.length() > 200 ? null : text;
    } catch (IOException | RuntimeException e) {
      return null; // some systems refuse to read a locked file; the message does without
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it as well
    }
    closeQuietly(channel);
  }
}
