package dev.streamwright.runtime.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.plugin.onnx.ScoringMetrics;
import dev.streamwright.runtime.api.NodeHealth;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the health of a job's model nodes from a Flink cluster's REST API: the ONNX provider's
 * metrics ({@link ScoringMetrics}) of every subtask, summed per model and mapped to the model's
 * node. Talks plain HTTP to the JobManager's REST endpoint, so it serves the embedded cluster and a
 * remote one alike; it keeps no state between calls.
 *
 * <p>Flink's REST server answers metric requests from a store it refreshes at most every {@code
 * metrics.fetcher.update-interval} (10 s by default; the embedded runtime sets it lower), and only
 * for running jobs: the numbers lag by up to that interval and disappear when the job ends.
 *
 * <p>The counters are read in one request and the last problem in a later one. Flink's REST server
 * adds a refresh to its store metric by metric while it answers requests, so a read that overlaps a
 * refresh can see the new counters with the previous last problem: the last problem shown may then
 * be one refresh old (never from a row not yet counted). The next read shows the newest.
 */
public final class FlinkRestHealth implements AutoCloseable {

  /** Metric ids look like {@code 0.<operator>.streamwright.model.<model>.<metric>}. */
  private static final String SCOPE =
      "." + ScoringMetrics.GROUP + "." + ScoringMetrics.MODEL_KEY + ".";

  private static final List<String> COUNTERS =
      List.of(
          ScoringMetrics.SCORED_ROWS,
          ScoringMetrics.SKIPPED_ROWS,
          ScoringMetrics.DEFAULTED_ROWS,
          ScoringMetrics.ERROR_ROWS);

  private static final List<String> GAUGES =
      List.of(ScoringMetrics.LAST_PROBLEM, ScoringMetrics.LAST_PROBLEM_TIME);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param timeout bound on each request; the whole read makes 1 + 1 per job vertex + 2 per vertex
   *     that scores with a model requests
   */
  public FlinkRestHealth(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * The health of the job's model nodes.
   *
   * @param rest the cluster's REST endpoint, e.g. {@code http://127.0.0.1:8081}
   * @param jobId the Flink job id
   * @param models the pipeline's models and their nodes
   * @return by node id; nodes whose metrics are not (yet) reported are absent
   * @throws IOException when the cluster cannot be asked or answers with an error
   */
  public Map<String, NodeHealth> read(URI rest, String jobId, ModelNodes models)
      throws IOException, InterruptedException {
    if (models.isEmpty()) {
      return Map.of();
    }
    Map<String, String> nodeByScope = new LinkedHashMap<>();
    models.nodeByModel().forEach((model, node) -> nodeByScope.put(scopeName(model), node));
    Map<String, Sum> sums = new TreeMap<>();
    String job = rest.resolve("/jobs/" + jobId).toString();
    for (JsonNode vertex : get(URI.create(job)).path("vertices")) {
      String metrics = job + "/vertices/" + vertex.path("id").asText() + "/metrics";
      List<String> counters = new ArrayList<>();
      List<String> gauges = new ArrayList<>();
      for (JsonNode m : get(URI.create(metrics))) {
        String id = m.path("id").asText();
        String name = id.substring(id.lastIndexOf('.') + 1);
        if (id.contains(SCOPE) && COUNTERS.contains(name)) {
          counters.add(id);
        } else if (id.contains(SCOPE) && GAUGES.contains(name)) {
          gauges.add(id);
        }
      }
      // Counters first, then the last problem: see the class comment.
      for (List<String> ids : List.of(counters, gauges)) {
        if (!ids.isEmpty()) {
          addValues(get(URI.create(metrics + "?get=" + encoded(ids))), nodeByScope, sums);
        }
      }
    }
    Map<String, NodeHealth> health = new LinkedHashMap<>();
    sums.forEach((node, sum) -> health.put(node, sum.health()));
    return health;
  }

  private static String encoded(List<String> ids) {
    List<String> encoded = new ArrayList<>();
    ids.forEach(id -> encoded.add(URLEncoder.encode(id, StandardCharsets.UTF_8)));
    return String.join(",", encoded);
  }

  /** Adds the values of one metrics answer to the sums of the nodes they belong to. */
  private static void addValues(
      JsonNode values, Map<String, String> nodeByScope, Map<String, Sum> sums) {
    for (JsonNode m : values) {
      String id = m.path("id").asText();
      int scope = id.indexOf(SCOPE);
      int dot = id.lastIndexOf('.');
      if (scope < 0 || dot <= scope + SCOPE.length()) {
        continue;
      }
      String node = nodeByScope.get(id.substring(scope + SCOPE.length(), dot));
      if (node != null) {
        String subtask = id.substring(0, id.indexOf('.'));
        sums.computeIfAbsent(node, Sum::new)
            .add(subtask, id.substring(dot + 1), m.path("value").asText(""));
      }
    }
  }

  /**
   * Releases the HTTP client's selector thread: at once on Java 21 and later, where the client can
   * be closed; on Java 17 once the client is garbage, as the JDK does by itself.
   */
  @Override
  public void close() {
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing only ends idle connections to a cluster that is going away.
      }
    }
  }

  private JsonNode get(URI uri) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "Flink's REST API answered " + response.statusCode() + " for " + uri.getPath());
    }
    return JSON.readTree(response.body());
  }

  /**
   * The model name as it appears in a metric id: Flink's metric store replaces {@code ' '}, {@code
   * ','}, {@code '.'} and {@code ':'} in scope components with {@code '_'}.
   */
  static String scopeName(String model) {
    return model.replaceAll("[ ,.:]", "_");
  }

  /** One node's metrics summed over its subtasks; the newest last problem wins. */
  private static final class Sum {
    final String node;
    long scored;
    long skipped;
    long defaulted;
    long errors;
    final Map<String, String> problemBySubtask = new TreeMap<>();
    final Map<String, Long> timeBySubtask = new TreeMap<>();

    Sum(String node) {
      this.node = node;
    }

    void add(String subtask, String metric, String value) {
      switch (metric) {
        case ScoringMetrics.SCORED_ROWS -> scored += number(value);
        case ScoringMetrics.SKIPPED_ROWS -> skipped += number(value);
        case ScoringMetrics.DEFAULTED_ROWS -> defaulted += number(value);
        case ScoringMetrics.ERROR_ROWS -> errors += number(value);
        case ScoringMetrics.LAST_PROBLEM -> problemBySubtask.put(subtask, value);
        case ScoringMetrics.LAST_PROBLEM_TIME -> timeBySubtask.put(subtask, number(value));
        default -> {}
      }
    }

    NodeHealth health() {
      String problem = "";
      long at = 0;
      for (Map.Entry<String, Long> e : timeBySubtask.entrySet()) {
        String text = problemBySubtask.getOrDefault(e.getKey(), "");
        if (e.getValue() > at && !text.isBlank()) {
          at = e.getValue();
          problem = text;
        }
      }
      return new NodeHealth(
          node,
          scored,
          skipped,
          defaulted,
          errors,
          problem,
          at > 0 ? Instant.ofEpochMilli(at) : null);
    }

    private static long number(String value) {
      try {
        return (long) Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}
