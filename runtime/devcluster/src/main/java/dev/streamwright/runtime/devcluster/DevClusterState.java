package dev.streamwright.runtime.devcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What identifies a started dev cluster: its folder, URLs, ports, start time and its three
 * processes. A cluster started by {@code streamwright dev-cluster start} outlives that command;
 * this state, kept as {@code cluster.json} in its folder, is how later commands find and stop it.
 *
 * @param folder the cluster's folder
 * @param restUrl the JobManager's REST API (and web UI), e.g. {@code http://127.0.0.1:8081}
 * @param gatewayUrl the SQL Gateway's REST API
 * @param jobManagerRpcPort the JobManager's RPC port
 * @param startedAt when the cluster was started
 * @param processes its JVMs
 */
public record DevClusterState(
    Path folder,
    URI restUrl,
    URI gatewayUrl,
    int jobManagerRpcPort,
    Instant startedAt,
    List<ClusterProcess> processes) {

  /** The state file's name inside the cluster's folder. */
  public static final String FILE_NAME = "cluster.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public DevClusterState {
    processes = List.copyOf(processes);
  }

  /** The state file of a cluster kept in {@code folder}. */
  public static Path file(Path folder) {
    return folder.resolve(FILE_NAME);
  }

  /** The cluster's folder layout. */
  public ClusterFolder layout() {
    return new ClusterFolder(folder);
  }

  /** The process of one role. */
  public ClusterProcess process(ClusterProcess.Role role) {
    return processes.stream()
        .filter(p -> p.role() == role)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + role.title() + " in " + this));
  }

  /** Writes {@code cluster.json} into the cluster's folder (replacing it atomically). */
  public void write() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("folder", folder.toString());
    root.put("restUrl", restUrl.toString());
    root.put("gatewayUrl", gatewayUrl.toString());
    root.put("jobManagerRpcPort", jobManagerRpcPort);
    root.put("startedAt", startedAt.toString());
    ArrayNode list = root.putArray("processes");
    for (ClusterProcess p : processes) {
      ObjectNode n = list.addObject();
      n.put("role", p.role().name());
      n.put("pid", p.pid());
      n.put("startedAt", p.startedAt().toString());
      n.put("argsFile", p.argsFile().toString());
    }
    Path file = file(folder);
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    JSON.writeValue(tmp.toFile(), root);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Reads the state of the cluster kept in {@code folder}.
   *
   * @return empty if there is no state file
   * @throws DevClusterException if the file cannot be read or is not a dev cluster state
   */
  public static Optional<DevClusterState> read(Path folder) {
    Path file = file(folder);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<ClusterProcess> processes = new ArrayList<>();
      for (JsonNode n : required(root, "processes")) {
        processes.add(
            new ClusterProcess(
                ClusterProcess.Role.valueOf(required(n, "role").asText()),
                required(n, "pid").asLong(),
                Instant.parse(required(n, "startedAt").asText()),
                Path.of(required(n, "argsFile").asText())));
      }
      return Optional.of(
          new DevClusterState(
              Path.of(required(root, "folder").asText()),
              URI.create(required(root, "restUrl").asText()),
              URI.create(required(root, "gatewayUrl").asText()),
              required(root, "jobManagerRpcPort").asInt(),
              Instant.parse(required(root, "startedAt").asText()),
              processes));
    } catch (IOException | RuntimeException e) {
      throw new DevClusterException(
          "The dev cluster's state file "
              + file
              + " cannot be read ("
              + e.getMessage()
              + "). If no dev cluster runs, delete the file and start again.",
          e);
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return value;
  }

  /** Deletes the state file. */
  public void delete() throws IOException {
    Files.deleteIfExists(file(folder));
  }

  /** Whether all three processes still run. */
  public boolean allAlive() {
    return processes.stream().allMatch(ClusterProcess::isAlive);
  }

  /** Whether none of the three processes runs any more. */
  public boolean allGone() {
    return processes.stream().noneMatch(ClusterProcess::isAlive);
  }
}
