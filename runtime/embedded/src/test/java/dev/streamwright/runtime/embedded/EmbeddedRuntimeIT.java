package dev.streamwright.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.DeploymentStatus.Phase;
import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.compile.SqlStatement.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded runtime on a real MiniCluster, shared by the tests of this class. */
@Timeout(120)
class EmbeddedRuntimeIT {

  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Fast checkpoints so file sinks commit within the test's patience. */
  private static final DeployOptions OPTIONS =
      new DeployOptions(null, 1, Duration.ofMillis(500), Map.of());

  private static String boundedSource(String table, int rows) {
    return "CREATE TEMPORARY TABLE "
        + table
        + " (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '"
        + rows
        + "', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '"
        + rows
        + "', 'fields.name.length' = '4')";
  }

  private static String unboundedSource(String table) {
    return "CREATE TEMPORARY TABLE "
        + table
        + " (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20')";
  }

  private static CompiledPipeline pipeline(
      String id,
      List<SqlStatement> setup,
      List<SqlStatement> inserts,
      List<SqlStatement> previews) {
    return new CompiledPipeline(id, id, 1, setup, inserts, previews, Map.of());
  }

  private static SqlStatement ddl(String node, String sql) {
    return new SqlStatement(node, Kind.DDL, sql);
  }

  private static SqlStatement view(String node, String sql) {
    return new SqlStatement(node, Kind.VIEW, sql);
  }

  private static SqlStatement preview(String node, String sql) {
    return new SqlStatement(node, Kind.PREVIEW, sql);
  }

  /** Polls until the stream ends, returning every row. */
  private static List<ResultRow> readAll(ResultStream stream) throws InterruptedException {
    List<ResultRow> rows = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!stream.isEnded() && System.nanoTime() < deadline) {
      rows.addAll(stream.poll(Duration.ofMillis(500), 1000));
    }
    assertThat(stream.isEnded()).as("preview ended within %s", WAIT).isTrue();
    return rows;
  }

  /** Polls until at least {@code n} rows arrived. */
  private static List<ResultRow> readAtLeast(ResultStream stream, int n)
      throws InterruptedException {
    List<ResultRow> rows = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (rows.size() < n && System.nanoTime() < deadline) {
      rows.addAll(stream.poll(Duration.ofMillis(500), 1000));
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(n);
    return rows;
  }

  @Test
  void boundedPreviewDeliversEveryRowAsPlainJavaValuesAndFinishes() throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline p =
        pipeline(
            "bounded",
            List.of(
                ddl("src", boundedSource("src", 100)),
                view(
                    "calc",
                    "CREATE TEMPORARY VIEW calc AS SELECT id, id * 2 AS twice,"
                        + " CAST(id AS INT) AS small, id % 2 = 0 AS even,"
                        + " CAST(id AS DECIMAL(10, 2)) AS amount, CAST(id AS DOUBLE) / 4 AS quarter,"
                        + " TIMESTAMP '2024-01-02 03:04:05' AS ts, DATE '2024-01-02' AS dt,"
                        + " CHAR_LENGTH(name) AS len FROM src")),
            List.of(),
            List.of(preview("show", "SELECT * FROM calc")));

    Deployment d = runtime.deploy(p, OPTIONS);
    List<ResultRow> rows;
    try (ResultStream stream = runtime.results(d, "show")) {
      assertThat(stream.columns())
          .containsExactly("id", "twice", "small", "even", "amount", "quarter", "ts", "dt", "len");
      rows = readAll(stream);
    }

    assertThat(rows).hasSize(100);
    assertThat(rows).allSatisfy(r -> assertThat(r.kind()).isEqualTo("+I"));
    assertThat(rows).allSatisfy(r -> assertThat(r.sink()).isEqualTo("show"));
    assertThat(rows.stream().map(r -> r.get("id")).collect(Collectors.toSet()))
        .isEqualTo(Stream.iterate(1L, i -> i + 1).limit(100).collect(Collectors.toSet()));
    ResultRow seven = rows.stream().filter(r -> r.get("id").equals(7L)).findFirst().orElseThrow();
    assertThat(seven.asMap())
        .containsEntry("twice", 14L)
        .containsEntry("small", 7L)
        .containsEntry("even", false)
        .containsEntry("amount", new BigDecimal("7.00"))
        .containsEntry("quarter", 1.75)
        // A TIMESTAMP(0) literal: the column's precision, as a sink writes it.
        .containsEntry("ts", "2024-01-02T03:04:05")
        .containsEntry("dt", "2024-01-02")
        .containsEntry("len", 4L);
    assertThat(runtime.awaitTermination(d, WAIT)).isEqualTo(DeploymentStatus.of(Phase.FINISHED));
  }

  @Test
  void insertsAndPreviewsOfOneDeploymentRunAsOneJobAndTheFileSinkCommits() throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    Path out = FLINK.workDir().resolve("file-sink-out");
    CompiledPipeline p =
        pipeline(
            "files",
            List.of(
                ddl("src", boundedSource("src", 20)),
                ddl(
                    "sink",
                    "CREATE TEMPORARY TABLE sink (id BIGINT, label STRING) WITH ("
                        + "'connector' = 'filesystem', 'format' = 'json', 'path' = '"
                        + out.toUri()
                        + "')")),
            List.of(
                new SqlStatement(
                    "sink",
                    Kind.INSERT,
                    "INSERT INTO sink SELECT id, CONCAT('n', CAST(id AS STRING)) FROM src")),
            List.of(preview("few", "SELECT id FROM src WHERE id <= 5")));
    String jobName = "streamwright-files-" + System.nanoTime();

    Deployment d = runtime.deploy(p, OPTIONS.withJobName(jobName));
    List<ResultRow> previewRows;
    try (ResultStream stream = runtime.results(d, "few")) {
      previewRows = readAll(stream);
    }
    assertThat(runtime.awaitTermination(d, WAIT).phase()).isEqualTo(Phase.FINISHED);

    assertThat(previewRows.stream().map(r -> r.get("id")))
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    assertThat(jobsNamed(runtime, jobName)).containsExactly(d.jobId());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> written = new ArrayList<>();
    for (Path file : committedFiles(out)) {
      for (String line : Files.readAllLines(file)) {
        written.add(json.readTree(line));
      }
    }
    assertThat(written).hasSize(20);
    assertThat(written.stream().map(n -> n.get("id").asLong()).collect(Collectors.toSet()))
        .hasSize(20)
        .contains(1L, 20L);
    assertThat(written)
        .allSatisfy(n -> assertThat(n.get("label").asText()).isEqualTo("n" + n.get("id").asLong()));
  }

  /** Flink's own REST API: the ids of jobs with this name. */
  private static List<String> jobsNamed(EmbeddedRuntime runtime, String name) throws Exception {
    URI rest = runtime.restAddress().orElseThrow();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(rest.resolve("/jobs/overview")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> ids = new ArrayList<>();
    for (JsonNode job : new ObjectMapper().readTree(response.body()).get("jobs")) {
      if (job.get("name").asText().equals(name)) {
        ids.add(job.get("jid").asText());
      }
    }
    return ids;
  }

  /** Committed part files; in-progress ones are hidden (start with a dot). */
  private static List<Path> committedFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .collect(Collectors.toList());
    }
  }

  @Test
  void deploymentsShareOneLongLivedCluster() throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline p =
        pipeline(
            "reuse",
            List.of(ddl("src", boundedSource("src", 3))),
            List.of(),
            List.of(preview("all", "SELECT id FROM src")));

    Deployment first = runtime.deploy(p, OPTIONS);
    URI restAfterFirst = runtime.restAddress().orElseThrow();
    String describedAfterFirst = runtime.describe();
    Deployment second = runtime.deploy(p, OPTIONS);

    assertThat(runtime.restAddress()).contains(restAfterFirst);
    assertThat(runtime.describe())
        .isEqualTo(describedAfterFirst)
        .isEqualTo("embedded Flink at 127.0.0.1:" + restAfterFirst.getPort());
    assertThat(second.runtime()).isEqualTo(first.runtime());
    assertThat(second.jobId()).isNotEqualTo(first.jobId());
    assertThat(runtime.awaitTermination(first, WAIT).phase()).isEqualTo(Phase.FINISHED);
    assertThat(runtime.awaitTermination(second, WAIT).phase()).isEqualTo(Phase.FINISHED);
  }

  @Test
  void unknownColumnIsRefusedWithTheNodeAndThePlannersMessageAndTheRuntimeStaysUsable()
      throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline broken =
        pipeline(
            "broken",
            List.of(
                ddl("src", boundedSource("src", 3)),
                view("pick", "CREATE TEMPORARY VIEW pick AS SELECT nope FROM src")),
            List.of(),
            List.of(preview("all", "SELECT * FROM pick")));

    assertThatThrownBy(() -> runtime.deploy(broken, OPTIONS))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage("node 'pick': Column 'nope' not found in any table");

    CompiledPipeline fine =
        pipeline(
            "fine",
            List.of(ddl("src", boundedSource("src", 3))),
            List.of(),
            List.of(preview("all", "SELECT id FROM src")));
    Deployment d = runtime.deploy(fine, OPTIONS);
    try (ResultStream stream = runtime.results(d, "all")) {
      assertThat(readAll(stream)).hasSize(3);
    }
  }

  @Test
  void unknownConnectorIsRefusedWithTheAvailableConnectorsOnOneLine() {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline p =
        pipeline(
            "noconnector",
            List.of(
                ddl("src", "CREATE TEMPORARY TABLE src (id BIGINT) WITH ('connector' = 'nope')")),
            List.of(),
            List.of(preview("all", "SELECT id FROM src")));

    assertThatThrownBy(() -> runtime.deploy(p, OPTIONS))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith("node 'all': Could not find any factory for identifier 'nope'")
        .hasMessageContaining("datagen")
        .hasMessageNotContaining("\n");
  }

  @Test
  void unknownSinkConnectorIsBlamedOnTheInsertIntoThatSink() {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline p =
        pipeline(
            "nosink",
            List.of(
                ddl("src", boundedSource("src", 3)),
                ddl(
                    "fine",
                    "CREATE TEMPORARY TABLE fine (id BIGINT) WITH ('connector' = 'blackhole')"),
                ddl(
                    "broken",
                    "CREATE TEMPORARY TABLE broken (id BIGINT) WITH ('connector' = 'nope')")),
            List.of(
                new SqlStatement("fine", Kind.INSERT, "INSERT INTO fine SELECT id FROM src"),
                new SqlStatement("broken", Kind.INSERT, "INSERT INTO broken SELECT id FROM src")),
            List.of());

    assertThatThrownBy(() -> runtime.deploy(p, OPTIONS))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith("node 'broken': Could not find any factory for identifier 'nope'");
  }

  @Test
  void jobThatFailsWhileRunningReportsTheRootCause() throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline p =
        pipeline(
            "fails",
            List.of(ddl("src", boundedSource("src", 5))),
            List.of(),
            List.of(
                preview("bad", "SELECT CAST(CONCAT('x', CAST(id AS STRING)) AS INT) FROM src")));

    Deployment d = runtime.deploy(p, OPTIONS);
    DeploymentStatus status = runtime.awaitTermination(d, WAIT);

    assertThat(status.phase()).isEqualTo(Phase.FAILED);
    // The job gets two restarts (LoopbackConfig); the last attempt's failure is the one reported,
    // and on a busy machine it has been a later row's ('x2') once, so any row's cast may be named.
    assertThat(status.message())
        .containsPattern("For input string: 'x[1-5]'")
        .doesNotContain("\tat ")
        .doesNotContain("\n");
    assertThat(runtime.results(d, "bad").poll(Duration.ofSeconds(5), 10)).isEmpty();
  }

  @Test
  void previewRowsArriveBeforeAnyCheckpointCompletes() throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline p =
        pipeline(
            "live",
            List.of(ddl("src", unboundedSource("src"))),
            List.of(),
            List.of(preview("all", "SELECT id FROM src")));
    DeployOptions rareCheckpoints = new DeployOptions(null, 1, Duration.ofMinutes(10), Map.of());

    Deployment d = runtime.deploy(p, rareCheckpoints);
    try (ResultStream stream = runtime.results(d, "all")) {
      assertThat(stream.poll(Duration.ofSeconds(20), 10)).isNotEmpty();
    } finally {
      runtime.stop(d, false);
    }
  }

  @Test
  void stopWithoutSavepointCancelsAnUnboundedJob() throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline p =
        pipeline(
            "endless",
            List.of(ddl("src", unboundedSource("src"))),
            List.of(),
            List.of(preview("all", "SELECT id FROM src")));
    Deployment d = runtime.deploy(p, OPTIONS);
    ResultStream stream = runtime.results(d, "all");
    readAtLeast(stream, 1);
    assertThat(runtime.status(d).phase()).isEqualTo(Phase.RUNNING);

    Optional<String> savepoint = runtime.stop(d, false);

    assertThat(savepoint).isEmpty();
    assertThat(runtime.status(d)).isEqualTo(DeploymentStatus.of(Phase.STOPPED));
    readAll(stream);
  }

  @Test
  void stopWithSavepointReturnsAPathThatExists() throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    Path out = FLINK.workDir().resolve("savepoint-sink-out");
    CompiledPipeline p =
        pipeline(
            "endless-savepoint",
            List.of(
                ddl("src", unboundedSource("src")),
                ddl(
                    "sink",
                    "CREATE TEMPORARY TABLE sink (id BIGINT) WITH ('connector' = 'filesystem',"
                        + " 'format' = 'json', 'path' = '"
                        + out.toUri()
                        + "')")),
            List.of(new SqlStatement("sink", Kind.INSERT, "INSERT INTO sink SELECT id FROM src")),
            List.of(preview("all", "SELECT id FROM src")));
    Deployment d = runtime.deploy(p, OPTIONS);
    readAtLeast(runtime.results(d, "all"), 1);

    Optional<String> savepoint = runtime.stop(d, true);

    assertThat(savepoint).isPresent();
    assertThat(Path.of(savepoint.get())).exists().startsWith(runtime.savepointDirectory());
    assertThat(runtime.status(d)).isEqualTo(DeploymentStatus.of(Phase.STOPPED));
    assertThatThrownBy(() -> runtime.stop(d, true))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("already ended");
  }

  /**
   * Flink refuses a savepoint while any task is still deploying, and a job's first rows can reach
   * the preview before the JobManager has recorded its tasks as running: stopping right after the
   * deploy must wait for the tasks, not fail with Flink's "Not all required tasks are currently
   * running".
   */
  @Test
  void stopWithSavepointRightAfterDeployWaitsForTheTasksToRun() throws Exception {
    EmbeddedRuntime runtime = FLINK.runtime();
    CompiledPipeline p =
        pipeline(
            "endless-early-savepoint",
            List.of(ddl("src", unboundedSource("src"))),
            List.of(),
            List.of(preview("all", "SELECT id FROM src")));
    Deployment d = runtime.deploy(p, OPTIONS);

    Optional<String> savepoint = runtime.stop(d, true);

    assertThat(savepoint).isPresent();
    assertThat(Path.of(savepoint.get())).exists().startsWith(runtime.savepointDirectory());
    assertThat(runtime.status(d)).isEqualTo(DeploymentStatus.of(Phase.STOPPED));
  }

  /**
   * A job whose tasks cannot all run (here: more parallel tasks than the cluster has slots) cannot
   * be stopped with a savepoint: after the bounded wait the stop says why, and the job keeps
   * running.
   */
  @Test
  void stopWithSavepointOfAJobThatNeverRunsSaysWhyAndLeavesItRunning() throws Exception {
    Path workDir = FLINK.workDir().resolve("one-slot");
    try (EmbeddedRuntime runtime = new EmbeddedRuntime(workDir, 1, Duration.ofSeconds(2))) {
      CompiledPipeline p =
          pipeline(
              "starved",
              List.of(ddl("src", unboundedSource("src"))),
              List.of(),
              List.of(preview("all", "SELECT id FROM src")));
      Deployment d = runtime.deploy(p, OPTIONS.withParallelism(2));

      assertThatThrownBy(() -> runtime.stop(d, true))
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith("Could not stop the job with a savepoint: ")
          .hasMessageMatching(".*: \\d+ of its \\d+ tasks (was|were) running after 2 s, .*")
          .hasMessageContaining("stop it without a savepoint");
      assertThat(runtime.status(d).phase()).isIn(Phase.STARTING, Phase.RUNNING);
      assertThat(runtime.stop(d, false)).isEmpty();
      assertThat(runtime.status(d)).isEqualTo(DeploymentStatus.of(Phase.STOPPED));
    }
  }
}
