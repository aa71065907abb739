package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsServer;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import dev.streamwright.runtime.api.RemoteTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway runtime tells the monitor about its cluster's REST API: URL and headers as the
 * target has them, and for https a TLS context made from the target's Flink TLS client options that
 * trusts the certificate their trust store holds.
 */
class FlinkRestTlsTest {

  private static final String PASSWORD = "changeit";

  private Path folder;

  @BeforeEach
  void setUp() throws IOException {
    folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "rest-tls-");
  }

  @AfterEach
  void tearDown() throws IOException {
    try (var files = Files.list(folder)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(folder);
  }

  private static RemoteTarget target(URI rest, Map<String, String> options) {
    return new RemoteTarget(
        "prod",
        URI.create("http://127.0.0.1:8083"),
        rest,
        "",
        Map.of(),
        List.of(),
        0,
        "",
        Map.of("Authorization", "Bearer s3cret"),
        options);
  }

  @Test
  void aPlainUrlCarriesTheHeadersAndNoTls() {
    URI rest = URI.create("http://127.0.0.1:8081");
    try (GatewayRuntime runtime = new GatewayRuntime(target(rest, Map.of()))) {
      FlinkRestEndpoint endpoint = runtime.flinkRest().orElseThrow();
      assertThat(endpoint.url()).isEqualTo(rest);
      assertThat(endpoint.headers()).isEqualTo(Map.of("Authorization", "Bearer s3cret"));
      assertThat(endpoint.tls()).isEmpty();
      assertThat(endpoint.toString()).doesNotContain("s3cret");
    }
  }

  @Test
  void anHttpsUrlWithoutATrustStoreUsesTheJvmDefaults() {
    try (GatewayRuntime runtime =
        new GatewayRuntime(target(URI.create("https://flink.example.com"), Map.of()))) {
      assertThat(runtime.flinkRest().orElseThrow().tls()).isEmpty();
    }
  }

  @Test
  void anHttpsUrlGetsAContextThatTrustsTheTrustStoresCertificate() throws Exception {
    SelfSignedTls cert = SelfSignedTls.create(folder, "rest", PASSWORD);
    HttpsServer server = httpsServer(cert);
    try {
      URI rest = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
      Map<String, String> options =
          Map.of(
              "security.ssl.rest.truststore",
              cert.trustStore().toString(),
              "security.ssl.rest.truststore-password",
              PASSWORD);
      try (GatewayRuntime runtime = new GatewayRuntime(target(rest, options))) {
        FlinkRestEndpoint endpoint = runtime.flinkRest().orElseThrow();
        SSLContext tls = endpoint.tls().orElseThrow();
        HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(rest.resolve("/config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"flink-version\":\"2.2.0\"}");
      }
    } finally {
      server.stop(0);
    }
  }

  private static HttpsServer httpsServer(SelfSignedTls cert) throws Exception {
    HttpsServer server = cert.server();
    server.createContext(
        "/config",
        exchange -> {
          byte[] body = "{\"flink-version\":\"2.2.0\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }
}
