package dev.streamwright.runtime.generate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to a Kafka topic: string key and value, record timestamp = event time. The producer
 * made by {@link #create} is idempotent with {@code acks=all} and one request in flight, so records
 * land exactly once and in order (see {@link #producerProperties}).
 *
 * <p>A failed delivery is reported by the next {@link #send}, {@link #flush} or {@link #close}. So
 * is a stall: when records wait and Kafka acknowledges none of them for the stall timeout (30 s by
 * default), the sink gives up with a sentence that says so instead of waiting out the producer's
 * two-minute delivery timeout. It never resends on its own: a new producer would not know which of
 * the waiting records Kafka already wrote, so a resend could duplicate them (see
 * docs/decisions/0014-generator-producer-under-load.md).
 */
public final class KafkaEventSink implements EventSink {

  /**
   * How long records may wait with none acknowledged before the sink gives up; Kafka's own request
   * timeout, so a slow broker that still answers is never mistaken for a stalled one.
   */
  public static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<String, String> producer;
  private final String topic;
  private final String kafka;
  private final Duration stallTimeout;
  private final LongSupplier nanoClock;
  private final Object lock = new Object();

  // Guarded by lock.
  private long waiting;
  private long acknowledged;
  private long lastProgress;
  private String failure;
  private Throwable failureCause;

  /** Wraps an existing producer (e.g. kafka-clients' {@code MockProducer} in tests). */
  public KafkaEventSink(Producer<String, String> producer, String topic) {
    this(producer, topic, "Kafka", STALL_TIMEOUT, System::nanoTime);
  }

  /**
   * Wraps an existing producer.
   *
   * @param kafka how messages name the cluster, e.g. {@code Kafka at 127.0.0.1:9092}
   * @param stallTimeout how long records may wait with none acknowledged
   * @param nanoClock the time source, {@link System#nanoTime} outside tests
   */
  KafkaEventSink(
      Producer<String, String> producer,
      String topic,
      String kafka,
      Duration stallTimeout,
      LongSupplier nanoClock) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    if (stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException("stallTimeout must be positive: " + stallTimeout);
    }
  }

  /** A sink with its own producer to {@code bootstrapServers}. */
  public static KafkaEventSink create(String bootstrapServers, String topic) {
    return create(bootstrapServers, topic, STALL_TIMEOUT);
  }

  /** A sink with its own producer that gives up after {@code stallTimeout} without progress. */
  public static KafkaEventSink create(
      String bootstrapServers, String topic, Duration stallTimeout) {
    Properties p = producerProperties(bootstrapServers);
    // A send that cannot even find the topic's leader blocks no longer than a stall.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(stallTimeout.toMillis()));
    return new KafkaEventSink(
        new KafkaProducer<>(p),
        topic,
        "Kafka at " + bootstrapServers,
        stallTimeout,
        System::nanoTime);
  }

  /**
   * The settings of every producer Streamwright makes for generated or test data: string key and
   * value, {@code acks=all}, idempotence, a 5 ms linger, and one request in flight per connection.
   * With more requests in flight, an idempotent producer can lose its first batch to a partition
   * that is not ready yet and then retry it for two minutes (KAFKA-15591, see {@link
   * dev.streamwright.runtime.sandbox.PartitionReadiness}); with one, a retried batch always goes
   * before the next, so records land in order and exactly once.
   */
  public static Properties producerProperties(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "streamwright-generator");
    return p;
  }

  public String topic() {
    return topic;
  }

  /** Records the broker has acknowledged so far. */
  public long acknowledged() {
    synchronized (lock) {
      return acknowledged;
    }
  }

  /** Records handed to the producer and not yet acknowledged or failed. */
  public long waiting() {
    synchronized (lock) {
      return waiting;
    }
  }

  @Override
  public void send(Event event) {
    synchronized (lock) {
      checkHealth();
      if (waiting == 0) {
        lastProgress = nanoClock.getAsLong();
      }
      waiting++;
    }
    try {
      producer.send(
          new ProducerRecord<>(
              topic, null, event.eventTime().toEpochMilli(), event.key(), event.value()),
          (metadata, exception) -> completed(exception));
    } catch (RuntimeException e) {
      // Refused before it was queued (no metadata for the topic in time, serialization, closed).
      synchronized (lock) {
        waiting--;
        fail(e);
        checkHealth();
      }
    }
  }

  private void completed(Exception exception) {
    synchronized (lock) {
      waiting--;
      if (exception == null) {
        acknowledged++;
        lastProgress = nanoClock.getAsLong();
      } else {
        fail(exception);
      }
      lock.notifyAll();
    }
  }

  /**
   * Waits until every record sent so far is acknowledged.
   *
   * @throws IllegalStateException when a delivery failed, or when Kafka acknowledged nothing for
   *     the stall timeout while records waited
   */
  @Override
  public void flush() {
    synchronized (lock) {
      while (true) {
        checkHealth();
        if (waiting == 0) {
          return;
        }
        long left = stallTimeout.toNanos() - (nanoClock.getAsLong() - lastProgress);
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, Math.max(1, Math.min(left, 100_000_000L)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(
              "Interrupted while waiting for " + kafka + " to take topic " + topic + "'s records",
              e);
        }
      }
    }
  }

  /**
   * Flushes, then closes the producer; a sink that failed or stalled closes at once, dropping what
   * still waits.
   */
  @Override
  public void close() {
    boolean healthy = false;
    try {
      flush();
      healthy = true;
    } finally {
      producer.close(healthy ? CLOSE_TIMEOUT : Duration.ZERO);
    }
  }

  /**
   * Throws the failure recorded so far, or a stall; caller holds the lock. A new exception each
   * time: the same one thrown twice (by a block and by its {@code close}) cannot suppress itself.
   */
  private void checkHealth() {
    if (failure == null
        && waiting > 0
        && nanoClock.getAsLong() - lastProgress >= stallTimeout.toNanos()) {
      failure =
          String.format(
              Locale.ROOT,
              "%s acknowledged none of the %d records waiting for topic %s in %d s: the broker"
                  + " is down, overloaded or refusing them (its errors are in the log)."
                  + " Stopped sending.",
              kafka,
              waiting,
              topic,
              stallTimeout.toSeconds());
    }
    if (failure != null) {
      throw new IllegalStateException(failure, failureCause);
    }
  }

  private void fail(Exception e) {
    if (failure == null) {
      failure = kafka + " did not take the records for topic " + topic + ": " + e.getMessage();
      failureCause = e;
    }
  }
}
