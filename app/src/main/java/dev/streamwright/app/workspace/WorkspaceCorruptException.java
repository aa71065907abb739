package dev.streamwright.app.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * The workspace's store cannot be read. Nothing in it was changed; the studio offers the {@link
 * #backups()} to {@link Workspace#restoreBackup restore} or another folder.
 */
public class WorkspaceCorruptException extends WorkspaceException {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final List<String> backups;

  public WorkspaceCorruptException(
      Path directory, String problem, List<String> backups, Throwable cause) {
    super(message(directory, problem, backups), cause);
    this.directory = directory;
    this.backups = List.copyOf(backups);
  }

  private static String message(Path directory, String problem, List<String> backups) {
    String start =
        "The workspace "
            + directory
            + " cannot be read ("
            + problem
            + "). It was left as it is, nothing was overwritten. ";
    if (backups.isEmpty()) {
      return start
          + "There is no backup yet: choose another workspace folder, or move "
          + directory.resolve(Workspace.STORE_FOLDER)
          + " aside to start an empty workspace here.";
    }
    return start
        + "Restore a backup (newest first: "
        + String.join(", ", backups)
        + ") or choose another workspace folder.";
  }

  /** The workspace folder. */
  public Path directory() {
    return directory;
  }

  /** Names of the backups that {@link Workspace#restoreBackup} accepts, newest first. */
  public List<String> backups() {
    return backups;
  }
}
