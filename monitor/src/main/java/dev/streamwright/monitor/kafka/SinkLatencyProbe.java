package dev.streamwright.monitor.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamwright.monitor.figures.Unreachable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;

/**
 * Measures end-to-end latency where the rows are written: reads the sink topics (a consumer of no
 * group, {@code assign}), and for each JSON row computes its record's timestamp (the broker's
 * LogAppendTime or the producer's CreateTime) minus the event time in its event-time column ({@link
 * EventTimes} reads the forms Flink writes). Works the same against a remote cluster's brokers.
 *
 * <p>The first {@link #drain} starts at the topics' current ends, so it measures nothing; every
 * later one measures the rows written since the previous. Partitions added to a topic later are
 * read from their beginning once seen. When several sink nodes write one topic, each row counts for
 * every one of them whose column it carries. Not thread-safe: drain from one thread.
 */
public final class SinkLatencyProbe implements AutoCloseable {

  private static final JsonFactory JSON = new JsonFactory();

  private static final Duration POLL = Duration.ofMillis(100);

  private final String bootstrapServers;
  private final Map<String, List<LatencyTarget>> byTopic = new LinkedHashMap<>();
  private final KafkaConsumer<ByteBuffer, ByteBuffer> consumer;
  private final Duration timeout;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private boolean started;

  /**
   * A probe; nothing is contacted before the first drain.
   *
   * @param bootstrapServers the brokers the sinks write to
   * @param clientProperties the pipeline's Kafka client settings (security), without prefix
   * @param targets the sinks to measure
   */
  public SinkLatencyProbe(
      String bootstrapServers, Map<String, String> clientProperties, List<LatencyTarget> targets) {
    this.bootstrapServers = bootstrapServers;
    this.timeout = Duration.ofSeconds(10);
    targets.forEach(t -> byTopic.computeIfAbsent(t.topic(), k -> new ArrayList<>()).add(t));
    Properties p = KafkaClients.properties(bootstrapServers, clientProperties, "latency");
    // Keys and values as views of the fetched bytes: nothing is copied per record.
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteBufferDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Asking for a topic that does not exist must not create it.
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
    this.consumer = new KafkaConsumer<>(p);
  }

  /**
   * Reads what the sinks wrote since the last call, for at most {@code maxTime}, and records each
   * row's latency.
   *
   * @return the rows measured
   * @throws Unreachable when the brokers cannot tell the topics' partitions
   */
  public int drain(LatencySink sink, Duration maxTime) throws Unreachable {
    long deadline = System.nanoTime() + maxTime.toNanos();
    try {
      assignNewPartitions();
      int measured = 0;
      while (System.nanoTime() < deadline) {
        ConsumerRecords<ByteBuffer, ByteBuffer> records = consumer.poll(POLL);
        if (records.isEmpty()) {
          break;
        }
        for (ConsumerRecord<ByteBuffer, ByteBuffer> r : records) {
          measured += measure(r, sink);
        }
      }
      return measured;
    } catch (KafkaException e) {
      throw KafkaClients.unreachable(bootstrapServers, timeout, e);
    }
  }

  private void assignNewPartitions() {
    List<TopicPartition> added = new ArrayList<>();
    for (String topic : byTopic.keySet()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      if (infos == null) {
        continue;
      }
      for (PartitionInfo i : infos) {
        TopicPartition tp = new TopicPartition(topic, i.partition());
        if (assigned.add(tp)) {
          added.add(tp);
        }
      }
    }
    if (added.isEmpty()) {
      return;
    }
    consumer.assign(new ArrayList<>(assigned));
    if (started) {
      consumer.seekToBeginning(added);
    } else {
      consumer.seekToEnd(added);
    }
    // Fix the positions now, so rows written from here on are read.
    added.forEach(consumer::position);
    started = true;
  }

  private int measure(ConsumerRecord<ByteBuffer, ByteBuffer> r, LatencySink sink) {
    List<LatencyTarget> targets = byTopic.get(r.topic());
    if (targets == null || r.value() == null) {
      return 0;
    }
    OptionalLong[] eventTimes;
    try {
      eventTimes = eventTimes(r.value(), targets);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    if (eventTimes == null) {
      return 0;
    }
    int measured = 0;
    for (int i = 0; i < eventTimes.length; i++) {
      if (eventTimes[i] != null && eventTimes[i].isPresent()) {
        long eventTime = eventTimes[i].getAsLong();
        sink.record(targets.get(i).nodeId(), r.timestamp() - eventTime, r.timestamp());
        measured = 1;
      }
    }
    return measured;
  }

  /**
   * Per target, the event time in its column of the JSON object {@code value}, null or empty where
   * the column is missing or holds no time; null when the value is not a JSON object. Reads the row
   * with a streaming parser, as a tree would read it (the whole object is parsed, so a row that is
   * not valid JSON counts for nothing; a column given twice counts with its last value), without
   * building the tree: only the event-time columns' values are decoded.
   */
  private static OptionalLong[] eventTimes(ByteBuffer value, List<LatencyTarget> targets)
      throws IOException {
    OptionalLong[] out = new OptionalLong[targets.size()];
    try (JsonParser p = parser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        OptionalLong time = null;
        for (int i = 0; i < out.length; i++) {
          if (targets.get(i).eventTimeColumn().equals(name)) {
            if (time == null) {
              time = EventTimes.parse(p);
            }
            out[i] = time;
          }
        }
        p.skipChildren();
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        return null;
      }
    }
    return out;
  }

  private static JsonParser parser(ByteBuffer value) throws IOException {
    if (value.hasArray()) {
      return JSON.createParser(
          value.array(), value.arrayOffset() + value.position(), value.remaining());
    }
    byte[] copy = new byte[value.remaining()];
    value.duplicate().get(copy);
    return JSON.createParser(copy);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
