package dev.streamwright.runtime.devcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Just enough of the SQL Gateway's REST API (v3) and the JobManager's for the dev cluster's tests:
 * sessions, statements, results, job overviews. Test-only; the gateway runtime brings the real
 * client.
 */
final class GatewayRest implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final URI gateway;
  private final URI rest;
  private final java.util.concurrent.ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "gateway-rest-test");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient http;
  private final String session;

  GatewayRest(DevCluster cluster) throws Exception {
    this.gateway = cluster.gatewayUrl();
    this.rest = cluster.restUrl();
    this.http =
        HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    this.session =
        post("/v3/sessions", Map.of("sessionName", "dev-cluster-it", "properties", Map.of()))
            .get("sessionHandle")
            .asText();
  }

  /** One statement's outcome: the job it started (if any) and every row it returned. */
  record Outcome(String jobId, List<JsonNode> rows) {}

  /**
   * Runs a statement and reads its results to the end; for an INSERT that is the row holding the
   * job id, so this returns while the job runs.
   */
  Outcome execute(String statement) throws Exception {
    String op =
        post("/v3/sessions/" + session + "/statements", Map.of("statement", statement))
            .get("operationHandle")
            .asText();
    String next = "/v3/sessions/" + session + "/operations/" + op + "/result/0?rowFormat=JSON";
    List<JsonNode> rows = new ArrayList<>();
    String jobId = null;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (next != null) {
      JsonNode page = get(gateway, next);
      if (page.hasNonNull("jobID")) {
        jobId = page.get("jobID").asText();
      }
      String type = page.path("resultType").asText();
      page.path("results").path("data").forEach(rows::add);
      if (type.equals("EOS")) {
        break;
      }
      if (type.equals("NOT_READY")) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no result for '" + statement + "' within " + WAIT);
        }
        TimeUnit.MILLISECONDS.sleep(100);
        continue;
      }
      next = page.hasNonNull("nextResultUri") ? page.get("nextResultUri").asText() : null;
    }
    return new Outcome(jobId, rows);
  }

  /** The job's entry in the JobManager's {@code /jobs/overview}, once it satisfies {@code test}. */
  JsonNode awaitJob(String jobId, Predicate<JsonNode> test, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      for (JsonNode job : get(rest, "/jobs/overview").path("jobs")) {
        if (job.path("jid").asText().equals(jobId)) {
          last = job;
          if (test.test(job)) {
            return job;
          }
        }
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("job " + jobId + " not " + what + " within " + WAIT + ": " + last);
  }

  JsonNode get(URI base, String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(WAIT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return parse(r, path);
  }

  private JsonNode post(String path, Object body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return parse(r, path);
  }

  private static JsonNode parse(HttpResponse<String> r, String path) throws IOException {
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  @Override
  public void close() throws Exception {
    try {
      http.send(
          HttpRequest.newBuilder(gateway.resolve("/v3/sessions/" + session)).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    } finally {
      executor.shutdownNow();
    }
  }
}
