package dev.streamwright.monitor;

import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterExtension;
import dev.streamwright.runtime.gateway.GatewayRuntime;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor's end-to-end test once against a remote cluster: the dev cluster (JobManager,
 * TaskManager and SQL Gateway in child JVMs), reached only over its REST API and SQL Gateway, as a
 * user's cluster would be.
 */
@ExtendWith(DevClusterExtension.class)
class MonitorDevClusterIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @Test
  void figuresOfAPipelineOnTheDevClusterAgreeWithWhatTheTopicsHold(DevCluster cluster)
      throws Exception {
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
    try (GatewayRuntime runtime = new GatewayRuntime(target)) {
      MonitorIT.figuresAgree(runtime, KAFKA, "remote");
    }
  }
}
