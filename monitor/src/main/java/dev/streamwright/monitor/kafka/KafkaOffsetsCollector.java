package dev.streamwright.monitor.kafka;

import dev.streamwright.monitor.figures.Unreachable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Polls the offsets that lag is computed from, for the consumer groups of a deployment's Kafka
 * sources: every partition's log-end offset ({@code listOffsets(latest)}), each group's committed
 * offsets ({@code listConsumerGroupOffsets}, all groups in one request), and for partitions where a
 * group lags, the timestamp of the record at its committed offset (the direct time-lag estimator).
 *
 * <p>A record's timestamp never changes, so timestamps are remembered per partition and offset (a
 * bounded cache): a poll fetches only for commits it has not seen, at most {@link
 * #MAX_FETCHES_PER_POLL}, the rest on later polls. Topics that do not exist are left out. Not
 * thread-safe: poll from one thread.
 */
public final class KafkaOffsetsCollector implements AutoCloseable {

  /**
   * Timestamps fetched per poll at most; a poll with more lagging commits fetches the rest later.
   */
  public static final int MAX_FETCHES_PER_POLL = 500;

  private final String bootstrapServers;
  private final Duration timeout;
  private final Admin admin;
  private final RecordTimestamps timestamps;

  /**
   * A collector; nothing is contacted before the first poll.
   *
   * @param bootstrapServers the brokers
   * @param clientProperties the pipeline's Kafka client settings (security), without prefix
   * @param timeout bound on each poll's requests
   */
  public KafkaOffsetsCollector(
      String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
    Properties p = KafkaClients.properties(bootstrapServers, clientProperties, "admin");
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    this.admin = Admin.create(p);
    this.timestamps = new RecordTimestamps(bootstrapServers, clientProperties, timeout);
  }

  /**
   * Polls the targets' offsets.
   *
   * @throws Unreachable when the brokers do not answer within the timeout or refuse the monitor
   */
  public OffsetsPoll poll(List<LagTarget> targets) throws Unreachable {
    Instant at = Instant.now();
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<String> topics = new LinkedHashSet<>();
    targets.forEach(t -> topics.addAll(t.topics()));
    try {
      List<TopicPartition> partitions = partitions(topics, deadline);
      Map<TopicPartition, Long> ends = endOffsets(partitions, deadline);
      Map<String, Map<TopicPartition, Long>> committed = committed(targets, partitions, deadline);
      Map<String, Map<TopicPartition, Long>> times = new HashMap<>();
      Map<TopicPartition, Set<Long>> wanted = new LinkedHashMap<>();
      committed.forEach(
          (group, offsets) ->
              offsets.forEach(
                  (tp, offset) -> {
                    if (offset < ends.getOrDefault(tp, 0L)) {
                      wanted.computeIfAbsent(tp, k -> new LinkedHashSet<>()).add(offset);
                    }
                  }));
      Map<TopicPartition, Map<Long, Long>> found =
          timestamps.fetch(wanted, MAX_FETCHES_PER_POLL, deadline);
      committed.forEach(
          (group, offsets) -> {
            Map<TopicPartition, Long> t = new HashMap<>();
            offsets.forEach(
                (tp, offset) -> {
                  Long ts = found.getOrDefault(tp, Map.of()).get(offset);
                  if (ts != null && offset < ends.getOrDefault(tp, 0L)) {
                    t.put(tp, ts);
                  }
                });
            times.put(group, t);
          });
      return new OffsetsPoll(at, ends, committed, times);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw KafkaClients.unreachable(bootstrapServers, timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("Interrupted while asking Kafka at " + bootstrapServers, e);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw KafkaClients.unreachable(bootstrapServers, timeout, e);
    }
  }

  private List<TopicPartition> partitions(Set<String> topics, long deadline)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    List<TopicPartition> out = new ArrayList<>();
    if (topics.isEmpty()) {
      return out;
    }
    Map<String, KafkaFuture<TopicDescription>> described =
        admin.describeTopics(topics).topicNameValues();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> e : described.entrySet()) {
      try {
        e.getValue()
            .get(remaining(deadline), TimeUnit.NANOSECONDS)
            .partitions()
            .forEach(p -> out.add(new TopicPartition(e.getKey(), p.partition())));
      } catch (ExecutionException missing) {
        if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw missing;
        }
      }
    }
    return out;
  }

  private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions, long deadline)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    Map<TopicPartition, OffsetSpec> specs = new LinkedHashMap<>();
    partitions.forEach(tp -> specs.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    if (specs.isEmpty()) {
      return ends;
    }
    Map<TopicPartition, ListOffsetsResultInfo> result =
        admin
            .listOffsets(specs, new ListOffsetsOptions())
            .all()
            .get(remaining(deadline), TimeUnit.NANOSECONDS);
    result.forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private Map<String, Map<TopicPartition, Long>> committed(
      List<LagTarget> targets, List<TopicPartition> partitions, long deadline)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    Map<String, Set<TopicPartition>> byGroup = new LinkedHashMap<>();
    for (LagTarget t : targets) {
      Set<TopicPartition> set = byGroup.computeIfAbsent(t.group(), g -> new LinkedHashSet<>());
      partitions.stream().filter(tp -> t.topics().contains(tp.topic())).forEach(set::add);
    }
    Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
    byGroup.forEach(
        (g, tps) ->
            specs.put(g, new ListConsumerGroupOffsetsSpec().topicPartitions(new ArrayList<>(tps))));
    Map<String, Map<TopicPartition, Long>> out = new HashMap<>();
    if (specs.isEmpty()) {
      return out;
    }
    var result = admin.listConsumerGroupOffsets(specs, new ListConsumerGroupOffsetsOptions());
    for (String group : specs.keySet()) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          result
              .partitionsToOffsetAndMetadata(group)
              .get(remaining(deadline), TimeUnit.NANOSECONDS);
      Map<TopicPartition, Long> g = new HashMap<>();
      offsets.forEach(
          (tp, om) -> {
            if (om != null && om.offset() >= 0) {
              g.put(tp, om.offset());
            }
          });
      out.put(group, g);
    }
    return out;
  }

  private static long remaining(long deadline) {
    return Math.max(1, deadline - System.nanoTime());
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
    timestamps.close();
  }
}
