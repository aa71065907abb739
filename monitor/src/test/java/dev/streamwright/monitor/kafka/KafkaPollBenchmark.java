package dev.streamwright.monitor.kafka;

import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * CPU time of one offsets poll cycle ({@link KafkaOffsetsCollector#poll}) for 1,000 partitions and
 * 20 consumer groups against the embedded broker (target: under 200 ms). The broker runs in this
 * JVM, so the figure is the CPU of the monitor's own threads: the polling thread and its admin
 * client's network thread (the timestamp consumer, of no group, works on the polling thread); the
 * whole process's CPU, broker included, is printed beside it.
 *
 * <p>Every group lags on every partition, at one of 20 offsets: {@code steady} polls find every
 * record timestamp in the cache (commits that did not move); {@code cold} polls are each a fresh
 * collector's first, fetching {@link KafkaOffsetsCollector#MAX_FETCHES_PER_POLL} timestamps (the
 * most a poll fetches, as after every commit moved). Arguments: {@code [topics] [partitions per
 * topic] [groups] [rounds]}, default {@code 10 100 20 20}.
 */
public final class KafkaPollBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private KafkaPollBenchmark() {}

  public static void main(String[] args) throws Exception {
    int topics = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int perTopic = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int groups = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int records = 20;
    KafkaBroker broker = KafkaBroker.start(KafkaBrokerExtension.newDataDir("poll-bench"));
    try {
      Map<String, Integer> names = new LinkedHashMap<>();
      for (int t = 0; t < topics; t++) {
        names.put(String.format(Locale.ROOT, "bench-%02d", t), perTopic);
      }
      broker.createTopics(names);
      List<TopicPartition> partitions = new ArrayList<>();
      names.forEach(
          (n, c) -> {
            for (int p = 0; p < c; p++) {
              partitions.add(new TopicPartition(n, p));
            }
          });
      fill(broker, partitions, records);
      List<LagTarget> targets = new ArrayList<>();
      try (Admin admin = broker.admin()) {
        for (int g = 0; g < groups; g++) {
          Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
          for (TopicPartition tp : partitions) {
            commits.put(tp, new OffsetAndMetadata(g % records));
          }
          String group = "bench-group-" + g;
          admin.alterConsumerGroupOffsets(group, commits).all().get(60, TimeUnit.SECONDS);
          targets.add(new LagTarget("source_" + g, group, List.copyOf(names.keySet())));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d partitions x %d groups (%d commits), %d records per partition%n",
          partitions.size(),
          groups,
          partitions.size() * groups,
          records);

      try (KafkaOffsetsCollector collector =
          new KafkaOffsetsCollector(broker.bootstrapServers(), Map.of(), Duration.ofSeconds(30))) {
        // Warm-up: the JIT, and the cache filled with every commit's timestamp.
        int needed = partitions.size() * Math.min(groups, records);
        for (int i = 0; i < needed / KafkaOffsetsCollector.MAX_FETCHES_PER_POLL + 10; i++) {
          collector.poll(targets);
        }
        report("steady (timestamps cached)", measure(rounds, () -> collector.poll(targets)));
      }
      report(
          "cold (" + KafkaOffsetsCollector.MAX_FETCHES_PER_POLL + " timestamp fetches)",
          measure(
              Math.max(3, rounds / 4),
              () -> {
                try (KafkaOffsetsCollector fresh =
                    new KafkaOffsetsCollector(
                        broker.bootstrapServers(), Map.of(), Duration.ofSeconds(30))) {
                  fresh.poll(targets);
                }
              }));
    } finally {
      close(broker);
    }
  }

  /** Closes the broker; deleting a thousand partitions' folders may race its own log cleaner. */
  private static void close(KafkaBroker broker) {
    java.nio.file.Path dir = broker.dataDir();
    try {
      broker.close();
    } catch (RuntimeException e) {
      System.out.println("Broker shutdown: " + e.getMessage() + "; deleting its folder again");
    }
    // The broker's own threads may still be renaming folders: retry until the folder is gone.
    for (int attempt = 0; java.nio.file.Files.exists(dir) && attempt < 40; attempt++) {
      try (var walk = java.nio.file.Files.walk(dir)) {
        for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.deleteIfExists(p);
        }
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private interface Cycle {
    void run() throws Exception;
  }

  /** Per round: monitor threads' CPU ms, process CPU ms, wall ms. */
  private static double[][] measure(int rounds, Cycle cycle) throws Exception {
    double[][] out = new double[3][rounds];
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < rounds; r++) {
      Map<Long, Long> before = monitorThreadsCpu();
      long process = os.getProcessCpuTime();
      long wall = System.nanoTime();
      cycle.run();
      long wallNs = System.nanoTime() - wall;
      long processNs = os.getProcessCpuTime() - process;
      Map<Long, Long> after = monitorThreadsCpu();
      long own = 0;
      for (Map.Entry<Long, Long> e : after.entrySet()) {
        own += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
      out[0][r] = own / 1e6;
      out[1][r] = processNs / 1e6;
      out[2][r] = wallNs / 1e6;
    }
    return out;
  }

  /** CPU ns of this thread and of the monitor's Kafka client threads, by thread id. */
  private static Map<Long, Long> monitorThreadsCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    long self = Thread.currentThread().getId();
    cpu.put(self, THREADS.getThreadCpuTime(self));
    for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t != null && t.getThreadName().contains("streamwright-monitor-")) {
        long ns = THREADS.getThreadCpuTime(t.getThreadId());
        if (ns >= 0) {
          cpu.put(t.getThreadId(), ns);
        }
      }
    }
    return cpu;
  }

  private static void report(String what, double[][] m) {
    System.out.printf(
        Locale.ROOT,
        "%-32s monitor CPU median %6.1f ms, max %6.1f ms | process CPU median %6.1f ms"
            + " | wall median %6.1f ms (%d rounds)%n",
        what,
        median(m[0]),
        Arrays.stream(m[0]).max().orElse(0),
        median(m[1]),
        median(m[2]),
        m[0].length);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** {@code records} small records in every partition, stamped one second apart. */
  private static void fill(KafkaBroker broker, List<TopicPartition> partitions, int records) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    long t0 = System.currentTimeMillis() - records * 1000L;
    byte[] value = "{\"amount\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(p)) {
      for (int i = 0; i < records; i++) {
        for (TopicPartition tp : partitions) {
          out.send(new ProducerRecord<>(tp.topic(), tp.partition(), t0 + i * 1000L, null, value));
        }
      }
      out.flush();
    }
  }
}
