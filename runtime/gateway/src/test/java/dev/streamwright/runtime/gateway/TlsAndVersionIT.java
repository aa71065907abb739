package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cluster of another Flink version and a SQL Gateway behind TLS, on the shared dev cluster: the
 * check flags the version in words; a self-signed certificate (made with the JDK's keytool) fails
 * the check and the deploy with a sentence naming the trust store options, and with those options
 * set the same deploy runs through the TLS endpoint.
 */
@ExtendWith(DevClusterExtension.class)
class TlsAndVersionIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "changeit";

  private final List<HttpServer> servers = new ArrayList<>();
  private ExecutorService executor;
  private Path folder;

  @BeforeEach
  void setUp() throws IOException {
    executor = Executors.newCachedThreadPool();
    folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "tls-");
  }

  @AfterEach
  void tearDown() throws IOException {
    servers.forEach(s -> s.stop(0));
    executor.shutdownNow();
    try (var files = Files.list(folder)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(folder);
  }

  @Test
  void aClusterOfAnotherFlinkVersionIsNamedWithTheVersionToUse(DevCluster cluster)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectNode config =
        (ObjectNode)
            JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(cluster.restUrl().resolve("/v1/config")).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
    config.put("flink-version", "1.20.1");
    byte[] body = JSON.writeValueAsBytes(config);
    HttpServer old =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    old.createContext(
        "/",
        ex -> {
          if (ex.getRequestURI().getPath().endsWith("/config")) {
            respond(ex, 200, "application/json", body);
          } else {
            respond(ex, 404, "application/json", "{\"errors\":[\"Not found\"]}".getBytes());
          }
        });
    start(old);
    URI oldRest = URI.create("http://127.0.0.1:" + old.getAddress().getPort());

    EnvironmentCheck check =
        new GatewayRuntimeFactory()
            .check(Clusters.target(cluster.gatewayUrl(), oldRest, "", List.of(), ""));

    String ours = EnvironmentInformation.getVersion();
    assertThat(check.ok()).isFalse();
    assertThat(item(check, "Flink REST API").ok()).isTrue();
    EnvironmentCheck.Item version = item(check, "Flink version");
    assertThat(version.ok()).isFalse();
    assertThat(version.detail())
        .isEqualTo(
            "the cluster runs Flink 1.20.1, but Streamwright is built for Flink "
                + ours
                + ": deploy to a Flink "
                + TargetCheck.majorMinor(ours)
                + ".x cluster, or its SQL and jars may not work there.");
  }

  @Test
  void anUntrustedCertificateNamesTheTrustStoreOptionsAndWithThemTheDeployRuns(DevCluster cluster)
      throws Exception {
    SelfSignedTls cert = SelfSignedTls.create(folder, "gateway", PASSWORD);
    URI tls = tlsProxyTo(cluster.gatewayUrl(), cert);
    CompiledPipeline quickstart = Clusters.compile(Clusters.quickstartWithPrintSink(), Map.of());

    RemoteTarget untrusted =
        Clusters.target(tls, cluster.restUrl(), "", List.of(), Clusters.savepoints(cluster));
    EnvironmentCheck check = new GatewayRuntimeFactory().check(untrusted);
    String failed = "TLS with the SQL Gateway at " + tls + " failed (";
    String fix =
        "set the environment's trust store options (security.ssl.rest.enabled,"
            + " security.ssl.rest.truststore, security.ssl.rest.truststore-password)";
    assertThat(item(check, "SQL Gateway").ok()).isFalse();
    assertThat(item(check, "SQL Gateway").detail()).startsWith(failed).contains(fix);
    try (GatewayRuntime runtime = new GatewayRuntime(untrusted)) {
      int before = Clusters.live(runtime).size();
      assertThatThrownBy(
              () -> runtime.deploy(quickstart, DeployOptions.defaults().withDeploymentId("tls-x")))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith(failed)
          .hasMessageContaining(fix)
          .hasMessageNotContaining("\tat ");
      assertThat(Clusters.live(runtime, "tls-x")).isEmpty();
      assertThat(Clusters.live(runtime)).hasSize(before);
    }

    // The fix the sentence names; the REST URL stays plain http:// under the same options.
    RemoteTarget trusted =
        new RemoteTarget(
            "dev-cluster",
            tls,
            cluster.restUrl(),
            "",
            Map.of(),
            List.of(),
            1,
            Clusters.savepoints(cluster),
            Map.of(),
            Map.of(
                "security.ssl.rest.enabled",
                "true",
                "security.ssl.rest.truststore",
                cert.trustStore().toString(),
                "security.ssl.rest.truststore-password",
                PASSWORD));
    EnvironmentCheck fixed = new GatewayRuntimeFactory().check(trusted);
    assertThat(fixed.ok()).as(fixed.toString()).isTrue();
    assertThat(item(fixed, "SQL Gateway").detail()).startsWith(tls + " answers");
    try (GatewayRuntime runtime = new GatewayRuntime(trusted)) {
      Deployment d = runtime.deploy(quickstart, DeployOptions.defaults());
      assertThat(runtime.status(d).phase()).isEqualTo(Phase.RUNNING);
      runtime.stop(d, false);
    }
  }

  /**
   * An HTTPS server on 127.0.0.1 with the certificate of {@code cert} that forwards to {@code to}.
   */
  private URI tlsProxyTo(URI to, SelfSignedTls cert) throws Exception {
    HttpsServer server = cert.server();
    HttpClient http = HttpClient.newBuilder().executor(executor).build();
    server.createContext(
        "/",
        ex -> {
          try {
            byte[] body = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder req =
                HttpRequest.newBuilder(to.resolve(ex.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                        ex.getRequestMethod(),
                        body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
              req.header("Content-Type", type);
            }
            HttpResponse<byte[]> r =
                http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            respond(
                ex,
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse("application/json"),
                r.body());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.sendResponseHeaders(502, -1);
            ex.close();
          }
        });
    start(server);
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  private void start(HttpServer server) {
    server.setExecutor(executor);
    server.start();
    servers.add(server);
  }

  private static void respond(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  private static EnvironmentCheck.Item item(EnvironmentCheck check, String what) {
    return check.items().stream()
        .filter(i -> i.what().equals(what))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item '" + what + "' in " + check));
  }
}
