package dev.streamwright.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.runtime.api.Deployment;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.devcluster.ClusterProcess.Role;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import dev.streamwright.runtime.gateway.GatewayRuntime;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job restarting while it is monitored: on a dev cluster of the test's own (its TaskManager is
 * killed, which would disturb other tests' jobs), the snapshots show the job running again with the
 * restart counted and its root cause in words, and the monitor stays connected throughout (Flink's
 * REST cache may never show the short RESTARTING state at all).
 */
class MonitorJobRestartIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void aKilledTaskManagerShowsAsARestartWithItsCauseAndTheJobRunsOn() throws Exception {
    try (DevCluster cluster =
        DevCluster.in(DevClusterExtension.newFolder("monitor-restart"))
            // A lost TaskManager is noticed after two missed heartbeats, 1 s apart.
            .setting("heartbeat.interval", "1000")
            .setting("heartbeat.timeout", "8000")
            .start()) {
      RemoteTarget target =
          new RemoteTarget(
              "dev-cluster",
              cluster.gatewayUrl(),
              cluster.restUrl(),
              KAFKA.bootstrapServers(),
              Map.of(),
              List.of(),
              1,
              cluster.folder().savepoints().toUri().toString(),
              Map.of(),
              Map.of());
      KAFKA.broker().createTopics(Map.of("orders-r", 1, "big-orders-r", 1));
      Pipeline p = Orders.pipeline("orders-r", "big-orders-r", "monitor-r");
      Compilation c = Orders.compile(p, KAFKA.bootstrapServers());
      List<MonitorSnapshot> seen = new CopyOnWriteArrayList<>();
      try (GatewayRuntime runtime = new GatewayRuntime(target);
          Orders.Producer producer =
              new Orders.Producer(KAFKA.bootstrapServers(), "orders-r", 50)) {
        Deployment d = runtime.deploy(c.result().orElseThrow(), MonitorIT.everySecond("monitor-r"));
        try (Monitor monitor =
            Monitor.of(MonitorTarget.of(d, runtime, p, c), MonitorIT.EVERY_SECOND)
                .onSnapshot(seen::add)) {
          monitor.start();
          MonitorIT.await(
              seen,
              s ->
                  s.job().map(j -> j.state().equals("RUNNING")).orElse(false)
                      && s.nodes().containsKey("out"));

          int killedAt = seen.size();
          cluster.kill(Role.TASK_MANAGER);
          cluster.relaunch(Role.TASK_MANAGER, WAIT);

          MonitorSnapshot again =
              MonitorIT.await(
                  seen,
                  s ->
                      s.job()
                          .map(
                              j ->
                                  j.restarts() >= 1
                                      && j.state().equals("RUNNING")
                                      // Flink's REST cache shows the failure a moment later.
                                      && !j.rootCauses().isEmpty())
                          .orElse(false));
          JobFigures job = again.job().orElseThrow();
          System.out.printf(
              "MonitorJobRestartIT: restarts %d, causes %s%n", job.restarts(), job.rootCauses());
          assertThat(job.rootCauses().get(0)).contains("TaskManager");
          assertThat(job.rootCauses().get(0)).doesNotContain("\n").doesNotContain("\tat ");
          assertThat(seen.subList(killedAt, seen.indexOf(again) + 1))
              .as("the JobManager's REST API answers while the job restarts")
              .allMatch(s -> s.flink().connected());
        } finally {
          runtime.stop(d, false);
        }
      }
    }
  }
}
