package dev.streamwright.monitor.drift.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.streamwright.monitor.flink.FlinkRestClient;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the tap reader lists a job's metric ids again while it found no tap gauge, against a local
 * HTTP server answering as Flink's REST API does: soon after the first listing (a job just deployed
 * to a remote cluster starts its tasks some seconds later), then less and less often.
 */
class TapReaderTest {

  private static final String JOB = "0123456789abcdef0123456789abcdef";
  private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");

  private HttpServer server;
  private FlinkRestClient client;
  private final AtomicInteger listings = new AtomicInteger();
  private final AtomicBoolean tapRuns = new AtomicBoolean();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().toString();
          String body;
          if (path.equals("/jobs/" + JOB)) {
            body = "{\"vertices\":[{\"id\":\"v1\"}]}";
          } else if (path.equals("/jobs/" + JOB + "/vertices/v1/metrics")) {
            listings.incrementAndGet();
            body =
                tapRuns.get()
                    ? "[{\"id\":\"0.numRecordsIn\"},"
                        + "{\"id\":\"0.Calc.streamwright.drift.scored.amount\"}]"
                    : "[{\"id\":\"0.numRecordsIn\"}]";
          } else {
            body = "[]";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    client =
        new FlinkRestClient(
            FlinkRestEndpoint.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
            Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void listsAgainAfterOneSecondThenTwiceAsLongUpToThirtySeconds() throws Exception {
    TapReader reader = new TapReader(JOB);
    // Polls every 250 ms for two minutes; the seconds at which a listing happened.
    List<Double> listedAt = new ArrayList<>();
    for (long ms = 0; ms <= 120_000; ms += 250) {
      int before = listings.get();
      assertThat(reader.discover(client, T0.plusMillis(ms))).isFalse();
      if (listings.get() > before) {
        listedAt.add(ms / 1000.0);
      }
    }
    // 1, 2, 4, 8 and 16 s apart, then every 30 s.
    assertThat(listedAt).containsExactly(0.0, 1.0, 3.0, 7.0, 15.0, 31.0, 61.0, 91.0);
  }

  @Test
  void findsTheGaugesOfATapThatStartedAfterTheFirstListingWithinASecond() throws Exception {
    TapReader reader = new TapReader(JOB);
    assertThat(reader.discover(client, T0)).isFalse();
    tapRuns.set(true);
    assertThat(reader.discover(client, T0.plusMillis(500))).isFalse();
    assertThat(reader.discover(client, T0.plusMillis(1000))).isTrue();
    assertThat(reader.gauges())
        .containsExactly(
            new TapGauge("v1", "0.Calc.streamwright.drift.scored.amount", "0", "scored", "amount"));
    // Known gauges are not listed again until forgotten (a restarted job).
    int before = listings.get();
    assertThat(reader.discover(client, T0.plusSeconds(100))).isTrue();
    assertThat(listings.get()).isEqualTo(before);

    // Forgotten, the waits start short again.
    tapRuns.set(false);
    reader.forget();
    assertThat(reader.discover(client, T0.plusSeconds(200))).isFalse();
    tapRuns.set(true);
    assertThat(reader.discover(client, T0.plusMillis(201_000))).isTrue();
  }
}
