package dev.streamwright.app.workspace;

import java.time.Instant;

/**
 * A pipeline as the workspace list shows it, without loading it.
 *
 * @param id the pipeline id
 * @param name its display name
 * @param versionCount how many versions its history holds
 * @param lastSaved when its newest version was saved
 */
public record PipelineInfo(String id, String name, int versionCount, Instant lastSaved) {}
