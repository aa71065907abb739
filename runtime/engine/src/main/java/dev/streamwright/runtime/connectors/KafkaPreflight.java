package dev.streamwright.runtime.connectors;

import dev.streamwright.runtime.compile.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before a job starts, that every Kafka node of a pipeline can reach its brokers with its
 * own client settings and that its topics are there: a source's topic must exist; a sink's topic
 * either exists or the broker says it creates topics on first write. Flink's Kafka clients retry an
 * unreachable broker forever and report a missing topic only after half a minute without naming it,
 * so these are found here, within seconds, and pinned to the node and property to fix.
 *
 * <p>Each check opens its own sockets and admin client and closes them before returning.
 */
public final class KafkaPreflight {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaPreflight.class);

  /**
   * Bound on each call to a cluster: a broker on the same network answers metadata requests in
   * milliseconds, so five seconds is only exceeded by one that does not answer at all.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Bound on a TCP connect to one broker address: refused connections come back at once. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private static final String AUTO_CREATE = "auto.create.topics.enable";

  private final Duration timeout;

  /** A preflight whose calls give up after {@link #DEFAULT_TIMEOUT}. */
  public KafkaPreflight() {
    this(DEFAULT_TIMEOUT);
  }

  /** A preflight whose calls to a cluster give up after {@code timeout}. */
  public KafkaPreflight(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
  }

  /**
   * The problems of the pipeline's Kafka nodes, each on its node and on the property to fix ({@code
   * bootstrapServers} or {@code topic}); errors mean the job cannot work, warnings are worth
   * knowing (a sink topic the broker will create). Empty when all is well or there is no Kafka
   * node. Takes a few milliseconds per cluster that answers, at most a few times the timeout per
   * cluster that does not.
   */
  public List<Problem> check(ConnectorTables tables) {
    List<Problem> problems = new ArrayList<>();
    for (KafkaCluster cluster : KafkaCluster.of(tables)) {
      problems.addAll(check(cluster));
    }
    return problems;
  }

  private List<Problem> check(KafkaCluster cluster) {
    Optional<String> unreachable = unreachable(cluster);
    if (unreachable.isPresent()) {
      return onEveryNode(cluster, unreachable.get());
    }
    Admin admin;
    try {
      admin = cluster.admin("streamwright-preflight", timeout);
    } catch (KafkaException e) {
      LOG.info("Cannot make a Kafka client for {}", cluster.bootstrap(), e);
      return onEveryNode(
          cluster,
          "cannot use the Kafka brokers '"
              + cluster.bootstrap()
              + "': "
              + rootMessage(e)
              + "; name them as host:port, separated by commas");
    }
    try {
      return check(cluster, admin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      admin.close(Duration.ofSeconds(2));
    }
  }

  private List<Problem> check(KafkaCluster cluster, Admin admin) throws InterruptedException {
    Collection<Node> brokers;
    try {
      brokers = get(admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms())).nodes());
    } catch (ExecutionException | TimeoutException e) {
      LOG.info("Kafka at {} did not answer the preflight", cluster.bootstrap(), e);
      return onEveryNode(
          cluster,
          "Kafka at "
              + cluster.bootstrap()
              + " accepts connections but did not answer as a Kafka broker within "
              + seconds(timeout)
              + "; check the port and that the node's security options"
              + " (properties.security.protocol, properties.sasl.*, properties.ssl.*) match"
              + " the broker's listener");
    }
    Set<String> topics = new LinkedHashSet<>();
    cluster.tables().forEach(t -> topics.addAll(t.topics()));
    if (topics.isEmpty()) {
      return List.of();
    }
    Map<String, KafkaFuture<org.apache.kafka.clients.admin.TopicDescription>> described =
        admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(ms())).topicNameValues();
    Map<String, Throwable> failures = new LinkedHashMap<>();
    for (String topic : topics) {
      try {
        get(described.get(topic));
      } catch (ExecutionException e) {
        failures.put(topic, e.getCause() == null ? e : e.getCause());
      } catch (TimeoutException e) {
        failures.put(topic, e);
      }
    }
    if (failures.isEmpty()) {
      return List.of();
    }
    List<String> existing =
        failures.values().stream().anyMatch(KafkaPreflight::missing)
            ? topicNames(admin)
            : List.of();
    Optional<Boolean> autoCreate =
        cluster.tables().stream()
                .anyMatch(t -> t.sink() && t.topics().stream().anyMatch(failures::containsKey))
            ? autoCreate(admin, brokers)
            : Optional.empty();
    List<Problem> problems = new ArrayList<>();
    for (ConnectorTable t : cluster.tables()) {
      for (String topic : t.topics()) {
        Throwable failure = failures.get(topic);
        if (failure != null) {
          problems.add(topicProblem(cluster, t, topic, failure, existing, autoCreate));
        }
      }
    }
    return problems;
  }

  private Problem topicProblem(
      KafkaCluster cluster,
      ConnectorTable table,
      String topic,
      Throwable failure,
      List<String> existing,
      Optional<Boolean> autoCreate) {
    String node = table.nodeId();
    String where = "topic '" + topic + "' on " + cluster.bootstrap();
    if (failure instanceof TopicAuthorizationException) {
      return Problem.error(
          node,
          ConnectorTable.TOPIC_PROPERTY,
          "not allowed to see "
              + where
              + "; check the node's security options (properties.sasl.*) and the topic's ACLs");
    }
    if (!missing(failure)) {
      return Problem.warning(
          node,
          ConnectorTable.TOPIC_PROPERTY,
          "could not check " + where + " (" + rootMessage(failure) + ")");
    }
    Optional<String> similar = closest(topic, existing);
    String fix =
        similar
            .map(t -> "; did you mean '" + t + "'? Else create it")
            .orElse("; create it or correct the name");
    if (!table.sink()) {
      return Problem.error(
          node,
          ConnectorTable.TOPIC_PROPERTY,
          "topic '" + topic + "' does not exist on " + cluster.bootstrap() + fix);
    }
    if (autoCreate.isEmpty()) {
      return Problem.warning(
          node,
          ConnectorTable.TOPIC_PROPERTY,
          "topic '"
              + topic
              + "' does not exist on "
              + cluster.bootstrap()
              + " and the broker does not say whether it creates topics ("
              + AUTO_CREATE
              + "); create it first if the job fails to write");
    }
    if (autoCreate.get()) {
      return Problem.warning(
          node,
          ConnectorTable.TOPIC_PROPERTY,
          "topic '"
              + topic
              + "' does not exist on "
              + cluster.bootstrap()
              + " yet; the broker creates it on the first write, with its default partitions and"
              + " replication ("
              + AUTO_CREATE
              + "=true)"
              + similar.map(t -> "; did you mean '" + t + "'?").orElse(""));
    }
    return Problem.error(
        node,
        ConnectorTable.TOPIC_PROPERTY,
        "topic '"
            + topic
            + "' does not exist on "
            + cluster.bootstrap()
            + " and the broker does not create topics ("
            + AUTO_CREATE
            + "=false)"
            + fix);
  }

  /**
   * Why no address of the cluster takes a TCP connection, or empty when one does. A refused
   * connection comes back at once, which is what lets a wrong port fail in milliseconds rather than
   * after the admin client's timeout.
   */
  private Optional<String> unreachable(KafkaCluster cluster) {
    List<String> addresses = cluster.addresses();
    if (addresses.isEmpty()) {
      return Optional.of(
          "no Kafka brokers are named; set the node's bootstrap servers as host:port, or leave"
              + " them blank to use the environment's kafka.bootstrap.servers");
    }
    List<String> reasons = new ArrayList<>();
    for (String address : addresses) {
      Optional<String> reason = refuses(address);
      if (reason.isEmpty()) {
        return Optional.empty();
      }
      reasons.add(addresses.size() == 1 ? reason.get() : address + ": " + reason.get());
    }
    return Optional.of(
        "cannot reach Kafka at "
            + cluster.bootstrap()
            + " ("
            + String.join("; ", reasons)
            + "); check the address and that the brokers run");
  }

  /** Why {@code host:port} takes no connection on any of its addresses, or empty when it does. */
  private Optional<String> refuses(String address) {
    int colon = address.lastIndexOf(':');
    int port;
    try {
      port = colon <= 0 ? -1 : Integer.parseInt(address.substring(colon + 1).trim());
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65_535) {
      return Optional.of("'" + address + "' is not host:port");
    }
    String host = address.substring(0, colon).trim();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] ips;
    try {
      ips = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.of("the host name '" + host + "' is unknown");
    }
    int connectMs = (int) Math.min(CONNECT_TIMEOUT.toMillis(), timeout.toMillis());
    String why = "";
    for (InetAddress ip : ips) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(ip, port), connectMs);
        return Optional.empty();
      } catch (ConnectException e) {
        why = "connection refused: nothing listens on port " + port;
      } catch (SocketTimeoutException e) {
        why = "no answer within " + seconds(Duration.ofMillis(connectMs));
      } catch (IOException e) {
        why = String.valueOf(e.getMessage());
      }
    }
    return Optional.of(why);
  }

  private List<String> topicNames(Admin admin) throws InterruptedException {
    try {
      return List.copyOf(get(admin.listTopics(new ListTopicsOptions().timeoutMs(ms())).names()));
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("Cannot list the topics for suggestions", e);
      return List.of();
    }
  }

  /** What the broker says about creating topics on first use; empty when it does not say. */
  private Optional<Boolean> autoCreate(Admin admin, Collection<Node> brokers)
      throws InterruptedException {
    if (brokers.isEmpty()) {
      return Optional.empty();
    }
    ConfigResource broker =
        new ConfigResource(ConfigResource.Type.BROKER, brokers.iterator().next().idString());
    try {
      Config config =
          get(admin
                  .describeConfigs(List.of(broker), new DescribeConfigsOptions().timeoutMs(ms()))
                  .all())
              .get(broker);
      ConfigEntry entry = config == null ? null : config.get(AUTO_CREATE);
      return entry == null || entry.value() == null
          ? Optional.empty()
          : Optional.of(Boolean.parseBoolean(entry.value().trim()));
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("Cannot read the broker's {}", AUTO_CREATE, e);
      return Optional.empty();
    }
  }

  private static boolean missing(Throwable failure) {
    return failure instanceof UnknownTopicOrPartitionException;
  }

  /** The existing topic closest to a misspelled one, if one is close enough to be a typo. */
  static Optional<String> closest(String topic, List<String> existing) {
    LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, topic.length() / 4));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : existing) {
      if (candidate.startsWith("__")) {
        continue; // Kafka's internal topics
      }
      int d = distance.apply(topic, candidate);
      if (d >= 0 && d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<Problem> onEveryNode(KafkaCluster cluster, String message) {
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ConnectorTable t : cluster.tables()) {
      if (seen.add(t.nodeId())) {
        problems.add(Problem.error(t.nodeId(), ConnectorTable.BOOTSTRAP_PROPERTY, message));
      }
    }
    return problems;
  }

  private <T> T get(KafkaFuture<T> future)
      throws InterruptedException, ExecutionException, TimeoutException {
    // The calls time out by themselves; this only guards against a call that never completes.
    return future.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
  }

  private int ms() {
    return (int) Math.max(1, timeout.toMillis());
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** The innermost message of a Kafka client failure, with its kind when it has none. */
  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
  }
}
