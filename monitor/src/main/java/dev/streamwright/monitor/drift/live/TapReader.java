package dev.streamwright.monitor.drift.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.monitor.figures.Unreachable;
import dev.streamwright.monitor.flink.FlinkRestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a job's drift tap gauges through Flink's REST API. Flink cannot aggregate string gauges
 * over subtasks, so each subtask's gauge is read by its id on its vertex: {@code GET
 * /jobs/<job>/vertices/<vertex>/metrics} lists the ids (once, and again while none is found: {@link
 * #FIRST_REDISCOVER} after the first listing, the wait doubling up to {@link #REDISCOVER}, so a job
 * whose operators are still starting is found within a second or two, and a job without a tap costs
 * one listing every {@link #REDISCOVER}), and {@code ...?get=<ids>} reads their values, one request
 * per tapped vertex. Not thread-safe.
 */
public final class TapReader {

  /** The longest wait before the vertices' metric ids are listed again while none was found. */
  static final java.time.Duration REDISCOVER = java.time.Duration.ofSeconds(30);

  /** The wait after the first listing that found no tap gauge. */
  static final java.time.Duration FIRST_REDISCOVER = java.time.Duration.ofSeconds(1);

  /** Longest query string of one values request; longer lists are split. */
  private static final int MAX_QUERY = 3_000;

  private final String jobId;
  private List<TapGauge> gauges = List.of();
  private Instant listedAt;
  private java.time.Duration wait = FIRST_REDISCOVER;

  /**
   * @param jobId the Flink job's id
   */
  public TapReader(String jobId) {
    this.jobId = jobId;
  }

  /** The gauges found by the last listing. */
  public List<TapGauge> gauges() {
    return gauges;
  }

  /** Forgets the gauges found, so the next read lists them again (a job restarted). */
  public void forget() {
    gauges = List.of();
    listedAt = null;
    wait = FIRST_REDISCOVER;
  }

  /**
   * Lists the gauges when none is known and the last listing is old enough.
   *
   * @return whether gauges are known
   */
  public boolean discover(FlinkRestClient client, Instant now) throws Unreachable {
    if (!gauges.isEmpty()) {
      return true;
    }
    if (listedAt != null && now.isBefore(listedAt.plus(wait))) {
      return false;
    }
    if (listedAt != null) {
      // Listed before without a gauge: the next wait doubles, up to REDISCOVER.
      wait = wait.multipliedBy(2).compareTo(REDISCOVER) > 0 ? REDISCOVER : wait.multipliedBy(2);
    }
    List<TapGauge> found = new ArrayList<>();
    JsonNode job = client.get("/jobs/" + jobId);
    for (JsonNode vertex : job.path("vertices")) {
      String id = vertex.path("id").asText();
      for (JsonNode m : client.get("/jobs/" + jobId + "/vertices/" + id + "/metrics")) {
        TapGauge g = TapGauge.parse(id, m.path("id").asText());
        if (g != null) {
          found.add(g);
        }
      }
    }
    listedAt = now;
    gauges = List.copyOf(found);
    if (!gauges.isEmpty()) {
      wait = FIRST_REDISCOVER;
    }
    return !gauges.isEmpty();
  }

  /**
   * Reads the values of every known gauge: one request per tapped vertex (split when its ids are
   * many).
   *
   * @return the gauges' texts; a gauge Flink did not answer for is absent
   */
  public Map<TapGauge, String> read(FlinkRestClient client) throws Unreachable {
    Map<String, List<TapGauge>> byVertex =
        gauges.stream()
            .collect(
                Collectors.groupingBy(TapGauge::vertex, LinkedHashMap::new, Collectors.toList()));
    Map<TapGauge, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<TapGauge>> e : byVertex.entrySet()) {
      Map<String, TapGauge> byId = new LinkedHashMap<>();
      e.getValue().forEach(g -> byId.put(g.metricId(), g));
      StringBuilder query = new StringBuilder();
      List<String> batches = new ArrayList<>();
      for (String id : byId.keySet()) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
        if (query.length() > 0 && query.length() + encoded.length() > MAX_QUERY) {
          batches.add(query.toString());
          query.setLength(0);
        }
        query.append(query.length() == 0 ? "" : ",").append(encoded);
      }
      batches.add(query.toString());
      for (String batch : batches) {
        String path = "/jobs/" + jobId + "/vertices/" + e.getKey() + "/metrics?get=" + batch;
        for (JsonNode m : client.get(path)) {
          TapGauge g = byId.get(m.path("id").asText());
          if (g != null) {
            values.put(g, m.path("value").asText(""));
          }
        }
      }
    }
    return values;
  }
}
