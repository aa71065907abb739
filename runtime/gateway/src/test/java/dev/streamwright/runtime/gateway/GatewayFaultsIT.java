package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.JobAlreadyEnded;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import dev.streamwright.runtime.model.Pipeline;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each fault a user meets with a remote cluster, on the real dev cluster: a sentence that names the
 * cause and the fix, and nothing left running on the cluster.
 */
@ExtendWith(DevClusterExtension.class)
class GatewayFaultsIT {

  @AfterEach
  void resetHook() {
    StatementRun.beforeStatement = (s, i) -> {};
  }

  @Test
  void anUnreachableGatewayIsNamedWithItsUrl(DevCluster cluster) throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());
    RemoteTarget target = Clusters.target(nowhere, cluster.restUrl(), "", List.of(), "");

    EnvironmentCheck check = new GatewayRuntimeFactory().check(target);
    try (GatewayRuntime runtime = new GatewayRuntime(target)) {
      assertThatThrownBy(() -> runtime.deploy(quickstart(), DeployOptions.defaults()))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith("Nothing answers at " + nowhere)
          .hasMessageContaining("SQL Gateway URL's host and port");
    }
    assertThat(check.ok()).isFalse();
    assertThat(item(check, "SQL Gateway").detail()).startsWith("Nothing answers at " + nowhere);
    assertThat(item(check, "Flink REST API").ok()).isTrue();
  }

  @Test
  void aWrongUrlAndTheRestUrlGivenAsTheGatewayAreRecognised(DevCluster cluster) throws Exception {
    RemoteTarget swapped =
        Clusters.target(cluster.restUrl(), cluster.gatewayUrl(), "", List.of(), "");
    EnvironmentCheck check = new GatewayRuntimeFactory().check(swapped);
    assertThat(item(check, "SQL Gateway").detail())
        .contains(cluster.restUrl() + " is Flink's REST API (a JobManager, Flink 2.2")
        .contains("not a SQL Gateway");
    assertThat(item(check, "Flink REST API").detail())
        .contains(cluster.gatewayUrl() + " is not Flink's REST API");
    try (GatewayRuntime runtime = new GatewayRuntime(swapped)) {
      int before = Clusters.live(new GatewayRuntime(Clusters.target(cluster, ""))).size();
      assertThatThrownBy(() -> runtime.deploy(quickstart(), DeployOptions.defaults()))
          .hasMessageContaining(cluster.gatewayUrl() + " is not Flink's REST API");
      assertThat(Clusters.live(new GatewayRuntime(Clusters.target(cluster, "")))).hasSize(before);
    }

    RemoteTarget wrongPath =
        Clusters.target(
            URI.create(cluster.gatewayUrl() + "/typo"), cluster.restUrl(), "", List.of(), "");
    assertThat(item(new GatewayRuntimeFactory().check(wrongPath), "SQL Gateway").detail())
        .contains("/typo")
        .contains("not a Flink SQL Gateway");
  }

  @Test
  void refusedCredentialsAndTlsAreWorded(DevCluster cluster) throws Exception {
    HttpServer proxy =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext(
        "/",
        ex -> {
          ex.sendResponseHeaders(401, -1);
          ex.close();
        });
    proxy.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + proxy.getAddress().getPort());
      EnvironmentCheck check =
          new GatewayRuntimeFactory().check(Clusters.target(url, url, "", List.of(), ""));
      assertThat(item(check, "SQL Gateway").detail())
          .contains("refused the request with HTTP 401 (not authenticated)")
          .contains("HTTP headers");
    } finally {
      proxy.stop(0);
    }
    URI tls = URI.create("https://127.0.0.1:" + cluster.gatewayUrl().getPort());
    EnvironmentCheck check =
        new GatewayRuntimeFactory()
            .check(Clusters.target(tls, cluster.restUrl(), "", List.of(), ""));
    assertThat(item(check, "SQL Gateway").detail())
        .startsWith("TLS with the SQL Gateway")
        .contains("trust store");
  }

  @Test
  void sqlTheClusterRejectsNamesTheNodeAndNothingRuns(DevCluster cluster) throws Exception {
    CompiledPipeline good = quickstart();
    List<SqlStatement> statements = new ArrayList<>();
    for (SqlStatement s : good.statements()) {
      statements.add(
          s.nodeId().equals("clicks")
              ? new SqlStatement(
                  s.nodeId(),
                  s.kind(),
                  s.sql().replaceFirst("'rows-per-second' = '[^']*'", "'rows-per-second' = 'lots'"))
              : s);
    }
    assertThat(statements).anyMatch(s -> s.sql().contains("'lots'"));
    CompiledPipeline bad =
        new CompiledPipeline(
            good.pipelineId(),
            good.pipelineName(),
            good.version(),
            statements,
            good.inserts(),
            good.previews(),
            good.schemas());
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, ""))) {
      int before = Clusters.live(runtime).size();
      assertThatThrownBy(
              () -> runtime.deploy(bad, DeployOptions.defaults().withDeploymentId("rejected-sql")))
          .hasMessageStartingWith("node 'clicks': ")
          .hasMessageContaining("Could not parse value 'lots' for key 'rows-per-second'")
          .hasMessageContaining("lots")
          .hasMessageNotContaining("\tat ");
      assertThat(Clusters.live(runtime, "rejected-sql")).isEmpty();
      assertThat(Clusters.live(runtime)).hasSize(before);
    }
  }

  @Test
  void aJarTheGatewayCannotLoadIsNamedAndNothingRuns(DevCluster cluster) throws Exception {
    String missing = "/nonexistent/flink-sql-connector-kafka-5.0.0-2.2.jar";
    RemoteTarget target =
        Clusters.target(cluster.gatewayUrl(), cluster.restUrl(), "", List.of(missing), "");
    EnvironmentCheck check = new GatewayRuntimeFactory().check(target);
    assertThat(item(check, "jar " + missing).ok()).isFalse();
    assertThat(item(check, "jar " + missing).detail()).contains("cannot load it");
    try (GatewayRuntime runtime = new GatewayRuntime(target)) {
      assertThatThrownBy(
              () ->
                  runtime.deploy(quickstart(), DeployOptions.defaults().withDeploymentId("no-jar")))
          .hasMessageStartingWith("The SQL Gateway could not load the jar '" + missing + "'")
          .hasMessageContaining("readable from the gateway's machine");
      assertThat(Clusters.live(runtime, "no-jar")).isEmpty();
    }
  }

  @Test
  void anExpiredSessionIsReopenedTransparently(DevCluster cluster) throws Exception {
    AtomicInteger expired = new AtomicInteger();
    GatewaySession[] seen = new GatewaySession[1];
    StatementRun.beforeStatement =
        (session, index) -> {
          seen[0] = session;
          if (index == 3) {
            session.close(); // the gateway forgets the session, as after its idle timeout
            expired.incrementAndGet();
          }
        };
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, ""))) {
      Deployment d = runtime.deploy(quickstart(), DeployOptions.defaults());
      assertThat(expired).hasValue(1);
      assertThat(seen[0].reopened()).isEqualTo(1);
      assertThat(runtime.status(d).phase()).isEqualTo(Phase.RUNNING);
      assertThat(Clusters.live(runtime, d.id())).hasSize(1);
      runtime.stop(d, false);
    }
  }

  @Test
  void aSavepointFolderTheClusterCannotWriteFailsTheStopAndTheJobKeepsRunning(DevCluster cluster)
      throws Exception {
    Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "not-a-folder", ".txt");
    String under = file.toUri() + "/savepoints";
    RemoteTarget target =
        Clusters.target(cluster.gatewayUrl(), cluster.restUrl(), "", List.of(), under);
    try (GatewayRuntime runtime = new GatewayRuntime(target)) {
      Deployment d = runtime.deploy(quickstart(), DeployOptions.defaults());
      assertThatThrownBy(() -> runtime.stop(d, true))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageContaining(
              "Could not stop job " + d.jobId() + " with a savepoint in '" + under + "'")
          .hasMessageContaining("The job keeps running");
      assertThat(runtime.rest().details(d.jobId()).getJobStatus()).isEqualTo(JobStatus.RUNNING);
      assertThat(runtime.status(d).phase()).isEqualTo(Phase.RUNNING);
      runtime.stop(d, false);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aStopOfAJobThatAlreadyEndedSaysSo(DevCluster cluster) throws Exception {
    Pipeline bounded =
        Clusters.quickstartWithPrintSink()
            .withNode(
                Clusters.quickstart()
                    .node("clicks")
                    .orElseThrow()
                    .withProperty("numberOfRows", 20));
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, ""))) {
      Deployment d = runtime.deploy(Clusters.compile(bounded, Map.of()), DeployOptions.defaults());
      assertThat(runtime.awaitTermination(d, Duration.ofSeconds(60)).phase())
          .isEqualTo(Phase.FINISHED);

      assertThatThrownBy(() -> runtime.stop(d, true))
          .isInstanceOf(JobAlreadyEnded.class)
          .hasMessageContaining(
              "had already ended (finished) before this stop: no savepoint was taken");
      assertThat(runtime.stop(d, false)).isEmpty();
    }
  }

  @Test
  void aResumeFromASavepointThatDoesNotExistFailsAndNothingRuns(DevCluster cluster)
      throws Exception {
    String missing = Path.of("target", "no-such-savepoint").toAbsolutePath().toUri().toString();
    try (GatewayRuntime runtime = new GatewayRuntime(Clusters.target(cluster, ""))) {
      assertThatThrownBy(
              () ->
                  runtime.deploy(
                      quickstart(),
                      DeployOptions.defaults()
                          .restoringFrom(missing)
                          .withDeploymentId("no-savepoint")))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith("The job could not start from '" + missing + "'")
          .hasMessageContaining("Cannot find checkpoint or savepoint")
          .hasMessageContaining("Check the path");
      assertThat(Clusters.live(runtime, "no-savepoint")).isEmpty();
    }
  }

  private static CompiledPipeline quickstart() throws Exception {
    return Clusters.compile(Clusters.quickstartWithPrintSink(), Map.of());
  }

  private static EnvironmentCheck.Item item(EnvironmentCheck check, String what) {
    return check.items().stream()
        .filter(i -> i.what().equals(what))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item '" + what + "' in " + check));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
