package dev.streamwright.app.workspace;

import java.time.Instant;

/**
 * One entry of a pipeline's history list.
 *
 * @param number the version number, 1 for the first save
 * @param savedAt when it was saved
 * @param summary what changed from the previous version, in a few words and without values
 */
public record VersionInfo(int number, Instant savedAt, String summary) {}
