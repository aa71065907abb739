package dev.streamwright.monitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job's restart count outlives the polls in which Flink serves no job metrics: Flink's REST API
 * answers a job's metrics only while it runs, so a restarting job used to read as never restarted.
 * A local HTTP server plays the JobManager.
 */
class JobCollectorRestartsTest {

  private static final String JOB = "0123456789abcdef0123456789abcdef";

  private HttpServer server;
  private volatile String state = "RUNNING";
  private volatile int restarts = 2;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().toString();
          String job = "/jobs/" + JOB;
          String body;
          if (path.equals(job)) {
            body =
                "{\"jid\":\""
                    + JOB
                    + "\",\"state\":\""
                    + state
                    + "\",\"start-time\":1000,\"end-time\":-1,\"vertices\":[],\"plan\":{\"nodes\":[]}}";
          } else if (path.startsWith(job + "/metrics?get=numRestarts")) {
            // As Flink: the job's metrics only while it runs.
            body =
                state.equals("RUNNING")
                    ? "[{\"id\":\"numRestarts\",\"value\":\"" + restarts + "\"}]"
                    : "[]";
          } else if (path.startsWith(job + "/checkpoints")) {
            body = "{\"counts\":{\"completed\":3,\"failed\":0,\"in_progress\":0}}";
          } else if (path.startsWith(job + "/exceptions")) {
            body = "{\"exceptionHistory\":{\"entries\":[]}}";
          } else {
            body = "{}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aRestartingJobKeepsTheCountLastReadWhileItRan() throws Exception {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    JobCollector collector =
        new JobCollector(
            new FlinkRestClient(
                new FlinkRestEndpoint(url, Map.of(), Optional.empty()), Duration.ofSeconds(5)));
    Instant now = Instant.ofEpochSecond(100);

    assertThat(collector.poll(JOB, VertexMap.NONE, now).job().restarts()).isEqualTo(2);

    state = "RESTARTING";
    JobPoll restarting = collector.poll(JOB, VertexMap.NONE, now.plusSeconds(5));
    assertThat(restarting.job().state()).isEqualTo("RESTARTING");
    assertThat(restarting.job().restarts()).isEqualTo(2);

    state = "RUNNING";
    restarts = 3;
    assertThat(collector.poll(JOB, VertexMap.NONE, now.plusSeconds(10)).job().restarts())
        .isEqualTo(3);
  }

  @Test
  void aJobNeverSeenRunningHasNoRestarts() throws Exception {
    state = "INITIALIZING";
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    JobCollector collector =
        new JobCollector(
            new FlinkRestClient(
                new FlinkRestEndpoint(url, Map.of(), Optional.empty()), Duration.ofSeconds(5)));

    assertThat(collector.poll(JOB, VertexMap.NONE, Instant.ofEpochSecond(100)).job().restarts())
        .isZero();
  }
}
