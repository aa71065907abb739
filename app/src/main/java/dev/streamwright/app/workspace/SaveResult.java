package dev.streamwright.app.workspace;

/**
 * What a save did, for the status bar's saved state.
 *
 * @param id the pipeline id
 * @param version the pipeline's newest version number after the save
 * @param outcome whether a version was added
 */
public record SaveResult(String id, int version, Outcome outcome) {

  /** What happened to the history. */
  public enum Outcome {
    /** The pipeline was new: version 1 was written. */
    CREATED,
    /** The pipeline changed: a version was added. */
    NEW_VERSION,
    /** The pipeline equals its newest version: nothing was written. */
    UNCHANGED
  }

  /** Whether anything was written. */
  public boolean changed() {
    return outcome != Outcome.UNCHANGED;
  }
}
