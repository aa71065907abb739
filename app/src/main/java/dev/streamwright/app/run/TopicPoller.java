package dev.streamwright.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.ResultRow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the topics a run's Kafka sinks write, so their preview tables fill as the job appends: a
 * consumer positioned at the topics' ends when the run starts (it shows this run's records, not
 * earlier ones), reading committed records only, on a background thread. Rows go to a thread-safe
 * mailbox the studio drains with the preview sinks' rows, a few times a second.
 */
public final class TopicPoller implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicPoller.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * One Kafka sink to follow.
   *
   * @param sinkId the sink node's id (its preview table's id)
   * @param topic the topic it writes
   * @param columns the columns of its rows
   */
  public record Sink(String sinkId, String topic, List<String> columns) {}

  private final KafkaConsumer<String, String> consumer;
  private final Map<String, List<Sink>> sinksByTopic = new LinkedHashMap<>();
  private final RowMailbox batches = new RowMailbox();
  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean stopped;
  private volatile boolean done;

  /**
   * Connects and takes the topics' current ends as the starting point. Blocks briefly (a metadata
   * round trip): call it on a background thread, before the job starts writing.
   */
  TopicPoller(String bootstrapServers, List<Sink> sinks) {
    sinks.forEach(s -> sinksByTopic.computeIfAbsent(s.topic(), t -> new ArrayList<>()).add(s));
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "streamwright-studio-preview");
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : sinksByTopic.keySet()) {
        consumer
            .partitionsFor(topic, Duration.ofSeconds(10))
            .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the ends now, before the job writes
    } catch (RuntimeException e) {
      consumer.close(Duration.ofSeconds(1));
      throw e;
    }
  }

  /** Rows that arrived and were not taken yet. */
  public RowMailbox batches() {
    return batches;
  }

  /** Whether the poller has ended and closed its consumer. */
  public boolean isDone() {
    return done;
  }

  /** Asks the poller to end after its current poll. */
  public void stop() {
    stopped = true;
  }

  /** Whether {@link #run} was called: a poller never run still holds an open consumer. */
  public boolean hasStarted() {
    return started.get();
  }

  /** Follows the topics until stopped, then closes the consumer; runs at most once. */
  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    try {
      while (!stopped) {
        Map<String, List<ResultRow>> bySink = new HashMap<>();
        for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
          for (Sink s : sinksByTopic.getOrDefault(r.topic(), List.of())) {
            ResultRow row = row(s, r.value());
            if (row != null) {
              bySink.computeIfAbsent(s.sinkId(), k -> new ArrayList<>()).add(row);
            }
          }
        }
        bySink.forEach(batches::arrived);
      }
    } catch (RuntimeException e) {
      LOG.warn("Following the Kafka sink topics {} failed", sinksByTopic.keySet(), e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
      done = true;
    }
  }

  /**
   * The record as a row of the sink's columns. Two sinks may write one topic with different columns
   * (e.g. a dead-letter topic): a record is shown by every sink of its topic whose columns it has.
   */
  static ResultRow row(Sink sink, String value) {
    if (value == null) {
      return null;
    }
    JsonNode json;
    try {
      json = JSON.readTree(value);
    } catch (IOException e) {
      return null;
    }
    if (json == null || !json.isObject()) {
      return null;
    }
    for (String c : sink.columns()) {
      if (!json.has(c)) {
        return null;
      }
    }
    List<Object> values = new ArrayList<>(sink.columns().size());
    for (String c : sink.columns()) {
      values.add(plain(json.get(c)));
    }
    return new ResultRow(sink.sinkId(), "+I", sink.columns(), values);
  }

  private static Object plain(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
