package dev.streamwright.app.workspace;

import java.nio.file.Path;

/**
 * Another running Streamwright holds the workspace folder. The studio offers to open it {@link
 * OpenMode#READ_ONLY read-only} or to choose another folder, as the message says.
 */
public class WorkspaceLockedException extends WorkspaceException {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;

  public WorkspaceLockedException(Path directory, String holder) {
    super(
        "The workspace "
            + directory
            + " is in use by another Streamwright"
            + (holder == null || holder.isBlank() ? "" : " (" + holder + ")")
            + ". Open it read-only to browse its pipelines, or choose another workspace folder"
            + " (streamwright --workspace DIR).");
    this.directory = directory;
  }

  /** The workspace folder. */
  public Path directory() {
    return directory;
  }
}
