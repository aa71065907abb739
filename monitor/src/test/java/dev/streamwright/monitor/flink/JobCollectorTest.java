package dev.streamwright.monitor.flink;

import static dev.streamwright.monitor.flink.VertexMapTest.JSON;
import static dev.streamwright.monitor.flink.VertexMapTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.NodeFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Reading what Flink 2.2's REST API returned (recorded in {@code flink/}) into figures. */
class JobCollectorTest {

  @Test
  void checkpointsCountsAndTheLatestCompleted() throws Exception {
    CheckpointFigures cp = JobCollector.checkpoints(resource("shop-checkpoints.json"));

    assertThat(cp.completed()).isEqualTo(5);
    assertThat(cp.failed()).isEqualTo(4);
    assertThat(cp.inProgress()).isZero();
    assertThat(cp.lastDuration()).contains(Duration.ofMillis(171));
    assertThat(cp.lastSizeBytes()).isEqualTo(24446);
    assertThat(cp.lastCompletedAt()).contains(Instant.ofEpochMilli(1796666355010L));
    assertThat(JobCollector.checkpoints(JSON.readTree("{\"counts\":{}}")))
        .isEqualTo(CheckpointFigures.NONE);
  }

  @Test
  void rootCausesOneLineEachNewestFirst() throws Exception {
    List<String> causes = JobCollector.rootCauses(resource("failed-exceptions.json"));

    assertThat(causes)
        .containsExactly(
            "/ by zero (ArithmeticException)",
            "/ by zero (ArithmeticException)",
            "/ by zero (ArithmeticException)");
    assertThat(RootCause.of("", "org.example.Boom")).isEqualTo("Boom");
    assertThat(RootCause.of("java.io.IOException\n\tat x", "")).isEqualTo("IOException");
    assertThat(RootCause.of("x".repeat(400), "")).hasSize(RootCause.MAX + 3);
  }

  @Test
  void jobStateStartUptimeAndWatermarkLag() throws Exception {
    Instant now = Instant.ofEpochMilli(1796666354702L);
    JobFigures job =
        JobCollector.jobFigures(
            resource("shop-job.json"),
            2,
            List.of("boom"),
            CheckpointFigures.NONE,
            OptionalLong.of(now.toEpochMilli() - 5_000),
            now);

    assertThat(job.jobId()).isEqualTo("1b3c6a2bab5937b1e30fd64e096db4ad");
    assertThat(job.state()).isEqualTo("RUNNING");
    assertThat(job.startedAt()).isEqualTo(Instant.ofEpochMilli(1796666344269L));
    assertThat(job.uptime()).isEqualTo(Duration.ofMillis(1796666354702L - 1796666344269L));
    assertThat(job.restarts()).isEqualTo(2);
    assertThat(job.watermarkLag()).contains(Duration.ofSeconds(5));
    assertThat(JobCollector.inputs(resource("shop-job.json")))
        .containsEntry(
            "895cf9960aa90ff44a18de4b0bbae3fd", List.of("e3dfc0d7e9ecd8a43f85f0b68ebf3b80"))
        .containsEntry("e3dfc0d7e9ecd8a43f85f0b68ebf3b80", List.of());
  }

  @Test
  void metricsAggregatesAndWatermarks() throws Exception {
    Map<String, double[]> m =
        JobCollector.aggregates(
            JSON.readTree(
                "[{\"id\":\"numRecordsInPerSecond\",\"max\":42.0,\"sum\":84.5},"
                    + "{\"id\":\"busyTimeMsPerSecond\",\"max\":\"NaN\",\"sum\":\"NaN\"}]"));
    assertThat(m.get("numRecordsInPerSecond")[0]).isEqualTo(84.5);
    assertThat(m.get("numRecordsInPerSecond")[1]).isEqualTo(42.0);
    assertThat(m.get("busyTimeMsPerSecond")[0]).isNaN();

    assertThat(
            JobCollector.lowestWatermark(
                JobCollector.aggregates(
                    JSON.readTree(
                        "[{\"id\":\"currentInputWatermark\",\"min\":1796666349000.0,"
                            + "\"max\":1796666350000.0,\"sum\":3593332699000.0}]"))))
        .hasValue(1796666349000L);
    assertThat(
            JobCollector.lowestWatermark(
                JobCollector.aggregates(
                    JSON.readTree(
                        "[{\"id\":\"currentInputWatermark\",\"min\":-9.223372036854776E18,"
                            + "\"max\":1796666350000.0,\"sum\":-9.223370240188426E18}]"))))
        .as("a subtask without a watermark holds the vertex back")
        .isEmpty();
    assertThat(JobCollector.lowestWatermark(Map.of())).as("not reported yet").isEmpty();
    assertThat(
            JobCollector.sourceIds(
                JSON.readTree(
                    "[{\"id\":\"Source__orders[4].pendingRecords\"},{\"id\":\"numRecordsIn\"},"
                        + "{\"id\":\"Calc[5].currentOutputWatermark\"},"
                        + "{\"id\":\"Source__orders[4].currentOutputWatermark\"},"
                        + "{\"id\":\"Source__orders[4].currentEmitEventTimeLag\"}]")))
        .containsExactly(
            "Source__orders[4].pendingRecords",
            "Source__orders[4].currentOutputWatermark",
            "Source__orders[4].currentEmitEventTimeLag");
  }

  @Test
  void aNodesFiguresComeFromWhereItsWorkEntersAndLeaves() {
    Instant now = Instant.ofEpochMilli(1_000_000);
    Map<String, VertexFigures> vertices = new LinkedHashMap<>();
    vertices.put(
        "src",
        vertex("src", List.of(), 100, 90, 200, 0, 50, OptionalLong.of(7), OptionalLong.empty()));
    vertices.put(
        "agg",
        vertex(
            "agg",
            List.of("src"),
            90,
            3,
            600,
            300,
            100,
            OptionalLong.empty(),
            OptionalLong.of(990_000)));
    vertices.put(
        "other",
        vertex(
            "other",
            List.of(),
            1000,
            1000,
            900,
            900,
            0,
            OptionalLong.empty(),
            OptionalLong.empty()));

    NodeFigures f = JobCollector.nodeFigures("window", List.of("src", "agg"), true, vertices, now);

    assertThat(f.recordsInPerSecond()).isEqualTo(100);
    assertThat(f.recordsOutPerSecond()).isEqualTo(3);
    assertThat(f.busyRatio()).isEqualTo(0.6);
    assertThat(f.backPressuredRatio()).isEqualTo(0.3);
    assertThat(f.idleRatio()).isEqualTo(0.1);
    assertThat(f.pendingRecords()).hasValue(7);
    assertThat(f.watermarkLag()).contains(Duration.ofSeconds(10));
    assertThat(f.fetchLag()).isEmpty();
    assertThat(f.shared()).isTrue();
    assertThat(f.vertexIds()).containsExactly("src", "agg");
    assertThat(JobCollector.nodeFigures("gone", List.of("nope"), false, vertices, now)).isNull();
  }

  private static VertexFigures vertex(
      String id,
      List<String> inputs,
      double in,
      double out,
      double busy,
      double back,
      double idle,
      OptionalLong pending,
      OptionalLong watermark) {
    return new VertexFigures(
        id,
        inputs,
        in,
        out,
        0,
        busy,
        back,
        idle,
        pending,
        OptionalLong.empty(),
        OptionalLong.empty(),
        watermark);
  }
}
