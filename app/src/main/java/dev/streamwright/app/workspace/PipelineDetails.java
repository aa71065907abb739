package dev.streamwright.app.workspace;

import java.time.Instant;
import java.util.List;

/**
 * A pipeline as the Open dialog shows it: what the workspace list knows plus the description and
 * tags of its newest version.
 *
 * @param id the pipeline id
 * @param name its display name
 * @param description its description; empty when it has none or the version cannot be read
 * @param tags its tags
 * @param versionCount how many versions its history holds
 * @param lastSaved when its newest version was saved
 */
public record PipelineDetails(
    String id,
    String name,
    String description,
    List<String> tags,
    int versionCount,
    Instant lastSaved) {

  public PipelineDetails {
    tags = List.copyOf(tags);
  }
}
