package dev.streamwright.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.ResultStream;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.embedded.EmbeddedRuntimeExtension;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBroker;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults while a deployment is monitored, on the embedded Flink and a broker of the test's own:
 * Flink's REST API unreachable, the broker restarted, the deployment ending. Each shows in the
 * snapshots in words ("disconnected since ...", "ended"), never as an exception; the monitor
 * recovers by itself within two polls of the system coming back and leaves no thread behind.
 */
class MonitorFaultsIT {

  @RegisterExtension static final EmbeddedRuntimeExtension FLINK = new EmbeddedRuntimeExtension();

  /** Threads the monitor's clients start: none may outlive it. */
  private static final List<String> MONITOR_THREADS =
      List.of("streamwright-monitor-", "kafka-admin-client-thread", "HttpClient-", "latency");

  @Test
  void faultsShowInWordsHealWithinTwoPollsAndNoThreadIsLeft() throws Exception {
    Set<String> before = monitorThreads();
    Path dataDir = KafkaBrokerExtension.newDataDir("monitor-faults");
    Path restarted = KafkaBrokerExtension.newDataDir("monitor-faults-restarted");
    KafkaBroker broker = KafkaBroker.start(dataDir, 0, true);
    int port = broker.port();
    try {
      broker.createTopics(Map.of("orders-f", 1, "big-orders-f", 1));
      Pipeline p = Orders.pipeline("orders-f", "big-orders-f", "monitor-f");
      Compilation c = Orders.compile(p, broker.bootstrapServers());
      Deployment d =
          FLINK.runtime().deploy(c.result().orElseThrow(), MonitorIT.everySecond("monitor-f"));
      RestSwitch runtime = new RestSwitch(FLINK.runtime());
      List<MonitorSnapshot> seen = new CopyOnWriteArrayList<>();
      try (Orders.Producer producer =
              new Orders.Producer(broker.bootstrapServers(), "orders-f", 50);
          Monitor monitor =
              Monitor.of(MonitorTarget.of(d, runtime, p, c), MonitorIT.EVERY_SECOND)
                  .onSnapshot(seen::add)) {
        monitor.start();
        MonitorIT.await(
            seen, s -> s.flink().connected() && s.kafka().connected() && !s.nodes().isEmpty());

        // Flink's REST API stops answering: the last figures stay, said to be stale.
        int downAt = seen.size();
        runtime.down = true;
        MonitorSnapshot down =
            MonitorIT.await(seen, downAt, s -> s.flink().state() == Link.State.DISCONNECTED);
        assertThat(down.flink().describe(ZoneOffset.UTC))
            .startsWith("disconnected since ")
            .doesNotContain("\tat ")
            .doesNotContain("Exception");
        assertThat(down.nodes()).isNotEmpty();
        assertThat(down.kafka().connected()).isTrue();
        int upAt = seen.size();
        runtime.down = false;
        MonitorSnapshot up =
            MonitorIT.await(seen, s -> s.flink().connected() && s.at().isAfter(down.at()));
        assertThat(seen.indexOf(up) - upAt)
            .as("polls until Flink is connected again")
            .isLessThanOrEqualTo(2);

        // The broker restarts on its port (a sandbox broker starts from an empty folder; its
        // topics are made again, as a user's script would).
        int goneAt = seen.size();
        broker.close();
        MonitorSnapshot gone =
            MonitorIT.await(seen, goneAt, s -> s.kafka().state() == Link.State.DISCONNECTED);
        assertThat(gone.kafka().describe(ZoneOffset.UTC)).startsWith("disconnected since ");
        assertThat(gone.lag()).isNotEmpty();
        broker = KafkaBroker.start(restarted, port, true);
        broker.createTopics(Map.of("orders-f", 1, "big-orders-f", 1));
        int backAt = seen.size();
        MonitorSnapshot back =
            MonitorIT.await(seen, s -> s.kafka().connected() && s.at().isAfter(gone.at()));
        assertThat(seen.indexOf(back) - backAt)
            .as("polls until Kafka is connected again")
            .isLessThanOrEqualTo(2);

        // The deployment ends: one last snapshot says so, and the monitor's thread stops.
        int endAt = seen.size();
        FLINK.runtime().stop(d, false);
        MonitorSnapshot ended =
            MonitorIT.await(seen, endAt, s -> s.flink().state() == Link.State.ENDED);
        assertThat(ended.flink().describe(ZoneOffset.UTC)).startsWith("ended at ");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!monitor.stopped() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(monitor.stopped()).isTrue();
        int after = seen.size();
        Thread.sleep(2_500);
        assertThat(seen).as("no poll after the end").hasSize(after);
      }
    } finally {
      broker.close();
      deleteRecursively(dataDir);
      deleteRecursively(restarted);
    }
    awaitNoNewThreads(before);
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (var paths = java.nio.file.Files.walk(dir)) {
      for (Path x : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(x);
      }
    }
  }

  private static Set<String> monitorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> MONITOR_THREADS.stream().anyMatch(n::contains))
        .collect(Collectors.toSet());
  }

  /** Waits (bounded) for the monitor's threads to end; Java 17's HttpClient ends its on GC. */
  private static void awaitNoNewThreads(Set<String> before) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Set<String> left = Set.of();
    while (System.nanoTime() < deadline) {
      System.gc();
      left = monitorThreads();
      left.removeAll(before);
      if (left.isEmpty()) {
        return;
      }
      Thread.sleep(200);
    }
    assertThat(left).as("threads left behind by the monitor").isEmpty();
  }

  /** The embedded runtime, with its REST endpoint swapped for a closed port while {@link #down}. */
  static final class RestSwitch implements PipelineRuntime {
    private final PipelineRuntime runtime;
    private final URI closed;
    volatile boolean down;

    RestSwitch(PipelineRuntime runtime) throws Exception {
      this.runtime = runtime;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closed = URI.create("http://127.0.0.1:" + s.getLocalPort());
      }
    }

    @Override
    public Optional<FlinkRestEndpoint> flinkRest() {
      return down ? Optional.of(FlinkRestEndpoint.of(closed)) : runtime.flinkRest();
    }

    @Override
    public String describe() {
      return runtime.describe();
    }

    @Override
    public Deployment deploy(CompiledPipeline pipeline, DeployOptions options)
        throws RuntimeFailure {
      return runtime.deploy(pipeline, options);
    }

    @Override
    public DeploymentStatus status(Deployment deployment) {
      return runtime.status(deployment);
    }

    @Override
    public DeploymentStatus awaitTermination(Deployment deployment, Duration timeout)
        throws InterruptedException {
      return runtime.awaitTermination(deployment, timeout);
    }

    @Override
    public Optional<String> stop(Deployment deployment, boolean savepoint) throws RuntimeFailure {
      return runtime.stop(deployment, savepoint);
    }

    @Override
    public Map<String, NodeHealth> nodeHealth(Deployment deployment) {
      return runtime.nodeHealth(deployment);
    }

    @Override
    public ResultStream results(Deployment deployment, String sinkNodeId) {
      return runtime.results(deployment, sinkNodeId);
    }

    @Override
    public void close() {}
  }
}
