package dev.streamwright.monitor.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.streamwright.monitor.figures.Unreachable;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client's answers and failures against a small local HTTP server that answers as Flink's
 * REST API does, and against a closed port.
 */
class FlinkRestClientTest {

  private static final String JOB = "0123456789abcdef0123456789abcdef";

  private HttpServer server;
  private URI url;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          String path = exchange.getRequestURI().toString();
          int status;
          String body;
          if (path.equals("/jobs/overview")) {
            status = 200;
            body = "{\"jobs\":[]}";
          } else if (path.startsWith("/jobs/")) {
            status = 404;
            body =
                "{\"errors\":[\"org.apache.flink.runtime.rest.NotFoundException: Job "
                    + JOB
                    + " not found\\n\\tat org.apache...\"]}";
          } else if (path.equals("/broken")) {
            status = 500;
            body =
                "{\"errors\":[\"Internal server error.\",\"<Exception on server side:\\njava.lang.Boom\"]}";
          } else if (path.equals("/html")) {
            status = 200;
            body = "<html>proxy login</html>";
          } else {
            status = 404;
            body = "{\"errors\":[\"Not found: " + path + "\"]}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private FlinkRestClient client() {
    return new FlinkRestClient(
        new FlinkRestEndpoint(url, Map.of("Authorization", "Bearer t0ken"), Optional.empty()),
        Duration.ofSeconds(5));
  }

  @Test
  void answersJsonAndSendsTheEndpointsHeaders() throws Exception {
    try (FlinkRestClient client = client()) {
      assertThat(client.get("/jobs/overview").path("jobs").isArray()).isTrue();
      assertThat(client.get("jobs/overview").path("jobs").isArray()).isTrue();
      assertThat(authorizations).containsOnly("Bearer t0ken");
    }
  }

  @Test
  void aJobThatIsNotKnownIsGone() {
    try (FlinkRestClient client = client()) {
      assertThatThrownBy(() -> client.get("/jobs/" + JOB + "/vertices/abc/watermarks"))
          .isInstanceOf(JobGone.class)
          .hasMessage(
              "Flink's REST API at "
                  + url
                  + " does not know job "
                  + JOB
                  + ": it ended and was forgotten, or runs on another cluster.");
    }
  }

  @Test
  void otherErrorsSayTheStatusAndFlinksFirstLine() {
    try (FlinkRestClient client = client()) {
      assertThatThrownBy(() -> client.get("/broken"))
          .isInstanceOf(Unreachable.class)
          .isNotInstanceOf(JobGone.class)
          .hasMessage(
              "Flink's REST API at "
                  + url
                  + " answered HTTP 500 to GET /broken: Internal server error.");
      assertThatThrownBy(() -> client.get("/nothing"))
          .isNotInstanceOf(JobGone.class)
          .hasMessageContaining("answered HTTP 404 to GET /nothing")
          .hasMessageEndingWith("(is the URL the JobManager's REST endpoint?)");
      assertThatThrownBy(() -> client.get("/html"))
          .hasMessageContaining("with something that is not JSON");
    }
  }

  @Test
  void aClosedPortIsUnreachableInOneSentenceNamingTheUrl() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port);
    try (FlinkRestClient client =
        new FlinkRestClient(FlinkRestEndpoint.of(closed), Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> client.get("/jobs/overview"))
          .isInstanceOf(Unreachable.class)
          .hasMessage(
              "Flink's REST API at "
                  + closed
                  + " refused the connection: is the cluster running, and is the URL right?")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "Exception"));
    }
  }
}
