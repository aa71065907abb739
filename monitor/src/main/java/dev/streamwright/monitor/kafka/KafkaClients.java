package dev.streamwright.monitor.kafka;

import dev.streamwright.monitor.figures.Unreachable;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;

/** The client settings and failure messages the Kafka collectors share. */
final class KafkaClients {

  private static final AtomicInteger IDS = new AtomicInteger();

  private KafkaClients() {}

  /**
   * The brokers and the pipeline's client settings (security), with a client id of the monitor and
   * no metric reporter.
   */
  static Properties properties(
      String bootstrapServers, Map<String, String> clientProperties, String role) {
    Properties p = new Properties();
    // No JMX: a monitor makes new clients for every deployment it watches, and registering every
    // client metric as an MBean costs CPU that nobody reads.
    p.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, "");
    clientProperties.forEach(p::put);
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(
        CommonClientConfigs.CLIENT_ID_CONFIG,
        "streamwright-monitor-" + role + "-" + IDS.incrementAndGet());
    return p;
  }

  /** A failure of a call to the brokers in words: names the brokers, says what to check. */
  static Unreachable unreachable(String bootstrapServers, Duration timeout, Throwable e) {
    Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    String at = "Kafka at " + bootstrapServers;
    if (t instanceof TimeoutException || t instanceof java.util.concurrent.TimeoutException) {
      return new Unreachable(
          at + " did not answer within " + timeout.toSeconds() + " s: are the brokers up?", e);
    }
    if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
      return new Unreachable(
          at
              + " refused the monitor: "
              + t.getMessage()
              + " (check the environment's Kafka"
              + " security settings)",
          e);
    }
    String m = t.getMessage();
    return new Unreachable(
        at + " failed: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : m), e);
  }
}
