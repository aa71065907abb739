package dev.streamwright.runtime.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what a run's Kafka and file sinks wrote, so a pipeline without preview sinks still says
 * what it did: taken once before the job starts ({@link #start}) and once after it ends ({@link
 * #finish}).
 *
 * <ul>
 *   <li>An at-least-once Kafka sink wrote the growth of its topic's end offsets (other producers to
 *       the same topic count too).
 *   <li>An exactly-once sink's topic also holds transaction markers, and aborted records: its
 *       committed records since the start are read with a {@code read_committed} consumer.
 *   <li>A file sink wrote the lines of the part files that appeared under its folder; part files
 *       still in progress (hidden, uncommitted) are not counted.
 * </ul>
 *
 * Counting never fails a run: a sink that cannot be counted says so.
 */
public final class SinkTally {

  private static final Logger LOG = LoggerFactory.getLogger(SinkTally.class);

  /** Bound on each call to a cluster. */
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Bound on reading an exactly-once sink's committed records back. */
  private static final Duration READ_BACK = Duration.ofSeconds(15);

  /** Above this many bytes of new part files, files are counted but their lines are not. */
  private static final long MAX_LINE_COUNT_BYTES = 256L << 20;

  /** What one sink wrote, in words, e.g. {@code wrote 1,234 records to topic 'alerts'}. */
  public record Written(String nodeId, String what) {

    /** The line a summary prints: {@code wrote ... (node 'alerts')}. */
    @Override
    public String toString() {
      return what + " (node '" + nodeId + "')";
    }
  }

  private final List<ConnectorTable> sinks;
  private final Map<String, Map<TopicPartition, Long>> startOffsets = new HashMap<>();
  private final Map<String, Set<Path>> startFiles = new HashMap<>();

  private SinkTally(List<ConnectorTable> sinks) {
    this.sinks = sinks;
  }

  /** Notes where every Kafka and file sink of the pipeline stands now. */
  public static SinkTally start(ConnectorTables tables) {
    List<ConnectorTable> sinks =
        tables.sinks().stream().filter(t -> t.isKafka() || t.isFiles()).toList();
    SinkTally tally = new SinkTally(sinks);
    for (KafkaCluster cluster : clustersOf(sinks)) {
      tally.withAdmin(
          cluster,
          admin -> {
            for (ConnectorTable t : cluster.tables()) {
              for (String topic : t.topics()) {
                tally.startOffsets.put(key(cluster, topic), endOffsets(admin, topic, false));
              }
            }
          });
    }
    for (ConnectorTable t : sinks) {
      if (t.isFiles()) {
        folder(t).ifPresent(dir -> tally.startFiles.put(t.nodeId(), partFiles(dir, false)));
      }
    }
    return tally;
  }

  /** Whether there is a sink to report on. */
  public boolean isEmpty() {
    return sinks.isEmpty();
  }

  /** What each Kafka and file sink wrote since {@link #start}, in pipeline order. */
  public List<Written> finish() {
    Map<ConnectorTable, String> what = new LinkedHashMap<>();
    sinks.forEach(t -> what.put(t, null));
    for (KafkaCluster cluster : clustersOf(sinks)) {
      withAdmin(
          cluster,
          admin -> {
            for (ConnectorTable t : cluster.tables()) {
              what.put(t, kafkaWritten(cluster, admin, t));
            }
          });
    }
    List<Written> out = new ArrayList<>();
    for (Map.Entry<ConnectorTable, String> e : what.entrySet()) {
      ConnectorTable t = e.getKey();
      String text = e.getValue();
      if (text == null) {
        text =
            t.isFiles()
                ? filesWritten(t)
                : "could not count the records written to "
                    + topicsText(t)
                    + " (Kafka did not answer)";
      }
      out.add(new Written(t.nodeId(), text));
    }
    return out;
  }

  private String kafkaWritten(KafkaCluster cluster, Admin admin, ConnectorTable t) {
    long total = 0;
    boolean exact = true;
    for (String topic : t.topics()) {
      Map<TopicPartition, Long> from = startOffsets.getOrDefault(key(cluster, topic), Map.of());
      if (t.exactlyOnce()) {
        Map<TopicPartition, Long> to = endOffsets(admin, topic, true);
        Optional<Long> read = committedRecords(cluster, from, to);
        if (read.isEmpty()) {
          exact = false;
          total += growth(from, to);
        } else {
          total += read.get();
        }
      } else {
        total += growth(from, endOffsets(admin, topic, false));
      }
    }
    String records =
        String.format(Locale.ROOT, "%,d", total) + (total == 1 ? " record" : " records");
    return "wrote " + (exact ? "" : "at most ") + records + " to " + topicsText(t);
  }

  private static String topicsText(ConnectorTable t) {
    List<String> quoted = t.topics().stream().map(x -> "'" + x + "'").toList();
    return (quoted.size() == 1 ? "topic " : "topics ") + String.join(", ", quoted);
  }

  private static long growth(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    long sum = 0;
    for (Map.Entry<TopicPartition, Long> e : to.entrySet()) {
      sum += Math.max(0, e.getValue() - from.getOrDefault(e.getKey(), 0L));
    }
    return sum;
  }

  /**
   * The committed records between two offset maps, read with a {@code read_committed} consumer;
   * empty when they could not all be read in time.
   */
  private static Optional<Long> committedRecords(
      KafkaCluster cluster, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    List<TopicPartition> partitions = new ArrayList<>();
    to.forEach(
        (tp, end) -> {
          if (end > from.getOrDefault(tp, 0L)) {
            partitions.add(tp);
          }
        });
    if (partitions.isEmpty()) {
      return Optional.of(0L);
    }
    Properties p = new Properties();
    p.putAll(consumerSettings(cluster));
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamwright-sink-tally");
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    long deadline = System.nanoTime() + READ_BACK.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(partitions);
      for (TopicPartition tp : partitions) {
        consumer.seek(tp, from.getOrDefault(tp, 0L));
      }
      long count = 0;
      while (System.nanoTime() < deadline) {
        for (var r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
            count++;
          }
        }
        boolean done = true;
        for (TopicPartition tp : partitions) {
          if (consumer.position(tp, TIMEOUT) < to.get(tp)) {
            done = false;
            break;
          }
        }
        if (done) {
          return Optional.of(count);
        }
      }
      return Optional.empty();
    } catch (KafkaException e) {
      LOG.info("Cannot read the committed records back from {}", cluster.bootstrap(), e);
      return Optional.empty();
    }
  }

  private static Map<String, String> consumerSettings(KafkaCluster cluster) {
    Map<String, String> out = new java.util.TreeMap<>();
    Set<String> names = ConsumerConfig.configNames();
    cluster
        .tables()
        .get(0)
        .clientProperties()
        .forEach(
            (k, v) -> {
              if (names.contains(k) && !k.equals(ConsumerConfig.GROUP_ID_CONFIG)) {
                out.put(k, v);
              }
            });
    return out;
  }

  /**
   * The end offset of each partition of a topic; with {@code committed}, the last stable offset (up
   * to which every transaction is decided). Empty when the topic does not exist or Kafka does not
   * answer.
   */
  private static Map<TopicPartition, Long> endOffsets(
      Admin admin, String topic, boolean committed) {
    try {
      TopicDescription d =
          admin
              .describeTopics(
                  List.of(topic), new DescribeTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
              .allTopicNames()
              .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS)
              .get(topic);
      Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
      d.partitions()
          .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> offsets =
          admin
              .listOffsets(
                  request,
                  new ListOffsetsOptions(
                          committed
                              ? IsolationLevel.READ_COMMITTED
                              : IsolationLevel.READ_UNCOMMITTED)
                      .timeoutMs((int) TIMEOUT.toMillis()))
              .all()
              .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      Map<TopicPartition, Long> out = new HashMap<>();
      offsets.forEach((tp, info) -> out.put(tp, info.offset()));
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        LOG.debug("Cannot read the end offsets of topic {}", topic, e);
      }
      return Map.of();
    } catch (TimeoutException | KafkaException e) {
      LOG.debug("Cannot read the end offsets of topic {}", topic, e);
      return Map.of();
    }
  }

  private interface AdminWork {
    void run(Admin admin);
  }

  private void withAdmin(KafkaCluster cluster, AdminWork work) {
    Admin admin;
    try {
      admin = cluster.admin("streamwright-sink-tally", TIMEOUT);
    } catch (KafkaException e) {
      LOG.debug("No admin client for {}", cluster.bootstrap(), e);
      return;
    }
    try {
      work.run(admin);
    } finally {
      admin.close(Duration.ofSeconds(2));
    }
  }

  private static List<KafkaCluster> clustersOf(List<ConnectorTable> sinks) {
    return KafkaCluster.of(ConnectorTables.of(sinks));
  }

  private static String key(KafkaCluster cluster, String topic) {
    return cluster.bootstrap() + "|" + cluster.clientProperties() + "|" + topic;
  }

  private String filesWritten(ConnectorTable t) {
    Optional<Path> dir = folder(t);
    if (dir.isEmpty()) {
      return "wrote to " + t.path() + " (not counted: only local folders are)";
    }
    Set<Path> before = startFiles.getOrDefault(t.nodeId(), Set.of());
    List<Path> fresh = new ArrayList<>();
    for (Path f : partFiles(dir.get(), false)) {
      if (!before.contains(f)) {
        fresh.add(f);
      }
    }
    long bytes = 0;
    for (Path f : fresh) {
      bytes += size(f);
    }
    String files = fresh.size() + (fresh.size() == 1 ? " file" : " files");
    String pending =
        partFiles(dir.get(), true).isEmpty()
            ? ""
            : "; part files still in progress when the job stopped are not committed";
    boolean lines = t.format().equals("json") || t.format().equals("csv");
    if (!lines || bytes > MAX_LINE_COUNT_BYTES) {
      return "wrote "
          + files
          + String.format(Locale.ROOT, " (%,d bytes)", bytes)
          + " under "
          + dir.get()
          + pending;
    }
    long rows = 0;
    for (Path f : fresh) {
      rows += lines(f);
    }
    return String.format(
            Locale.ROOT,
            "wrote %,d %s in %s under %s",
            rows,
            rows == 1 ? "row" : "rows",
            files,
            dir.get())
        + pending;
  }

  /** The local folder of a file sink, or empty when its path names another file system. */
  private static Optional<Path> folder(ConnectorTable t) {
    String path = t.path();
    if (path.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (path.startsWith("file:")) {
        return Optional.of(Path.of(URI.create(path)).toAbsolutePath());
      }
      if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
        return Optional.empty();
      }
      return Optional.of(Path.of(path).toAbsolutePath());
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The committed part files under a folder (Flink names them {@code part-...}; partitions are
   * subfolders), or with {@code inProgress} the hidden ones it still writes.
   */
  private static Set<Path> partFiles(Path dir, boolean inProgress) {
    Set<Path> out = new HashSet<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .filter(
              f -> {
                String name = f.getFileName().toString();
                boolean hidden = name.startsWith(".") || name.startsWith("_");
                return inProgress ? hidden && name.contains("inprogress") : !hidden;
              })
          .forEach(out::add);
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.debug("Cannot list the files under {}", dir, e);
    }
    return out;
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long lines(Path f) {
    long lines = 0;
    boolean pending = false;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(f)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
            pending = false;
          } else {
            pending = true;
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("Cannot count the lines of {}", f, e);
    }
    return pending ? lines + 1 : lines;
  }
}
