package dev.streamwright.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.compile.SqlStatement.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing the embedded runtime. A class of its own: it needs a runtime no other test shares, and a
 * JVM where no other cluster starts threads while it counts them.
 */
@Timeout(120)
class EmbeddedRuntimeCloseIT {

  @Test
  void closeCancelsJobsStopsFlinkThreadsAndCleansTheWorkDirectory() throws Exception {
    Path workDir = EmbeddedRuntimeExtension.newWorkDir("close");
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    EmbeddedRuntime runtime = new EmbeddedRuntime(workDir, 1);
    CompiledPipeline p =
        new CompiledPipeline(
            "closing",
            "closing",
            1,
            List.of(
                new SqlStatement(
                    "src",
                    Kind.DDL,
                    "CREATE TEMPORARY TABLE src (id BIGINT)"
                        + " WITH ('connector' = 'datagen', 'rows-per-second' = '20')")),
            List.of(),
            List.of(new SqlStatement("all", Kind.PREVIEW, "SELECT id FROM src")),
            Map.of());
    DeployOptions options = DeployOptions.defaults().withParallelism(1);
    Deployment d = runtime.deploy(p, options);
    ResultStream stream = runtime.results(d, "all");
    assertThat(stream.poll(Duration.ofSeconds(60), 10)).isNotEmpty();
    assertThat(runtime.status(d).phase()).isEqualTo(Phase.RUNNING);
    try (Stream<Path> created = Files.list(workDir)) {
      assertThat(created).isNotEmpty();
    }

    runtime.close();

    assertThat(runtime.status(d).phase()).isEqualTo(Phase.STOPPED);
    stream.poll(Duration.ofSeconds(1), Integer.MAX_VALUE);
    assertThat(stream.isEnded()).as("no rows arrive after close").isTrue();
    assertThat(runtime.describe()).isEqualTo("embedded Flink (closed)");
    try (Stream<Path> left = Files.list(workDir)) {
      assertThat(left).isEmpty();
    }
    Files.delete(workDir);
    assertThat(FlinkThreads.awaitGone(before, Duration.ofSeconds(20))).isEmpty();
    assertThatThrownBy(() -> runtime.deploy(p, options))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("closed");
  }
}
