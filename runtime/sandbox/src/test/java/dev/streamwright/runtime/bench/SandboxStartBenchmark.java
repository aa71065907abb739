package dev.streamwright.runtime.bench;

import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sandbox start (goal &lt; 5 s): the embedded KRaft broker ready with the pipeline's topics
 * created, and the Flink MiniCluster ready ({@link EmbeddedRuntime#start()}), started concurrently
 * as the sandbox command does (cluster on another thread while the broker starts and the topics are
 * made). Spawns N child JVMs one after the other; each times its own first start (cold JVM), then
 * closes both and starts again (warm, same JVM). Prints each child's figures, then medians and
 * ranges.
 *
 * <p>Run: {@code mvn -o -q -pl runtime/sandbox -am test-compile && mvn -o -q -pl runtime/sandbox
 * -Pbench exec:exec -Dbench.class=SandboxStartBenchmark -Dbench.args="5"}
 */
public final class SandboxStartBenchmark {

  private static final String CHILD = "--child";
  private static final String RESULT = "RESULT ";

  private SandboxStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(CHILD)) {
      child(args.length > 1 ? args[1] : null);
      return;
    }
    int children = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String pipelineArg = args.length > 1 ? args[1] : null;
    Path pipeline = FraudSandbox.pipelineFile(pipelineArg);
    System.out.printf(
        Locale.ROOT,
        "load average at start: %s, %d child JVMs%n",
        FraudSandbox.loadAverage(),
        children);
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    for (int i = 1; i <= children; i++) {
      Map<String, Double> r = runChild(pipeline);
      System.out.printf(Locale.ROOT, "child %d: %s (load %s)%n", i, r, FraudSandbox.loadAverage());
      r.forEach((k, v) -> figures.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    System.out.println("figure: median (min-max) ms over " + children + " cold JVMs");
    figures.forEach(
        (k, v) ->
            System.out.printf(
                Locale.ROOT,
                "  %-22s %6.0f (%.0f-%.0f)%n",
                k,
                FraudSandbox.median(v),
                v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
    System.out.println("load average at end: " + FraudSandbox.loadAverage());
  }

  /** Starts a child JVM with this JVM's flags and class path; returns its figures. */
  private static Map<String, Double> runChild(Path pipeline) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SandboxStartBenchmark.class.getName());
    cmd.add(CHILD);
    cmd.add(pipeline.toString());
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, Double> result = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(RESULT)) {
          result = parse(line.substring(RESULT.length()));
        } else {
          System.out.println("  | " + line);
        }
      }
    }
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("child JVM did not end");
    }
    if (process.exitValue() != 0 || result == null) {
      throw new IllegalStateException("child JVM failed, exit " + process.exitValue());
    }
    return result;
  }

  private static Map<String, Double> parse(String line) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String kv : line.trim().split("\\s+")) {
      int eq = kv.indexOf('=');
      m.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
    }
    return m;
  }

  /** One cold start, then one warm start in the same JVM; prints one RESULT line. */
  private static void child(String pipelineArg) throws Exception {
    long mainEntered = System.nanoTime();
    Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    double jvmToMain = Duration.between(jvmStart, Instant.now()).toNanos() / 1e6;
    Pipeline pipeline = FraudSandbox.read(FraudSandbox.pipelineFile(pipelineArg));
    long readDone = System.nanoTime();
    Map<String, Double> out = new LinkedHashMap<>();
    Start cold = start(pipeline);
    out.put("jvm_to_main", jvmToMain);
    out.put("cold_total", cold.total);
    out.put("cold_broker", cold.broker);
    out.put("cold_topics", cold.topics);
    out.put("cold_flink", cold.flink);
    out.put("jvm_to_ready", jvmToMain + (readDone - mainEntered) / 1e6 + cold.total);
    Start warm = start(pipeline);
    out.put("warm_total", warm.total);
    out.put("warm_broker", warm.broker);
    out.put("warm_topics", warm.topics);
    out.put("warm_flink", warm.flink);
    out.put("close", warm.close);
    StringBuilder line = new StringBuilder(RESULT);
    out.forEach(
        (k, v) -> line.append(k).append('=').append(String.format(Locale.ROOT, "%.0f ", v)));
    System.out.println(line.toString().trim());
    System.exit(0);
  }

  /** Milliseconds: the whole start, the broker alone, its topics, the cluster, then the close. */
  private record Start(double total, double broker, double topics, double flink, double close) {}

  private static Start start(Pipeline pipeline) throws Exception {
    Path work = FraudSandbox.workDir("sw-start");
    long t0 = System.nanoTime();
    EmbeddedRuntime runtime = new EmbeddedRuntime(work.resolve("flink"));
    KafkaBroker broker = null;
    try {
      // As SandboxCommand: the cluster starts on another thread while the broker starts here.
      CompletableFuture<Long> flink =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  runtime.start();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return System.nanoTime();
              });
      broker = KafkaBroker.start(work.resolve("kafka"));
      long brokerReady = System.nanoTime();
      FraudSandbox.createTopics(broker, pipeline);
      long topicsReady = System.nanoTime();
      long flinkReady = flink.join();
      long end = System.nanoTime();
      long c0 = System.nanoTime();
      runtime.close();
      broker.close();
      broker = null;
      long c1 = System.nanoTime();
      return new Start(
          (end - t0) / 1e6,
          (brokerReady - t0) / 1e6,
          (topicsReady - brokerReady) / 1e6,
          (flinkReady - t0) / 1e6,
          (c1 - c0) / 1e6);
    } finally {
      runtime.close();
      if (broker != null) {
        broker.close();
      }
      FraudSandbox.deleteTree(work);
    }
  }
}
