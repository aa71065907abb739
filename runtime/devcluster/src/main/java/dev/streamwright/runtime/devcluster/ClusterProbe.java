package dev.streamwright.runtime.devcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Asks a dev cluster's REST APIs whether they answer: the JobManager's {@code /overview} and the
 * SQL Gateway's {@code /v3/info}. Plain {@link HttpURLConnection}, disconnected after each call, so
 * that probing keeps no client threads or pooled connections (the JDK's keep-alive timer thread
 * ends on its own seconds later).
 */
public final class ClusterProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private ClusterProbe() {}

  /**
   * What the JobManager reports about itself.
   *
   * @param taskManagers registered TaskManagers
   * @param slotsTotal their task slots
   * @param flinkVersion the cluster's Flink version
   */
  public record Overview(int taskManagers, int slotsTotal, String flinkVersion) {

    /** Whether jobs can run: a TaskManager with slots is registered. */
    public boolean canRunJobs() {
      return taskManagers > 0 && slotsTotal > 0;
    }
  }

  /** The JobManager's overview, or empty if its REST API does not answer. */
  public static Optional<Overview> overview(URI restUrl) {
    return getJson(restUrl.resolve("/overview"))
        .map(
            n ->
                new Overview(
                    n.path("taskmanagers").asInt(0),
                    n.path("slots-total").asInt(0),
                    n.path("flink-version").asText("")));
  }

  /** The ids of the TaskManagers the JobManager knows, or none if its REST API does not answer. */
  public static Set<String> taskManagerIds(URI restUrl) {
    Set<String> ids = new HashSet<>();
    getJson(restUrl.resolve("/taskmanagers"))
        .ifPresent(n -> n.path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText())));
    return ids;
  }

  /** The SQL Gateway's Flink version, or empty if its REST API does not answer. */
  public static Optional<String> gatewayVersion(URI gatewayUrl) {
    return getJson(gatewayUrl.resolve("/v3/info")).map(n -> n.path("version").asText(""));
  }

  private static Optional<JsonNode> getJson(URI uri) {
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) uri.toURL().openConnection();
      c.setConnectTimeout((int) TIMEOUT.toMillis());
      c.setReadTimeout((int) TIMEOUT.toMillis());
      c.setRequestProperty("Connection", "close");
      c.setRequestProperty("Accept", "application/json");
      if (c.getResponseCode() != 200) {
        return Optional.empty();
      }
      try (InputStream in = c.getInputStream()) {
        return Optional.of(JSON.readTree(in));
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
  }
}
