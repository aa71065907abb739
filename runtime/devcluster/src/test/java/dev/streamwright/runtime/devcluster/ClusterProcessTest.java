package dev.streamwright.runtime.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cause a failed start is reported with, read from the JVM's output and log. */
class ClusterProcessTest {

  @Test
  void theInnermostCauseOfTheFirstTraceWinsOverLaterCleanUpFailures() {
    List<String> log =
        List.of(
            "2026-12-07 13:57:49,280 ERROR org.apache.flink.table.gateway.SqlGateway - Failed",
            "org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to start.",
            "\tat org.apache.flink.table.gateway.SqlGateway.start(SqlGateway.java:76)",
            "Caused by: java.net.BindException: Could not start rest endpoint on any port",
            "\tat org.apache.flink.runtime.rest.RestServerEndpoint.start(RestServerEndpoint.java:291)",
            "\t... 7 more",
            "2026-12-07 13:57:49,292 ERROR org.apache.flink.table.gateway.SqlGateway - Ignore.",
            "java.lang.NullPointerException: Cannot invoke \"Scheduler.shutdown()\"",
            "\tat org.apache.flink.table.gateway.workflow.EmbeddedQuartzScheduler.stop(X.java:1)");

    assertThat(ClusterProcess.firstTraceCause(log))
        .contains("java.net.BindException: Could not start rest endpoint on any port");
  }

  @Test
  void aTraceWithoutCauseIsItsOwnCauseAndNoTraceIsNone() {
    assertThat(ClusterProcess.firstTraceCause(List.of("x", "java.lang.OutOfMemoryError: heap")))
        .contains("java.lang.OutOfMemoryError: heap");
    assertThat(ClusterProcess.firstTraceCause(List.of("INFO all is well"))).isEmpty();
  }
}
