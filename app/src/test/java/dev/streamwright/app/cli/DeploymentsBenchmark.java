package dev.streamwright.app.cli;

import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.DeploymentUpdate;
import dev.streamwright.app.deployments.NewDeployment;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceDeployments;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Times {@code streamwright deployments} on a workspace holding 50 deployments against a real dev
 * cluster started here on 127.0.0.1: a few datagen-to-print jobs really running, two stopped with a
 * savepoint, and the rest records of jobs that ended long ago, as a workspace accumulates. Each
 * listing reconciles every record with the cluster. Cold: the launcher's main class in a fresh JVM
 * (the launcher's flags), timed from process start to exit with the table printed. Warm: the
 * command in this JVM, as the studio lists. Run with {@code app/bench/deployments.sh [runs]}.
 */
public final class DeploymentsBenchmark {

  private static final int DEPLOYMENTS = 50;
  private static final int RUNNING = 4;
  private static final int STOPPED_ON_CLUSTER = 2;
  private static final String PARALLELISM_PROPERTY = "streamwright.reconcile.parallelism";
  private static final Pattern DEPLOYMENT = Pattern.compile("(?m)^deployment (\\S+)$");

  private static Path data;

  private DeploymentsBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args runs (default 9; each lists with 1 and with 4 job lookups at once), then a work
   *     folder (default target/deployments-benchmark)
   */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    Path work =
        Path.of(args.length > 1 ? args[1] : "target/deployments-benchmark").toAbsolutePath();
    data = Files.createDirectories(work.resolve("data"));
    Path workspace = data.resolve("workspace");
    long setup = System.nanoTime();
    try (DevCluster cluster = DevCluster.in(work.resolve("cluster")).start()) {
      System.out.printf("dev cluster up in %d ms%n", (System.nanoTime() - setup) / 1_000_000);
      fill(cluster, workspace, work);
      System.out.printf(
          "workspace of %d deployments (%d running) ready after %d ms%n",
          DEPLOYMENTS, RUNNING, (System.nanoTime() - setup) / 1_000_000);
      String ws = workspace.toString();
      String sequential = "-D" + PARALLELISM_PROPERTY + "=1";
      String parallel = "-D" + PARALLELISM_PROPERTY + "=4";
      Map<String, List<Long>> times = new LinkedHashMap<>();
      String table = "";
      for (int i = 0; i < runs; i++) {
        // before (one job after the other) and after (4 at once), alternating; then what a cold
        // JVM costs without the cluster: the bare command line, and the workspace read
        for (String mode :
            i % 2 == 0 ? List.of(sequential, parallel) : List.of(parallel, sequential)) {
          times
              .computeIfAbsent("cold, " + mode, k -> new ArrayList<>())
              .add(coldRun(mode, true, "deployments", "--workspace", ws));
          System.setProperty(PARALLELISM_PROPERTY, mode.substring(mode.indexOf('=') + 1));
          long start = System.nanoTime();
          table = cli("deployments", "--workspace", ws);
          times
              .computeIfAbsent("warm, " + mode, k -> new ArrayList<>())
              .add((System.nanoTime() - start) / 1_000_000);
          check(table);
        }
        times
            .computeIfAbsent("cold, --version only", k -> new ArrayList<>())
            .add(coldRun(parallel, false, "--version"));
        times
            .computeIfAbsent(
                "cold, deployments --env embedded (workspace read, no cluster)",
                k -> new ArrayList<>())
            .add(coldRun(parallel, false, "deployments", "--workspace", ws, "--env", "embedded"));
      }
      System.out.println(table);
      System.out.println("load average: " + loadAverage());
      times.forEach(DeploymentsBenchmark::report);
    }
  }

  /** Six real deploys (two then stopped with a savepoint) and 44 records of ended deployments. */
  private static void fill(DevCluster cluster, Path workspace, Path work) throws Exception {
    try (Workspace w = Workspace.open(workspace, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments.of(w)
          .add(
              RemoteEnvironment.builder("dev-cluster")
                  .gatewayUrl(cluster.gatewayUrl().toString())
                  .restUrl(cluster.restUrl().toString())
                  .kafkaBootstrapServers("127.0.0.1:9092")
                  .parallelism(1)
                  .savepointDir(cluster.folder().savepoints().toUri().toString())
                  .build());
    }
    PipelineCodec codec = new PipelineCodec();
    Path files = Files.createDirectories(work.resolve("pipelines"));
    for (int i = 0; i < RUNNING + STOPPED_ON_CLUSTER; i++) {
      Path file = files.resolve("ticks-" + i + ".json");
      Files.writeString(file, codec.write(ticks("ticks-" + i)));
      String out =
          cli(
              "deploy",
              file.toString(),
              "--env",
              "dev-cluster",
              "--workspace",
              workspace.toString());
      Matcher m = DEPLOYMENT.matcher(out);
      if (!m.find()) {
        throw new IllegalStateException("deploy printed no deployment id:\n" + out);
      }
      if (i < STOPPED_ON_CLUSTER) { // first, so their task slots are free again
        cli("stop", m.group(1), "--savepoint", "--workspace", workspace.toString());
      }
    }
    String json = codec.write(ticks("ticks-old"));
    Random random = new Random(11);
    Instant t0 = Instant.now().minusSeconds(86_400 * 30);
    try (Workspace w = Workspace.open(workspace, OpenMode.READ_WRITE)) {
      WorkspaceDeployments d = WorkspaceDeployments.of(w);
      for (int i = RUNNING + STOPPED_ON_CLUSTER; i < DEPLOYMENTS; i++) {
        String id =
            d.create(new NewDeployment("ticks-old-" + i, "Ticks " + i, 1, json, "dev-cluster"))
                .id();
        Instant at = t0.plusSeconds(3600L * i);
        String job = jobId(random);
        DeploymentUpdate u =
            new DeploymentUpdate().jobId(job).event(DeploymentEvent.deployed(at, 1, job));
        if (i % 4 == 0) {
          u.state(DeploymentState.FINISHED, "");
        } else {
          String sp = "file:///savepoints/savepoint-" + job.substring(0, 6);
          u.state(DeploymentState.STOPPED, "")
              .savepoint(new SavepointRecord(sp, at.plusSeconds(600), 1, job))
              .event(DeploymentEvent.stopped(at.plusSeconds(600), job, sp));
        }
        d.update(id, u);
      }
    }
  }

  /** datagen (one row a second) into a print sink: a cheap streaming job. */
  private static Pipeline ticks(String id) {
    Node in =
        Node.of(
            "ticks",
            "datagen",
            Map.of(
                "columns",
                List.of(Map.of("name", "n", "type", "INT", "kind", "random", "min", 1, "max", 9)),
                "rowsPerSecond",
                1L));
    Node out = Node.of("out", "print-sink", Map.of());
    return new Pipeline(
        id, id, "", 1, List.of(), List.of(in, out), List.of(Edge.of("ticks", "out")));
  }

  private static String jobId(Random random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The launcher's command in a fresh JVM with the launcher's flags: milliseconds to exit. */
  private static long coldRun(String property, boolean full, String... args) throws Exception {
    Path tmp = Files.createDirectories(data.resolve("tmp"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-Xmx1g",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Djava.io.tmpdir=" + tmp,
            "-Dstreamwright.home=" + data,
            "-cp",
            launcherClassPath(),
            property,
            "dev.streamwright.app.Streamwright"));
    cmd.addAll(List.of(args));
    Path out = data.resolve("cold-out.txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(data.resolve("cold-err.txt").toFile());
    long start = System.nanoTime();
    int code = pb.start().waitFor();
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (code != 0) {
      throw new IllegalStateException(
          String.join(" ", args)
              + " exited with "
              + code
              + ":\n"
              + Files.readString(data.resolve("cold-err.txt")));
    }
    if (full) {
      check(Files.readString(out));
    }
    return millis;
  }

  /** This JVM's class path without test classes: the app and its libraries, as installed. */
  private static String launcherClassPath() {
    return String.join(
        java.io.File.pathSeparator,
        java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(e -> !e.endsWith("test-classes"))
            .toList());
  }

  /** The table lists every deployment, the running ones RUNNING. */
  private static void check(String table) {
    long rows = table.lines().filter(l -> l.contains(" dev-cluster ")).count();
    long running = table.lines().filter(l -> l.contains(" RUNNING ")).count();
    if (rows != DEPLOYMENTS || running != RUNNING) {
      throw new IllegalStateException(
          "expected " + DEPLOYMENTS + " rows, " + RUNNING + " running:\n" + table);
    }
  }

  private static String cli(String... args) {
    AppFolders folders = new AppFolders(data, data.resolve("logs"), data.resolve("tmp"));
    CliContext context =
        new CliContext(
            folders,
            () -> {
              throw new IllegalStateException("deployments never uses the embedded runtime");
            },
            new ExitActions());
    CommandLine cli = Cli.create(context);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    if (code != 0) {
      throw new IllegalStateException(
          "streamwright " + String.join(" ", args) + " -> " + code + "\n" + err + out);
    }
    return out.toString();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static void report(String what, List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    System.out.printf(
        "%s: median %d ms, max %d ms, min %d ms over %d runs; in order %s%n",
        what,
        sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1),
        sorted.get(0),
        sorted.size(),
        millis);
  }
}
