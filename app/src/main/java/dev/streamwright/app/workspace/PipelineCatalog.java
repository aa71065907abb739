package dev.streamwright.app.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The description and tags of each stored pipeline, read from its newest version's text and kept in
 * memory until the pipeline gets another version, so the Open dialog lists a large workspace
 * without decompressing every pipeline each time. Not persisted; guarded by the workspace's lock.
 */
final class PipelineCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineCatalog.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Entry(int versionCount, String description, List<String> tags) {}

  private final Map<String, Entry> entries = new HashMap<>();

  /** The pipelines' details, in no particular order. */
  List<PipelineDetails> details(Collection<StoredPipeline> pipelines) {
    List<PipelineDetails> out = new ArrayList<>(pipelines.size());
    Map<String, Entry> live = new HashMap<>();
    for (StoredPipeline p : pipelines) {
      Entry e = entries.get(p.id);
      if (e == null || e.versionCount() != p.versionCount) {
        e = read(p);
      }
      live.put(p.id, e);
      out.add(
          new PipelineDetails(
              p.id,
              p.name,
              e.description(),
              e.tags(),
              p.versionCount,
              Instant.ofEpochMilli(p.lastSavedMillis)));
    }
    entries.clear();
    entries.putAll(live);
    return out;
  }

  /**
   * Reads the two fields leniently: a version the codec would refuse (e.g. from a newer
   * Streamwright) still shows its name, and opening it tells why it cannot be read.
   */
  private static Entry read(StoredPipeline p) {
    try {
      JsonNode json = JSON.readTree(CompressedText.decompress(p.current));
      JsonNode description = json.path("description");
      List<String> tags = new ArrayList<>();
      for (JsonNode tag : json.path("tags")) {
        if (tag.isTextual()) {
          tags.add(tag.asText());
        }
      }
      return new Entry(
          p.versionCount, description.isTextual() ? description.asText() : "", List.copyOf(tags));
    } catch (DataFormatException | JsonProcessingException | RuntimeException e) {
      LOG.warn("Cannot read the description of pipeline {} version {}", p.id, p.versionCount, e);
      return new Entry(p.versionCount, "", List.of());
    }
  }
}
