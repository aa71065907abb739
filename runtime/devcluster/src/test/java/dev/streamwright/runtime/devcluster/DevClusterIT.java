package dev.streamwright.runtime.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared dev cluster runs SQL sent through its gateway on its own JobManager and TaskManager,
 * stops a job with a savepoint on disk, has the onnx provider and the Kafka connector, and listens
 * on loopback only.
 */
@ExtendWith(DevClusterExtension.class)
class DevClusterIT {

  @Test
  void anInsertRunsOnTheClusterAndStopsWithASavepoint(DevCluster cluster) throws Exception {
    try (GatewayRest gateway = new GatewayRest(cluster)) {
      gateway.execute(
          "CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen',"
              + " 'rows-per-second' = '20')");
      gateway.execute("CREATE TABLE nowhere (n BIGINT) WITH ('connector' = 'blackhole')");

      String jobId = gateway.execute("INSERT INTO nowhere SELECT n FROM numbers").jobId();

      assertThat(jobId).isNotBlank();
      // A savepoint needs every task running, not just the job.
      gateway.awaitJob(
          jobId,
          j ->
              j.path("state").asText().equals("RUNNING")
                  && j.path("tasks").path("running").asInt()
                      == j.path("tasks").path("total").asInt(),
          "running");

      List<JsonNode> rows = gateway.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT").rows();

      assertThat(rows).hasSize(1);
      URI savepoint = URI.create(rows.get(0).path("fields").get(0).asText());
      Path onDisk = Path.of(savepoint);
      assertThat(onDisk).startsWith(cluster.folder().savepoints()).isDirectory();
      assertThat(onDisk.resolve("_metadata")).isNotEmptyFile();
      gateway.awaitJob(jobId, j -> j.path("state").asText().equals("FINISHED"), "finished");
    }
  }

  @Test
  void theTaskManagerScoresWithTheOnnxProvider(DevCluster cluster) throws Exception {
    Path model = Path.of("../engine/src/test/resources/models/matrix-input.onnx").toAbsolutePath();
    try (GatewayRest gateway = new GatewayRest(cluster)) {
      gateway.execute(
          "CREATE TEMPORARY VIEW features AS SELECT * FROM (VALUES"
              + " (1, CAST(0.5 AS FLOAT), CAST(1.0 AS FLOAT)),"
              + " (2, CAST(-1.0 AS FLOAT), CAST(0.25 AS FLOAT))) AS t(id, a, b)");
      gateway.execute(
          "CREATE TEMPORARY MODEL risk INPUT (a FLOAT, b FLOAT) OUTPUT (score FLOAT)"
              + " WITH ('provider' = 'onnx', 'path' = '"
              + model
              + "')");

      List<JsonNode> rows =
          gateway
              .execute(
                  "SELECT id, score FROM ML_PREDICT(TABLE features, MODEL risk,"
                      + " DESCRIPTOR(a, b))")
              .rows();

      // matrix-input.onnx is sigmoid(1 * a + 2 * b).
      Map<Integer, Double> scores = new HashMap<>();
      rows.forEach(
          r -> scores.put(r.get("fields").get(0).asInt(), r.get("fields").get(1).asDouble()));
      assertThat(scores).containsOnlyKeys(1, 2);
      assertThat(scores.get(1)).isCloseTo(sigmoid(0.5 + 2 * 1.0), within(1e-6));
      assertThat(scores.get(2)).isCloseTo(sigmoid(-1.0 + 2 * 0.25), within(1e-6));
    }
  }

  @Test
  void theKafkaConnectorAndItsBaseClassesAreOnTheCluster(DevCluster cluster) throws Exception {
    try (GatewayRest gateway = new GatewayRest(cluster)) {
      gateway.execute(
          "CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
      gateway.execute(
          "CREATE TABLE topic (n BIGINT) WITH ('connector' = 'kafka', 'topic' = 'numbers',"
              + " 'properties.bootstrap.servers' = '127.0.0.1:9', 'format' = 'json')");

      // The execution plan builds the KafkaSink, which needs flink-connector-base's classes
      // (DeliveryGuarantee) and flink-json's format: a cluster without them fails here.
      List<JsonNode> rows =
          gateway
              .execute("EXPLAIN JSON_EXECUTION_PLAN INSERT INTO topic SELECT n FROM numbers")
              .rows();

      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).get("fields").get(0).asText()).contains("Sink").contains("topic");
    }
  }

  @Test
  void nothingListensBeyondLoopback(DevCluster cluster) throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/net")), "needs Linux's /proc");
    Set<String> listening = new HashSet<>();
    for (ClusterProcess p : cluster.state().processes()) {
      listening.addAll(listeningSockets(p.pid()));
    }

    int rest = cluster.restUrl().getPort();
    int gateway = cluster.gatewayUrl().getPort();
    int rpc = cluster.state().jobManagerRpcPort();
    assertThat(listening)
        .as("the cluster's own ports are seen, so the check below is not vacuous")
        .anyMatch(a -> a.endsWith(":" + rest))
        .anyMatch(a -> a.endsWith(":" + gateway))
        .anyMatch(a -> a.endsWith(":" + rpc));
    assertThat(listening).allMatch(a -> a.startsWith("127.0.0.1:"));
  }

  /** Another test class (here a nested one) gets the very same cluster. */
  @Nested
  class SecondUser {
    @Test
    void sharesTheClusterOfTheTestJvm(DevCluster cluster, DevCluster again) {
      assertThat(again).isSameAs(cluster);
      assertThat(cluster.state().allAlive()).isTrue();
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /**
   * The local addresses ({@code ip:port}) the process listens on, from the sockets among its file
   * descriptors and the kernel's TCP tables.
   */
  static Set<String> listeningSockets(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    Set<String> result = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        // f[1] local address, f[3] state (0A = LISTEN), f[9] inode
        if (f[3].equals("0A") && inodes.contains(f[9])) {
          result.add(address(f[1]));
        }
      }
    }
    return result;
  }

  /** {@code 0100007F:1F90} or the IPv6 form, as {@code 127.0.0.1:8080} (IPv4-mapped as IPv4). */
  static String address(String hex) {
    String[] parts = hex.split(":");
    int port = Integer.parseInt(parts[1], 16);
    String ip = parts[0];
    if (ip.length() == 32) {
      if (!ip.startsWith("0000000000000000FFFF0000")) {
        return "[" + ip + "]:" + port; // a real IPv6 address: not loopback IPv4
      }
      ip = ip.substring(24);
    }
    long v = Long.parseLong(ip, 16); // little-endian
    return (v & 0xFF)
        + "."
        + ((v >> 8) & 0xFF)
        + "."
        + ((v >> 16) & 0xFF)
        + "."
        + ((v >> 24) & 0xFF)
        + ":"
        + port;
  }
}
