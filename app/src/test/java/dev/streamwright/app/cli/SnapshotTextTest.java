package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import dev.streamwright.monitor.figures.SinkLatency;
import dev.streamwright.monitor.lag.GroupLag;
import dev.streamwright.monitor.lag.LagStatus;
import dev.streamwright.monitor.lag.PartitionLag;
import dev.streamwright.monitor.latency.LatencySummary;
import dev.streamwright.runtime.api.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What {@code streamwright monitor} prints of a snapshot, as a screen, a line and JSON. */
class SnapshotTextTest {

  static final Instant AT = Instant.parse("2026-12-07T12:03:10Z");

  static MonitorSnapshot snapshot(Link flink, Link kafka) {
    NodeFigures source =
        new NodeFigures(
            "tx",
            List.of("v1"),
            true,
            1200.5,
            1200.5,
            0.25,
            0.6,
            0.15,
            OptionalLong.of(42),
            Optional.of(Duration.ofMillis(300)),
            Optional.of(Duration.ofMillis(350)),
            Optional.of(Duration.ofSeconds(31)));
    PartitionLag p0 =
        new PartitionLag(
            "transactions",
            0,
            1_500,
            OptionalLong.of(1_000),
            Optional.of(Duration.ofMillis(2_500)),
            Optional.of(Duration.ofMillis(2_700)),
            Optional.of(PartitionLag.NEVER),
            LagStatus.WARN);
    PartitionLag p1 =
        new PartitionLag(
            "transactions",
            1,
            700,
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            LagStatus.OK);
    JobFigures job =
        new JobFigures(
            "abc",
            "RUNNING",
            AT.minusSeconds(750),
            Duration.ofSeconds(750),
            2,
            List.of("java.io.IOException: broker gone"),
            new CheckpointFigures(
                24, 1, 0, Optional.of(Duration.ofMillis(120)), 3 << 20, Optional.of(AT)),
            Optional.of(Duration.ofSeconds(31)));
    return new MonitorSnapshot(
        AT,
        "fraud-1",
        flink,
        kafka,
        Optional.of(job),
        Map.of("tx", source),
        List.of(new GroupLag("streamwright-tx", "tx", List.of(p0, p1))),
        Map.of(
            "out",
            new SinkLatency(
                "out",
                "ts",
                new LatencySummary(900, 200, 800, 1_400, 2_000, 2_100),
                Duration.ofSeconds(1))),
        Map.of("score", new NodeHealth("score", 900, 3, 0, 1, "INPUT column 'amount' is NaN", AT)));
  }

  static final Link UP = new Link(Link.State.CONNECTED, AT, "");

  @Test
  void theScreenShowsEveryPanelsFiguresInWords() {
    String screen =
        new SnapshotText(ZoneOffset.UTC, Map.of("tx", "Transactions")).screen(snapshot(UP, UP));

    assertThat(screen)
        .contains("deployment fraud-1  at 12:03:10")
        .contains("Flink: connected   Kafka: connected")
        .contains("RUNNING  up 12m30s  restarts 2  checkpoints 24 (1 failed, last 120 ms, 3.0 MiB)")
        .contains("last failure: java.io.IOException: broker gone")
        .contains("Transactions (tx)")
        .contains("1,200.5")
        .contains("HIGH")
        .contains("shared")
        .contains("LAG group streamwright-tx (node Transactions (tx)): WARN, total 500")
        .contains("one checkpoint behind")
        .contains("no commit")
        .contains("never")
        .contains("2.5 s")
        .contains("1.40 s")
        .contains("1.00 s BREACHED")
        .contains("INPUT column 'amount' is NaN");
  }

  @Test
  void aDisconnectedSystemSaysSinceWhenAndALineFitsAPipe() {
    Link down = new Link(Link.State.DISCONNECTED, AT.minusSeconds(10), "connection refused");
    MonitorSnapshot s = snapshot(UP, down);
    SnapshotText text = new SnapshotText(ZoneOffset.UTC, Map.of());

    assertThat(text.screen(s)).contains("Kafka: disconnected since 12:03:00: connection refused");
    String line = text.line(s);
    assertThat(line)
        .doesNotContain("\n")
        .startsWith("12:03:10 RUNNING")
        .contains("kafka disconnected since 12:03:00")
        .contains("lag[streamwright-tx]=500/WARN")
        .contains("p99[out]=1.40 s");
  }

  @Test
  void jsonCarriesTheSameFiguresWithUnknownsAsNull() throws Exception {
    JsonNode j = new ObjectMapper().readTree(SnapshotJson.of(snapshot(UP, UP)));

    assertThat(j.path("deployment").asText()).isEqualTo("fraud-1");
    assertThat(j.path("job").path("restarts").asLong()).isEqualTo(2);
    assertThat(j.path("job").path("checkpoints").path("lastSizeBytes").asLong()).isEqualTo(3 << 20);
    assertThat(j.path("nodes").path("tx").path("backpressure").asText()).isEqualTo("HIGH");
    JsonNode parts = j.path("lag").get(0).path("partitions");
    assertThat(parts.get(0).path("offsetLag").asLong()).isEqualTo(500);
    assertThat(parts.get(0).path("timeToCloseMs").asText()).isEqualTo("never");
    assertThat(parts.get(1).path("committed").isNull()).isTrue();
    assertThat(parts.get(1).path("timeLagMs").isNull()).isTrue();
    assertThat(j.path("latency").path("out").path("p99Ms").asLong()).isEqualTo(1_400);
    assertThat(j.path("latency").path("out").path("breached").asBoolean()).isTrue();
    assertThat(j.path("modelHealth").path("score").path("invalid").asLong()).isEqualTo(3);
  }
}
