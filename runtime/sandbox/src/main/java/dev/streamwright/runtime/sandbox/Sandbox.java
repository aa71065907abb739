package dev.streamwright.runtime.sandbox;

import dev.streamwright.runtime.generate.Generator;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local platform a pipeline with Kafka nodes runs on: an embedded KRaft broker on 127.0.0.1 (or
 * an existing Kafka the user names), the pipeline's topics, and at most one data generator
 * producing to a source topic. The CLI's {@code sandbox} command and the studio's Run both use it.
 *
 * <p>Each embedded broker keeps its data in {@code <parent>/sandbox-kafka-<pid>-<n>}; folders of
 * processes that no longer run (a killed studio) are removed when the next sandbox starts, so a
 * crash never blocks or litters the next start. Everything started is stopped by {@link #close()}.
 */
public final class Sandbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

  /** The environment key the Kafka nodes read their brokers from. */
  public static final String BOOTSTRAP_KEY = "kafka.bootstrap.servers";

  /** Partitions of each topic the sandbox creates. */
  public static final int PARTITIONS = 3;

  private static final String FOLDER_PREFIX = "sandbox-kafka-";

  /** A file in a data folder kept on purpose ({@code --keep}), so no later start removes it. */
  static final String KEPT_MARKER = "KEPT-BY-STREAMWRIGHT";

  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
  private static int folders;

  /**
   * How to start.
   *
   * @param kafka an existing Kafka's {@code host:port} list, or null for an embedded broker
   * @param dataParent the folder the embedded broker's data folder goes in
   * @param port the embedded broker's port, 0 for a free one
   * @param keep keep the embedded broker's data when closing
   */
  public record Settings(String kafka, Path dataParent, int port, boolean keep) {

    public static Settings embedded(Path dataParent) {
      return new Settings(null, dataParent, 0, false);
    }

    public Settings withKafka(String bootstrap) {
      return new Settings(bootstrap, dataParent, port, keep);
    }

    public Settings withPort(int p) {
      return new Settings(kafka, dataParent, p, keep);
    }

    public Settings withKeep(boolean k) {
      return new Settings(kafka, dataParent, port, k);
    }
  }

  /**
   * The Kafka topics a pipeline reads and writes, from its Kafka source and sink nodes.
   *
   * @param compacted the sink topics that hold the latest row per key (upsert sinks): created with
   *     {@code cleanup.policy=compact}
   */
  public record Topics(Set<String> sources, Set<String> sinks, Set<String> compacted) {

    public Topics {
      sources = Collections.unmodifiableSet(new TreeSet<>(sources));
      sinks = Collections.unmodifiableSet(new TreeSet<>(sinks));
      compacted = Collections.unmodifiableSet(new TreeSet<>(compacted));
    }

    public Topics(Set<String> sources, Set<String> sinks) {
      this(sources, sinks, Set.of());
    }

    public static Topics of(Pipeline pipeline) {
      Set<String> sources = new TreeSet<>();
      Set<String> sinks = new TreeSet<>();
      Set<String> compacted = new TreeSet<>();
      for (Node n : pipeline.nodes()) {
        Object topic = n.properties().get("topic");
        if (!(topic instanceof String t) || t.isBlank()) {
          continue;
        }
        if (n.type().equals("kafka-source")) {
          sources.add(t.trim());
        } else if (n.type().endsWith("kafka-sink")) {
          sinks.add(t.trim());
          if (n.type().startsWith("upsert")) {
            compacted.add(t.trim());
          }
        }
      }
      return new Topics(sources, sinks, compacted);
    }

    public Set<String> all() {
      Set<String> all = new TreeSet<>(sources);
      all.addAll(sinks);
      return all;
    }

    public boolean isEmpty() {
      return sources.isEmpty() && sinks.isEmpty();
    }
  }

  /**
   * Whether a pipeline needs the sandbox's Kafka: it has Kafka nodes that leave their brokers to
   * the environment.
   */
  public static boolean needsKafka(Pipeline pipeline) {
    for (Node n : pipeline.nodes()) {
      if (n.type().equals("kafka-source") || n.type().endsWith("kafka-sink")) {
        Object own = n.properties().get("bootstrapServers");
        if (!(own instanceof String s) || s.isBlank()) {
          return true;
        }
      }
    }
    return false;
  }

  private final KafkaBroker broker;
  private final Admin admin;
  private final String bootstrap;
  private final Duration startTime;
  private GeneratorRun generator;
  private Generator generatorSource;
  private KafkaEventSink generatorSink;
  private boolean closed;

  private Sandbox(KafkaBroker broker, Admin admin, String bootstrap, Duration startTime) {
    this.broker = broker;
    this.admin = admin;
    this.bootstrap = bootstrap;
    this.startTime = startTime;
  }

  /**
   * Starts the broker (or connects to the named Kafka) and creates the topics.
   *
   * @throws SandboxException with a message for the user when Kafka cannot be reached or started,
   *     or a topic cannot be created; nothing is left running then
   */
  public static Sandbox start(Settings settings, Topics topics) {
    long started = System.nanoTime();
    KafkaBroker broker = null;
    Admin admin = null;
    try {
      String bootstrap;
      if (settings.kafka() != null) {
        bootstrap = settings.kafka().trim();
        admin = admin(bootstrap);
        try {
          admin.describeCluster().nodes().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
          throw new SandboxException(
              "Cannot reach Kafka at "
                  + bootstrap
                  + " within "
                  + KAFKA_TIMEOUT.toSeconds()
                  + " s. Check the address and that the brokers run, or leave --kafka out for an"
                  + " embedded broker.",
              e);
        }
      } else {
        removeStaleFolders(settings.dataParent());
        broker =
            KafkaBroker.start(newDataDir(settings.dataParent()), settings.port(), settings.keep());
        bootstrap = broker.bootstrapServers();
        admin = admin(bootstrap);
      }
      createTopics(admin, topics.all(), topics.compacted());
      return new Sandbox(broker, admin, bootstrap, Duration.ofNanos(System.nanoTime() - started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(admin, broker);
      throw new SandboxException("Interrupted while starting the sandbox", e);
    } catch (RuntimeException e) {
      closeQuietly(admin, broker);
      throw e;
    }
  }

  private static void closeQuietly(Admin admin, KafkaBroker broker) {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static synchronized Path newDataDir(Path parent) {
    return parent.resolve(FOLDER_PREFIX + ProcessHandle.current().pid() + "-" + ++folders);
  }

  /** Deletes the data folders of sandboxes whose process is gone (killed, crashed). */
  static void removeStaleFolders(Path parent) {
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (Stream<Path> list = Files.list(parent)) {
      for (Path dir : list.toList()) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(FOLDER_PREFIX) || Files.exists(dir.resolve(KEPT_MARKER))) {
          continue;
        }
        String pid = name.substring(FOLDER_PREFIX.length()).split("-")[0];
        try {
          long p = Long.parseLong(pid);
          if (p != ProcessHandle.current().pid() && ProcessHandle.of(p).isEmpty()) {
            LOG.info("Removing the data folder {} of a sandbox that no longer runs", dir);
            KafkaBroker.deleteRecursively(dir);
          }
        } catch (NumberFormatException e) {
          // Not one of ours.
        } catch (SandboxException e) {
          LOG.warn("Cannot remove the stale sandbox folder {}", dir, e);
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot list {} for stale sandbox folders", parent, e);
    }
  }

  private static void createTopics(Admin admin, Set<String> names, Set<String> compacted)
      throws InterruptedException {
    List<NewTopic> wanted = new ArrayList<>();
    for (String t : names) {
      NewTopic topic = new NewTopic(t, PARTITIONS, (short) 1);
      if (compacted.contains(t)) {
        topic.configs(Map.of("cleanup.policy", "compact"));
      }
      wanted.add(topic);
    }
    for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e :
        admin.createTopics(wanted).values().entrySet()) {
      try {
        e.getValue().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException ex) {
        if (!(ex.getCause() instanceof TopicExistsException)) {
          throw new SandboxException(
              "Topic "
                  + e.getKey()
                  + " is missing and cannot be created ("
                  + ex.getCause().getMessage()
                  + "). Create it on the cluster or allow this user to create topics.",
              ex);
        }
      } catch (TimeoutException ex) {
        throw new SandboxException("Timed out creating topic " + e.getKey(), ex);
      }
    }
    // The generator and the job's sinks write as soon as this returns: a partition must take
    // records by then, or an idempotent producer can lose its first batch (PartitionReadiness).
    PartitionReadiness.await(admin, names, KafkaBroker.READY_TIMEOUT);
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
    return Admin.create(p);
  }

  /**
   * Creates the topics that do not exist yet (the next pipeline run in the same sandbox may use
   * others).
   *
   * @throws SandboxException when one cannot be created
   */
  public void createTopics(Topics topics) {
    try {
      createTopics(admin, topics.all(), topics.compacted());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("Interrupted while creating topics", e);
    }
  }

  /** The brokers' {@code host:port} list for the pipeline's environment. */
  public String bootstrapServers() {
    return bootstrap;
  }

  /** The embedded broker, when the sandbox started one. */
  public Optional<KafkaBroker> broker() {
    return Optional.ofNullable(broker);
  }

  /** How long starting (broker ready and topics created) took. */
  public Duration startTime() {
    return startTime;
  }

  /**
   * Starts a generator producing to its topic, stopping the one running before.
   *
   * @param speed how many times faster than wall-clock time scenario time passes
   */
  public synchronized GeneratorRun startGenerator(Generator source, double speed) {
    stopGenerator();
    generatorSource = source;
    generatorSink = KafkaEventSink.create(bootstrap, source.topic());
    generator = new GeneratorRun(source, generatorSink, speed);
    generator.start();
    return generator;
  }

  /** Stops the running generator, if any, and waits up to 10 s for it to flush. */
  public synchronized void stopGenerator() {
    if (generator == null) {
      return;
    }
    generator.stop();
    try {
      generator.await(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (generatorSink != null) {
      try {
        generatorSink.close();
      } catch (RuntimeException e) {
        LOG.warn("The generator's producer failed while closing", e);
      }
      generatorSink = null;
    }
  }

  /** The generator started last, running or not. */
  public synchronized Optional<GeneratorRun> generator() {
    return Optional.ofNullable(generator);
  }

  /** The generator started last's source, running or not. */
  public synchronized Optional<Generator> generatorSource() {
    return Optional.ofNullable(generatorSource);
  }

  /** Records in each topic: the sum of its partitions' end offsets (-1 when unknown). */
  public Map<String, Long> recordCounts(Set<String> topics) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String topic : topics) {
      try {
        TopicDescription d =
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic);
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        d.partitions()
            .forEach(
                p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> offsets =
            admin.listOffsets(request).all().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        counts.put(topic, offsets.values().stream().mapToLong(ListOffsetsResultInfo::offset).sum());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        counts.put(topic, -1L);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        LOG.debug("Cannot count the records of topic {}", topic, e);
        counts.put(topic, -1L);
      }
    }
    return counts;
  }

  /** Stops the generator, the admin client and the embedded broker; safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopGenerator();
    admin.close(Duration.ofSeconds(5));
    if (broker != null) {
      broker.close();
      if (Files.isDirectory(broker.dataDir())) {
        try {
          Files.writeString(
              broker.dataDir().resolve(KEPT_MARKER),
              "Kept by streamwright sandbox --keep; delete the folder when done.\n");
        } catch (IOException e) {
          LOG.warn("Cannot mark {} as kept", broker.dataDir(), e);
        }
      }
    }
  }
}
