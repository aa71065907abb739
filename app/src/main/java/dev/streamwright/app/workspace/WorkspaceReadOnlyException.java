package dev.streamwright.app.workspace;

import java.nio.file.Path;

/** A change was asked of a workspace opened {@link OpenMode#READ_ONLY read-only}. */
public class WorkspaceReadOnlyException extends WorkspaceException {

  private static final long serialVersionUID = 1L;

  public WorkspaceReadOnlyException(Path directory, String action) {
    super(
        "Cannot "
            + action
            + ": the workspace "
            + directory
            + " is open read-only (another Streamwright is using it, or you chose read-only)."
            + " Export the pipeline to a file to keep your changes, or reopen the workspace"
            + " when the other Streamwright has closed.");
  }
}
