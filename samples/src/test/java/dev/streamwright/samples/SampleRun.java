package dev.streamwright.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.generate.Event;
import dev.streamwright.runtime.generate.Generator;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.KafkaEventSink;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.BusyCores;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.PartitionReadiness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the sample integration tests share: a generator's run into the broker, the sample's own
 * pipeline file run on the embedded Flink with a bounded read, and a topic read back to its end.
 */
final class SampleRun {

  /** Generous on a shared 2-core machine; a sample job on a few thousand records takes seconds. */
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

  private SampleRun() {}

  /**
   * Creates the topics with time-based retention off. The generators' records carry their event
   * times, from {@link dev.streamwright.runtime.generate.GeneratorConfig#DEFAULT_START}
   * (2026-01-01), as Kafka timestamps; with the default retention of 7 days the broker's first
   * retention check, 30 s after it starts, deletes every one of them, and a job that starts reading
   * later (a cold Flink cluster on a busy machine) finds an empty topic and writes nothing.
   */
  static void createTopics(KafkaBroker broker, Map<String, Integer> partitions) throws Exception {
    try (Admin admin = broker.admin()) {
      List<NewTopic> topics = new ArrayList<>();
      partitions.forEach(
          (name, count) ->
              topics.add(
                  new NewTopic(name, count, (short) 1)
                      .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))));
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
      // The generator writes at once: every partition must take records by then.
      PartitionReadiness.await(admin, partitions.keySet(), KafkaBroker.READY_TIMEOUT);
    }
  }

  /**
   * Sends every event of {@code generator} to its topic, as fast as the broker takes them, with
   * every core kept busy meanwhile: the generator's producer must land every record on a loaded
   * machine as on an idle one (docs/decisions/0014-generator-producer-under-load.md).
   */
  static List<Event> produce(Generator generator, String bootstrap) {
    List<Event> events = new ArrayList<>();
    generator.events().forEachRemaining(events::add);
    try (BusyCores busy = BusyCores.start(Duration.ofMinutes(1));
        KafkaEventSink sink = KafkaEventSink.create(bootstrap, generator.topic())) {
      GeneratorRun run = new GeneratorRun(generator, sink, Double.POSITIVE_INFINITY);
      run.run();
      assertThat(run.state()).isEqualTo(GeneratorRun.State.FINISHED);
      assertThat(run.counters().produced()).isEqualTo(events.size());
      assertThat(sink.acknowledged()).isEqualTo(events.size());
    }
    return events;
  }

  /**
   * The sample's pipeline file, with every kafka-source reading only up to the topic's current end,
   * so that the job finishes by itself and its final watermark closes every window.
   */
  static Pipeline boundedPipeline(String sampleFolder) throws Exception {
    Pipeline pipeline = new PipelineCodec().read(Path.of(sampleFolder, "pipeline.json"));
    for (Node n : pipeline.nodes()) {
      if (n.type().equals("kafka-source")) {
        pipeline = pipeline.withNode(n.withProperty("stopAt", "latest-offset"));
      }
    }
    return pipeline;
  }

  /** Compiles the pipeline for the broker and runs it on the embedded Flink until it finishes. */
  static void runToEnd(EmbeddedRuntime runtime, Pipeline pipeline, String bootstrap)
      throws Exception {
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(
                pipeline,
                Map.of(
                    "kafka.bootstrap.servers",
                    bootstrap,
                    "models.dir",
                    Path.of("models").toAbsolutePath().toString()));
    assertThat(c.problems().stream().filter(Problem::isError).map(Problem::toString)).isEmpty();
    Deployment d =
        runtime.deploy(c.result().orElseThrow(), DeployOptions.defaults().withParallelism(1));
    DeploymentStatus status = runtime.awaitTermination(d, JOB_TIMEOUT);
    if (!status.phase().isTerminal()) {
      runtime.stop(d, false);
    }
    assertThat(status.phase()).as(status.message()).isEqualTo(DeploymentStatus.Phase.FINISHED);
  }

  /**
   * The records of {@code topic} from the beginning, once it holds at least {@code expected} of
   * them and the reader is at the end (or after a minute): a finished job's last records can take a
   * moment to show, and records beyond those expected must be seen for the test to fail on them.
   */
  static List<ConsumerRecord<String, String>> readAll(
      String bootstrap, String topic, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        if (records.size() >= expected
            && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
          break;
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
