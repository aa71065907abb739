package dev.streamwright.runtime.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * An embedded single-node KRaft Kafka broker (combined broker and controller, node id 1) running in
 * this JVM, bound to {@code 127.0.0.1} only, with its data in an app-owned folder.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start(dataDir)) {
 *   kafka.createTopics(Map.of("transactions", 3));
 *   ... bootstrap.servers = kafka.bootstrapServers()
 * }
 * }</pre>
 *
 * <p>Storage is formatted with the metadata {@link Formatter} and the server is a plain {@link
 * KafkaRaftServer}: unlike Kafka's test kit it binds only where told (STACK.md). Internal topics
 * have replication factor 1, else consumer groups and transactions never start on one broker.
 */
public final class KafkaBroker implements AutoCloseable {

  /** The only address the broker binds and advertises. */
  public static final String HOST = "127.0.0.1";

  /** How long {@link #start} waits for the cluster to answer an admin client. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private static final String CONTROLLER = "CONTROLLER";
  private static final String PLAINTEXT = "PLAINTEXT";
  private static final int NODE_ID = 1;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final int RANDOM_PORT_ATTEMPTS = 3;

  /** A bind failure: retried with other random ports, else reported as is. */
  private static final class PortInUseException extends SandboxException {
    private static final long serialVersionUID = 1L;

    PortInUseException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Path dataDir;
  private final boolean keepData;
  private final int port;
  private final int controllerPort;
  private final KafkaRaftServer server;
  private boolean closed;

  private KafkaBroker(
      Path dataDir, boolean keepData, int port, int controllerPort, KafkaRaftServer server) {
    this.dataDir = dataDir;
    this.keepData = keepData;
    this.port = port;
    this.controllerPort = controllerPort;
    this.server = server;
  }

  /** A broker on a random free loopback port; {@link #close()} deletes {@code dataDir}. */
  public static KafkaBroker start(Path dataDir) {
    return start(dataDir, 0, false);
  }

  /**
   * A broker with its data in {@code dataDir}.
   *
   * @param port the client port on {@code 127.0.0.1}, or 0 for a random free one
   * @param keepData keep {@code dataDir} on {@link #close()} (for inspection)
   * @throws SandboxException with a readable message when the folder is not writable, the port is
   *     in use or the broker does not start
   */
  public static KafkaBroker start(Path dataDir, int port, boolean keepData) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    KafkaExitGuard.install();
    Path dir = prepareDataDir(dataDir);
    // A random port can be taken between picking it and binding it: try fresh ones then.
    int attempts = port == 0 ? RANDOM_PORT_ATTEMPTS : 1;
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(dir, port == 0 ? freePort() : requireFree(port), keepData);
      } catch (PortInUseException e) {
        if (attempt >= attempts) {
          if (!keepData) {
            deleteRecursively(dir);
          }
          throw e;
        }
        deleteRecursively(dir);
        prepareDataDir(dir);
      }
    }
  }

  private static KafkaBroker startOnce(Path dir, int clientPort, boolean keepData) {
    int controllerPort = freePort();
    KafkaConfig config = KafkaConfig.fromProps(properties(dir, clientPort, controllerPort), false);
    format(config, dir);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    KafkaBroker broker = new KafkaBroker(dir, keepData, clientPort, controllerPort, server);
    try {
      server.startup();
      broker.awaitReady();
      return broker;
    } catch (RuntimeException e) {
      // The folder stays for a retry on other ports; deleted below otherwise.
      broker.shutdownQuietly();
      if (hasCause(e, BindException.class)) {
        throw new PortInUseException(
            "Kafka broker could not bind "
                + HOST
                + ":"
                + clientPort
                + " or "
                + HOST
                + ":"
                + controllerPort
                + ": port in use. Choose another port or stop the process using it.",
            e);
      }
      if (!keepData) {
        deleteRecursively(dir);
      }
      if (e instanceof SandboxException) {
        throw e;
      }
      throw new SandboxException("Kafka broker failed to start: " + describe(e), e);
    }
  }

  /**
   * The fatal fault an embedded broker in this process met, if any: Kafka would have ended the
   * process for it; the sandbox reports it instead (see {@link KafkaExitGuard}).
   */
  public static Optional<String> fatalFault() {
    return KafkaExitGuard.lastFatal();
  }

  /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  /** The client port on {@code 127.0.0.1}. */
  public int port() {
    return port;
  }

  /** The controller (KRaft quorum) port on {@code 127.0.0.1}. */
  public int controllerPort() {
    return controllerPort;
  }

  /** The broker's data folder. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Creates the topics that do not exist yet, each with the given number of partitions (replication
   * factor 1), and returns once every partition of every named topic has a leader that takes
   * records ({@link PartitionReadiness}). Existing topics are left as they are.
   */
  public void createTopics(Map<String, Integer> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    try (Admin admin = admin()) {
      create(admin, partitions);
      PartitionReadiness.await(admin, partitions.keySet(), READY_TIMEOUT);
    }
  }

  private static void create(Admin admin, Map<String, Integer> partitions) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> toCreate = new ArrayList<>();
      partitions.forEach(
          (name, count) -> {
            if (!existing.contains(name)) {
              toCreate.add(new NewTopic(name, count, (short) 1));
            }
          });
      if (toCreate.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(toCreate).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new SandboxException(
                "Could not create topic '" + entry.getKey() + "': " + describe(e.getCause()), e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("Interrupted while creating topics", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new SandboxException("Could not create topics: " + describe(e), e);
    }
  }

  /** An admin client on this broker; the caller closes it. */
  public Admin admin() {
    Map<String, Object> conf = new HashMap<>();
    conf.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    return Admin.create(conf);
  }

  /**
   * Shuts the broker down and, unless {@code keepData} was requested, deletes the data folder.
   * Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    shutdownServer();
    if (!keepData) {
      deleteRecursively(dataDir);
    }
  }

  private void shutdownQuietly() {
    try {
      shutdownServer();
    } catch (RuntimeException ignored) {
      // Already failing: the start error is the one to report.
    }
  }

  /** Stops the server, waiting at most {@link #CLOSE_TIMEOUT}; a hung shutdown is abandoned. */
  private synchronized void shutdownServer() {
    if (closed) {
      return;
    }
    closed = true;
    Thread shutdown =
        new Thread(
            () -> {
              server.shutdown();
              server.awaitShutdown();
            },
            "streamwright-kafka-shutdown");
    shutdown.setDaemon(true);
    shutdown.start();
    try {
      shutdown.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Throwable last = null;
    try (Admin admin = admin()) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          last = e;
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("Interrupted while waiting for the Kafka broker", e);
    }
    throw new SandboxException(
        "Kafka broker on "
            + bootstrapServers()
            + " did not become ready within "
            + READY_TIMEOUT.toSeconds()
            + " s"
            + (last == null ? "" : ": " + describe(last)),
        last);
  }

  static Properties properties(Path dir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        PLAINTEXT
            + "://"
            + HOST
            + ":"
            + port
            + ","
            + CONTROLLER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    p.put("advertised.listeners", PLAINTEXT + "://" + HOST + ":" + port);
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", PLAINTEXT);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dir.resolve("logs").toString());
    p.put("metadata.log.dir", dir.resolve("metadata").toString());
    // One broker: every internal topic with replication 1, few partitions (fast first group).
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Topics come from the pipeline; a typo must not silently create a new one.
    p.put("auto.create.topics.enable", "false");
    // Samples replay fixed event times (e.g. 2026-01-01) as record timestamps: with the default
    // 7-day time retention the broker would delete a sample's input minutes after producing it.
    // A sandbox broker lives as long as its process, so it keeps everything.
    p.put("log.retention.ms", "-1");
    // The broker forgets an idempotent producer whose newest record timestamp is older than
    // producer.id.expiration.ms (1 day) at its periodic check (every 10 minutes): with sample
    // event times from 2026-01-01 that is the generator's producer at the first check, and with
    // its state goes the broker's protection against a retried batch being written twice. Checking
    // only after 24 days keeps every producer's state as long as a sandbox broker lives.
    p.put("producer.id.expiration.check.interval.ms", String.valueOf(Integer.MAX_VALUE));
    // A laptop sandbox: small threads pools, quick shutdown.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("log.cleaner.threads", "1");
    p.put("controlled.shutdown.enable", "false");
    return p;
  }

  private static void format(KafkaConfig config, Path dir) {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName(CONTROLLER)
          .setMetadataLogDirectory(dir.resolve("metadata").toString())
          .setDirectories(
              List.of(dir.resolve("logs").toString(), dir.resolve("metadata").toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setIgnoreFormatted(false)
          .run();
    } catch (Exception e) {
      throw new SandboxException(
          "Could not format the Kafka data folder " + dir + ": " + describe(e), e);
    }
  }

  private static Path prepareDataDir(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      try (Stream<Path> content = Files.list(dir)) {
        if (content.findAny().isPresent()) {
          throw new SandboxException(
              "Kafka data folder "
                  + dir
                  + " is not empty. Use an empty or new folder for the sandbox broker.");
        }
      }
      Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new SandboxException(
          "Kafka data folder "
              + dir
              + " is not writable ("
              + describe(e)
              + "). Choose a folder you can write to.",
          e);
    }
    return dir;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new SandboxException("No free port on " + HOST + ": " + describe(e), e);
    }
  }

  private static int requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return port;
    } catch (IOException e) {
      throw new SandboxException(
          "Port "
              + port
              + " on "
              + HOST
              + " is in use. Choose another port for the sandbox broker, or 0 for a random one.",
          e);
    }
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message of a chain, one line, without class noise where possible. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    String text = msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new SandboxException("Could not delete the Kafka data folder " + dir + ": " + e, e);
    }
  }
}
