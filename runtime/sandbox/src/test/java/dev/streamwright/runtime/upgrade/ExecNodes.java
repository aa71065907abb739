package dev.streamwright.runtime.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The exec nodes of a compiled plan's JSON, as {@code id:type} (their uids derive from both). */
final class ExecNodes {

  private ExecNodes() {}

  static List<String> summary(String planJson) {
    try {
      List<String> out = new ArrayList<>();
      for (JsonNode n : new ObjectMapper().readTree(planJson).path("nodes")) {
        out.add(n.path("id").asText() + ":" + n.path("type").asText());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
