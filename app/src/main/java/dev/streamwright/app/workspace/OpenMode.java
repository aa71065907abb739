package dev.streamwright.app.workspace;

/** How a studio opens a workspace folder. */
public enum OpenMode {
  /** The normal mode: holds the folder's lock for the whole session and saves. */
  READ_WRITE,
  /**
   * Browse a workspace another studio holds: works on a snapshot taken at open, takes no lock,
   * never writes to the folder, and refuses every change.
   */
  READ_ONLY
}
