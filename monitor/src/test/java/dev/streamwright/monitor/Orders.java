package dev.streamwright.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The monitor tests' pipeline and traffic: orders (Kafka, event time {@code order_time}) filtered
 * to big orders (Kafka), and a producer thread writing orders stamped with the wall clock.
 */
final class Orders {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  private static final NodeTypeRegistry TYPES = NodeTypeRegistry.load();

  private Orders() {}

  /** orders (kafka-source) -> big (filter amount > 10) -> out (kafka-sink). */
  static Pipeline pipeline(String orders, String bigOrders, String group) {
    Node source =
        Node.of(
            "orders",
            "kafka-source",
            Map.of(
                "topic",
                orders,
                "groupId",
                group,
                "columns",
                List.of(
                    Map.of("name", "order_id", "type", "STRING"),
                    Map.of("name", "amount", "type", "DOUBLE"),
                    Map.of("name", "order_time", "type", "TIMESTAMP(3)")),
                "eventTime",
                "order_time",
                "watermarkDelay",
                "1s",
                "startupMode",
                "earliest-offset"));
    Node big = Node.of("big", "filter", Map.of("condition", "amount > 10"));
    Node out = Node.of("out", "kafka-sink", Map.of("topic", bigOrders));
    return new Pipeline(
        "orders-" + group,
        "Big orders",
        "",
        1,
        List.of(),
        List.of(source, big, out),
        List.of(Edge.of("orders", "big"), Edge.of("big", "out")));
  }

  static Compilation compile(Pipeline p, String bootstrap) {
    Compilation c =
        new PipelineCompiler(TYPES).compile(p, Map.of("kafka.bootstrap.servers", bootstrap));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    return c;
  }

  /** Writes orders at about {@code perSecond} until stopped; counts what it wrote. */
  static final class Producer implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;

    Producer(String bootstrap, String topic, int perSecond) {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
      p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
      thread =
          new Thread(
              () -> {
                Random random = new Random(7);
                try (KafkaProducer<String, String> out =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                  long n = 0;
                  long start = System.nanoTime();
                  while (running.get()) {
                    long due = start + n * 1_000_000_000L / perSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    String time =
                        LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).format(TIME);
                    String row =
                        String.format(
                            Locale.ROOT,
                            "{\"order_id\":\"o%d\",\"amount\":%.2f,\"order_time\":\"%s\"}",
                            n,
                            random.nextDouble() * 100,
                            time);
                    try {
                      out.send(new ProducerRecord<>(topic, "o" + n, row));
                      sent.incrementAndGet();
                    } catch (RuntimeException e) {
                      // A broker restarting: the test's producer tries again with the next order.
                    }
                    n++;
                  }
                  out.flush();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                  // The broker closed under a test that closes it: nothing more to write.
                }
              },
              "orders-producer");
      thread.setDaemon(true);
      thread.start();
    }

    long sent() {
      return sent.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(15_000);
    }
  }
}
