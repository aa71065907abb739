package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.devcluster.ClusterClasspath;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.rest.messages.job.JobDetailsInfo;
import org.apache.flink.table.client.gateway.Executor;
import org.apache.flink.table.client.gateway.StatementResult;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.gateway.service.context.DefaultContext;

/**
 * Deploy-to-RUNNING and stop-with-savepoint on a warm dev cluster, through {@link GatewayRuntime}
 * and through Flink's own SQL client in gateway mode ({@code flink-sql-client}'s {@link Executor},
 * in this JVM) against the same SQL Gateway, with the same statements: {@code ADD JAR}, the job's
 * {@code SET}s, the quickstart's {@code CREATE TABLE}s and views, and one {@code EXECUTE STATEMENT
 * SET}. On both sides RUNNING means the REST API reports the job and every task running (polled
 * every 200 ms by the same code), and a stop ends when the REST API reports the job ended. Rounds
 * alternate which side goes first (ABBA), after one warm-up round each.
 *
 * <pre>
 * mvn -pl runtime/gateway -Pbench exec:exec -Dbench.class=GatewayVsSqlClientBenchmark -Dbench.args="7"
 * </pre>
 */
public final class GatewayVsSqlClientBenchmark {

  private static final Duration WAIT = Duration.ofSeconds(120);

  private GatewayVsSqlClientBenchmark() {}

  /** One side's times of one round, in ms. */
  private record Round(double deploy, double stop) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    try (DevCluster cluster = DevCluster.in(DevClusterExtension.newFolder("bench")).start()) {
      String kafkaJar =
          ClusterClasspath.ofCurrentJvm().stream()
              .filter(p -> p.getFileName().toString().startsWith("flink-sql-connector-kafka-"))
              .map(Path::toString)
              .findFirst()
              .orElseThrow();
      RemoteTarget target =
          Clusters.target(
              cluster.gatewayUrl(),
              cluster.restUrl(),
              "",
              List.of(kafkaJar),
              Clusters.savepoints(cluster));
      CompiledPipeline pipeline = Clusters.compile(Clusters.quickstartWithPrintSink(), Map.of());
      List<Round> ours = new ArrayList<>();
      List<Round> theirs = new ArrayList<>();
      try (GatewayRuntime runtime = new GatewayRuntime(target)) {
        System.out.printf("warm-up: streamwright %s%n", streamwright(runtime, pipeline, -1));
        System.out.printf("warm-up: sql client %s%n", sqlClient(runtime, target, pipeline, -1));
        for (int i = 0; i < rounds; i++) {
          boolean oursFirst = i % 4 == 0 || i % 4 == 3; // ABBA
          Round a;
          Round b;
          if (oursFirst) {
            a = streamwright(runtime, pipeline, i);
            b = sqlClient(runtime, target, pipeline, i);
          } else {
            b = sqlClient(runtime, target, pipeline, i);
            a = streamwright(runtime, pipeline, i);
          }
          ours.add(a);
          theirs.add(b);
          System.out.printf(
              "round %d (%s first): streamwright deploy %.0f ms stop %.0f ms | sql client deploy"
                  + " %.0f ms stop %.0f ms%n",
              i + 1, oursFirst ? "streamwright" : "sql client", a.deploy, a.stop, b.deploy, b.stop);
        }
      }
      double od = median(ours.stream().map(Round::deploy).toList());
      double td = median(theirs.stream().map(Round::deploy).toList());
      double os = median(ours.stream().map(Round::stop).toList());
      double ts = median(theirs.stream().map(Round::stop).toList());
      System.out.printf(
          "rounds=%d load=%.2f%n"
              + "deploy to RUNNING, median: streamwright %.0f ms, sql client %.0f ms, speed ratio"
              + " %.2f%n"
              + "stop with savepoint until ended, median: streamwright %.0f ms, sql client %.0f ms,"
              + " speed ratio %.2f%n",
          rounds,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          od,
          td,
          td / od,
          os,
          ts,
          ts / os);
    }
  }

  private static Round streamwright(GatewayRuntime runtime, CompiledPipeline pipeline, int round)
      throws Exception {
    long t0 = System.nanoTime();
    Deployment d =
        runtime.deploy(pipeline, DeployOptions.defaults().withDeploymentId("bench-ours-" + round));
    long t1 = System.nanoTime();
    runtime.stop(d, true).orElseThrow();
    long t2 = System.nanoTime();
    return new Round((t1 - t0) / 1e6, (t2 - t1) / 1e6);
  }

  private static Round sqlClient(
      GatewayRuntime runtime, RemoteTarget target, CompiledPipeline pipeline, int round)
      throws Exception {
    StatementRun same =
        new StatementRun(
            runtime.gateway(),
            target,
            pipeline,
            DeployOptions.defaults(),
            "sql-client-bench-" + round,
            GatewayRuntime.STATEMENT_TIMEOUT);
    List<String> statements = new ArrayList<>();
    for (String jar : target.jars()) {
      statements.add("ADD JAR '" + jar + "'");
    }
    same.settings().forEach((k, v) -> statements.add("SET '" + k + "' = '" + v + "'"));
    pipeline.statements().forEach(s -> statements.add(s.sql()));
    statements.add(
        "EXECUTE STATEMENT SET\nBEGIN\n"
            + pipeline.inserts().stream().map(SqlStatement::sql).collect(Collectors.joining(";\n"))
            + ";\nEND");

    long t0 = System.nanoTime();
    String jobId;
    DefaultContext context = new DefaultContext(new Configuration(), List.of());
    try (Executor client =
        Executor.create(context, target.gatewayUrl().toURL(), "bench-theirs-" + round)) {
      String last = null;
      for (String sql : statements) {
        try (StatementResult r = client.executeStatement(sql)) {
          if (r.getJobId() != null) {
            last = r.getJobId().toHexString();
          }
        }
      }
      jobId = last;
      awaitRunning(runtime, jobId);
      long t1 = System.nanoTime();
      String savepoint = null;
      try (StatementResult r = client.executeStatement("STOP JOB '" + jobId + "' WITH SAVEPOINT")) {
        while (r.hasNext()) {
          RowData row = r.next();
          savepoint = row.getString(0).toString();
        }
      }
      if (savepoint == null) {
        throw new IllegalStateException("STOP JOB returned no savepoint");
      }
      JobStop.awaitEnded(runtime.rest(), jobId, WAIT);
      long t2 = System.nanoTime();
      return new Round((t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
  }

  /** As the gateway runtime's deploy: the job and every task RUNNING, polled every 200 ms. */
  private static void awaitRunning(GatewayRuntime runtime, String jobId) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        JobDetailsInfo info = runtime.rest().details(jobId);
        if (info.getJobStatus() == JobStatus.RUNNING && allTasksRunning(info)) {
          return;
        }
      } catch (Endpoint.EndpointException e) {
        if (e.status() != 404) {
          throw e;
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("job " + jobId + " did not run within " + WAIT);
      }
      FlinkRestApi.pause();
    }
  }

  private static boolean allTasksRunning(JobDetailsInfo info) {
    int running = 0;
    int total = 0;
    for (Map.Entry<ExecutionState, Integer> e : info.getJobVerticesPerState().entrySet()) {
      total += e.getValue();
      if (e.getKey() == ExecutionState.RUNNING || e.getKey() == ExecutionState.FINISHED) {
        running += e.getValue();
      }
    }
    return total > 0 && running == total;
  }

  private static double median(List<Double> values) {
    return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
