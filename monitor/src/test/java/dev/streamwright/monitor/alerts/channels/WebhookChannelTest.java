package dev.streamwright.monitor.alerts.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.ChannelException;
import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.SeriesKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {

  static final AlertEvent FIRED =
      new AlertEvent(
          AlertEvent.Kind.FIRED,
          Instant.parse("2026-12-07T12:05:00Z"),
          Rule.of("consumer-lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")
              .withFor(Duration.ofMinutes(5)),
          new SeriesKey(Metric.CONSUMER_LAG_RECORDS, "fraud-1", "fraud-scorer"),
          1500,
          true);

  private static final String TOKEN = "Bearer s3cr3t-t0ken";

  private HttpServer server;
  private java.util.concurrent.ExecutorService handlers;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> auth = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);

  /** The status of each call in turn; the last one repeats. 0: never answer. */
  private volatile int[] statuses = {200};

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    handlers = java.util.concurrent.Executors.newCachedThreadPool();
    server.setExecutor(handlers);
    server.createContext(
        "/hook/token-in-path",
        ex -> {
          int n = calls.getAndIncrement();
          bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
          int status = statuses[Math.min(n, statuses.length - 1)];
          if (status == 0) {
            try {
              released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else {
            ex.sendResponseHeaders(status, -1);
          }
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    released.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private URI url() {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/token-in-path?key=abc");
  }

  private WebhookChannel channel(URI url, Duration timeout, int attempts) {
    return new WebhookChannel(
        "ops",
        url,
        Map.of("Authorization", TOKEN),
        timeout,
        attempts,
        Duration.ofMillis(50),
        Duration.ofMillis(200));
  }

  @Test
  void postsTheAlertDocumentWithTheHeaders() throws Exception {
    channel(url(), Duration.ofSeconds(5), 3).send(FIRED);

    assertThat(calls.get()).isEqualTo(1);
    assertThat(auth).containsExactly(TOKEN);
    JsonNode doc = new ObjectMapper().readTree(bodies.get(0));
    assertThat(doc.get("version").intValue()).isEqualTo(1);
    assertThat(doc.get("kind").textValue()).isEqualTo("fired");
    assertThat(doc.get("at").textValue()).isEqualTo("2026-12-07T12:05:00Z");
    assertThat(doc.get("rule").get("id").textValue()).isEqualTo("consumer-lag");
    assertThat(doc.get("rule").get("for").textValue()).isEqualTo("5m");
    assertThat(doc.get("rule").get("condition").textValue()).isEqualTo("> 1000");
    assertThat(doc.get("metric").textValue()).isEqualTo("consumer_lag_records");
    assertThat(doc.get("deployment").textValue()).isEqualTo("fraud-1");
    assertThat(doc.get("scope").get("kind").textValue()).isEqualTo("group");
    assertThat(doc.get("scope").get("instance").textValue()).isEqualTo("fraud-scorer");
    assertThat(doc.get("value").doubleValue()).isEqualTo(1500.0);
    assertThat(doc.get("summary").textValue()).isEqualTo(FIRED.describe());
  }

  @Test
  void retriesA500AndSucceedsOnThe200() throws Exception {
    statuses = new int[] {500, 503, 200};
    channel(url(), Duration.ofSeconds(5), 3).send(FIRED);
    assertThat(calls.get()).isEqualTo(3);
    assertThat(bodies).hasSize(3).allMatch(b -> b.equals(bodies.get(0)));
  }

  @Test
  void givesUpAfterTheLastAttemptAndSaysSoWithoutTheSecrets() {
    statuses = new int[] {500};
    WebhookChannel c = channel(url(), Duration.ofSeconds(5), 3);
    assertThatThrownBy(() -> c.send(FIRED))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("HTTP 500 after 3 attempt(s)")
        .hasMessageContaining("http://127.0.0.1:" + server.getAddress().getPort() + "/…")
        .hasMessageNotContaining("token-in-path")
        .hasMessageNotContaining("key=abc")
        .hasMessageNotContaining("s3cr3t");
    assertThat(calls.get()).isEqualTo(3);
    assertThat(c.toString()).doesNotContain("token-in-path", "abc");
  }

  @Test
  void aClientErrorIsNotRetried() {
    statuses = new int[] {401};
    WebhookChannel c = channel(url(), Duration.ofSeconds(5), 3);
    assertThatThrownBy(() -> c.send(FIRED))
        .hasMessageContaining("HTTP 401 after 1 attempt(s)")
        .hasMessageContaining("token header");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void aReceiverThatDoesNotAnswerTimesOutOnEveryAttemptWithinABoundedTime() {
    statuses = new int[] {0};
    WebhookChannel c = channel(url(), Duration.ofMillis(300), 2);
    long start = System.nanoTime();
    assertThatThrownBy(() -> c.send(FIRED))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("no answer within 300 ms")
        .hasMessageContaining("after 2 attempt(s)");
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(tookMs).isBetween(600L, 10_000L);
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    WebhookChannel c =
        channel(URI.create("http://127.0.0.1:" + port + "/hook"), Duration.ofSeconds(2), 3);
    long start = System.nanoTime();
    assertThatThrownBy(() -> c.send(FIRED))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("connection refused")
        .hasMessageContaining("after 3 attempt(s)");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000L);
  }

  @Test
  void masksUrlsThatMayCarryTokens() {
    assertThat(SafeUrl.mask(URI.create("https://hooks.slack.com/services/T0/B0/XYZ")))
        .isEqualTo("https://hooks.slack.com/…");
    assertThat(SafeUrl.mask(URI.create("https://user:pw@example.com")))
        .isEqualTo("https://example.com/…");
    assertThat(SafeUrl.mask(URI.create("http://localhost:8080/")))
        .isEqualTo("http://localhost:8080/");
    assertThat(SafeUrl.mask(URI.create("relative/path"))).isEqualTo("(webhook URL)");
  }
}
