package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code streamwright run --bounded} on a topic of known clicks: the job reads the topic to its end
 * and finishes by itself, exit code 0, and prints exactly the per-minute counts, including the last
 * minute's, which only the end of the input closes.
 */
class RunBoundedIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final String TOPIC = "clicks";

  /** The clicks as (user, event time); the last minute ends no later than 10:02:59. */
  private static final List<String[]> CLICKS =
      List.of(
          new String[] {"u1", "2026-11-23 10:00:05"},
          new String[] {"u1", "2026-11-23 10:00:30"},
          new String[] {"u2", "2026-11-23 10:00:50"},
          new String[] {"u1", "2026-11-23 10:01:10"},
          new String[] {"u2", "2026-11-23 10:01:59.999"},
          new String[] {"u2", "2026-11-23 10:02:00"},
          new String[] {"u1", "2026-11-23 10:02:30"},
          new String[] {"u1", "2026-11-23 10:02:45"},
          new String[] {"u2", "2026-11-23 10:02:59"});

  @Test
  void aBoundedRunReadsTheTopicToItsEndClosesTheLastWindowsAndFinishes() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    broker.createTopics(Map.of(TOPIC, 1));
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (String[] click : CLICKS) {
        String value = "{\"user_id\":\"" + click[0] + "\",\"event_time\":\"" + click[1] + "\"}";
        producer.send(new ProducerRecord<>(TOPIC, value)).get();
      }
    }
    Path dir = Files.createDirectories(Path.of("target", "run-bounded-it"));
    Path file = dir.resolve("clicks-per-minute.json");
    new PipelineCodec().write(pipeline(broker.bootstrapServers()), file);

    // The duration only guards the test: a bounded run must finish long before.
    Result r =
        CliHarness.run(
            "run", file.toString(), "--bounded", "--output", "jsonl", "--duration", "3m");

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : r.out().lines().toList()) {
      JsonNode row = json.readTree(line);
      rows.add(
          row.get("user_id").asText()
              + " "
              + row.get("window_start").asText()
              + " "
              + row.get("clicks").asLong());
    }
    assertThat(rows)
        .containsExactlyInAnyOrder(
            "u1 2026-11-23T10:00:00.000 2",
            "u2 2026-11-23T10:00:00.000 1",
            "u1 2026-11-23T10:01:00.000 1",
            "u2 2026-11-23T10:01:00.000 1",
            // The last minute: no later click moves the watermark past it; the end of input does.
            "u1 2026-11-23T10:02:00.000 2",
            "u2 2026-11-23T10:02:00.000 2");
    assertThat(r.err())
        .contains("it finishes at the end of the input")
        .contains("The job finished; 6 rows from 1 preview sink.")
        .doesNotContain("Stopped after");
  }

  private static Pipeline pipeline(String bootstrapServers) {
    Node source =
        Node.of(
            "clicks",
            "kafka-source",
            Map.of(
                "topic",
                TOPIC,
                "bootstrapServers",
                bootstrapServers,
                "columns",
                List.of(
                    Map.of("name", "user_id", "type", "STRING"),
                    Map.of("name", "event_time", "type", "TIMESTAMP(3)")),
                "eventTime",
                "event_time",
                "watermarkDelay",
                "5s"));
    Node perMinute =
        Node.of(
            "per_minute",
            "window-aggregate",
            Map.of(
                "window",
                "tumble",
                "time",
                "event",
                "size",
                "1min",
                "keys",
                List.of("user_id"),
                "aggregates",
                List.of(Map.of("as", "clicks", "function", "COUNT"))));
    Node preview = Node.of("preview", "preview-sink", Map.of());
    return new Pipeline(
        "clicks-per-minute",
        "Clicks per user and minute",
        "",
        1,
        List.of(),
        List.of(source, perMinute, preview),
        List.of(Edge.of("clicks", "per_minute"), Edge.of("per_minute", "preview")));
  }
}
