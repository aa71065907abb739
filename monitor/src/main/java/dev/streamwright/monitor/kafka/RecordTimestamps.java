package dev.streamwright.monitor.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The timestamps of the records at given offsets, fetched with one reused consumer that belongs to
 * no group ({@code assign} and {@code seek}, a small fetch per partition) and remembered in a
 * bounded cache, since a record's timestamp never changes. The record at an offset is the first one
 * the broker returns from it: on a compacted topic or at a transaction marker, the next record. Not
 * thread-safe.
 */
final class RecordTimestamps implements AutoCloseable {

  /** Offsets whose timestamps are remembered at most (least recently used go first). */
  static final int CACHE = 50_000;

  /** Bytes fetched per partition: one record's worth is all a timestamp needs. */
  private static final int FETCH_BYTES = 1024;

  private static final long MAX_POLL_MS = 500;

  private final Properties properties;
  private final Map<Key, Long> cache =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
          return size() > CACHE;
        }
      };
  private KafkaConsumer<byte[], byte[]> consumer;

  private record Key(TopicPartition tp, long offset) {}

  RecordTimestamps(
      String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {
    Properties p = KafkaClients.properties(bootstrapServers, clientProperties, "timestamps");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Asking for a topic that does not exist must not create it.
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(FETCH_BYTES));
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
    this.properties = p;
  }

  /**
   * The timestamps of the records at the offsets: what the cache knows and what can be fetched
   * before the deadline, at most {@code maxFetches} new offsets.
   */
  Map<TopicPartition, Map<Long, Long>> fetch(
      Map<TopicPartition, ? extends Set<Long>> wanted, int maxFetches, long deadline) {
    Map<TopicPartition, Map<Long, Long>> out = new HashMap<>();
    Map<TopicPartition, List<Long>> todo = new LinkedHashMap<>();
    for (Map.Entry<TopicPartition, ? extends Set<Long>> e : wanted.entrySet()) {
      for (long offset : e.getValue()) {
        Long ts = cache.get(new Key(e.getKey(), offset));
        if (ts != null) {
          out.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(offset, ts);
        } else {
          todo.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(offset);
        }
      }
    }
    // The budget goes round the partitions, so a poll covers as many partitions as it can in as
    // few rounds as it can.
    Map<TopicPartition, List<Long>> chosen = new LinkedHashMap<>();
    int budget = maxFetches;
    for (int level = 0; budget > 0 && !todo.isEmpty(); level++) {
      boolean any = false;
      for (Map.Entry<TopicPartition, List<Long>> e : todo.entrySet()) {
        if (budget > 0 && level < e.getValue().size()) {
          chosen.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().get(level));
          budget--;
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    todo = chosen;
    // One round per offset of the same partition: a consumer reads a partition at one position.
    while (!todo.isEmpty() && System.nanoTime() < deadline) {
      Map<TopicPartition, Long> round = new HashMap<>();
      todo.forEach((tp, offsets) -> round.put(tp, offsets.remove(0)));
      todo.values().removeIf(List::isEmpty);
      fetchRound(round, deadline)
          .forEach(
              (tp, ts) -> out.computeIfAbsent(tp, k -> new HashMap<>()).put(round.get(tp), ts));
    }
    return out;
  }

  private Map<TopicPartition, Long> fetchRound(Map<TopicPartition, Long> round, long deadline) {
    KafkaConsumer<byte[], byte[]> c = consumer();
    Map<TopicPartition, Long> found = new HashMap<>();
    Set<TopicPartition> pending = new HashSet<>(round.keySet());
    c.assign(round.keySet());
    round.forEach(c::seek);
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      long wait = Math.min(MAX_POLL_MS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      ConsumerRecords<byte[], byte[]> records;
      try {
        records = c.poll(Duration.ofMillis(wait));
      } catch (OffsetOutOfRangeException gone) {
        // Deleted by retention: no record at that offset any more.
        pending.removeAll(gone.offsetOutOfRangePartitions().keySet());
        c.pause(gone.offsetOutOfRangePartitions().keySet());
        continue;
      }
      for (TopicPartition tp : records.partitions()) {
        if (!pending.contains(tp)) {
          continue;
        }
        for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
          if (r.offset() >= round.get(tp)) {
            found.put(tp, r.timestamp());
            cache.put(new Key(tp, round.get(tp)), r.timestamp());
            pending.remove(tp);
            c.pause(List.of(tp));
            break;
          }
        }
      }
    }
    c.resume(c.paused());
    return found;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    if (consumer == null) {
      consumer = new KafkaConsumer<>(properties);
    }
    return consumer;
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(2));
      consumer = null;
    }
  }
}
