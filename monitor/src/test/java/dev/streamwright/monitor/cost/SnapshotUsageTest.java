package dev.streamwright.monitor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.figures.NodeFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotUsageTest {

  private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

  private static NodeFigures node(String id, List<String> vertices, double in, double busy) {
    return new NodeFigures(
        id,
        vertices,
        vertices.size() > 1 || id.equals("score"),
        in,
        in,
        busy,
        0,
        0,
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static MonitorSnapshot snapshot(Link.State flink) {
    JobFigures job =
        new JobFigures(
            "j1",
            "RUNNING",
            NOON.minusSeconds(60),
            Duration.ofSeconds(60),
            0,
            List.of(),
            new CheckpointFigures(3, 0, 0, Optional.empty(), 5_000_000, Optional.empty()),
            Optional.empty());
    return new MonitorSnapshot(
        NOON,
        "d1",
        new Link(flink, NOON, ""),
        Link.none(NOON),
        Optional.of(job),
        Map.of(
            "src", node("src", List.of("v1"), 1000, 0.4),
            "score", node("score", List.of("v2"), 900, 0.6),
            "join", node("join", List.of("v2", "v3"), 800, 0.8)),
        List.of(),
        Map.of(),
        Map.of());
  }

  @Test
  void busyRatiosBecomeCoresPerVertex() {
    UsageSample s =
        SnapshotUsage.of(
                snapshot(Link.State.CONNECTED), 2, Set.of("src"), Map.of("src", 3e5), Map.of())
            .orElseThrow();

    // v1 only in src: 0.4; v2 in score (0.6) and join (max of v2, v3 = 0.8): min = 0.6;
    // v3 only in join: 0.8. Times parallelism 2: 0.8, 1.2, 1.6 cores
    assertThat(s.vertexBusyCores())
        .hasSize(3)
        .hasEntrySatisfying("v1", c -> assertThat(c).isCloseTo(0.8, within(1e-12)))
        .hasEntrySatisfying("v2", c -> assertThat(c).isCloseTo(1.2, within(1e-12)))
        .hasEntrySatisfying("v3", c -> assertThat(c).isCloseTo(1.6, within(1e-12)));
    assertThat(s.usedCores()).isCloseTo(3.6, within(1e-12));
    // v2 is split between score and join: score 1.2 / 2 = 0.6, join 0.6 + 1.6 = 2.2
    assertThat(s.nodeBusyCores("score")).isCloseTo(0.6, within(1e-12));
    assertThat(s.nodeBusyCores("join")).isCloseTo(2.2, within(1e-12));
    assertThat(s.recordsReadPerSecond()).isEqualTo(1000.0); // the source's records in only
    assertThat(s.checkpointBytes()).isEqualTo(5_000_000L);
    assertThat(s.kafkaBytesReadPerSecond()).containsExactly(entry("src", 3e5));
    assertThat(s.memoryUsedGib()).isEmpty();
    assertThat(s.at()).isEqualTo(NOON);
  }

  @Test
  void staleFlinkFiguresGiveNoSample() {
    assertThat(
            SnapshotUsage.of(
                snapshot(Link.State.DISCONNECTED), 2, Set.of("src"), Map.of(), Map.of()))
        .isEmpty();
  }
}
