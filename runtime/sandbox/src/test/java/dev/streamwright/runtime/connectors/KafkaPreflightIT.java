package dev.streamwright.runtime.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.sandbox.KafkaBrokerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The checks before a run, against a real broker and a port where none listens. */
class KafkaPreflightIT {

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static ConnectorTables tables(Node source, Node sink) {
    return ConnectorTables.of(TestPipelines.compile(TestPipelines.sourceTo(source, sink)));
  }

  private static Node source(String bootstrap, String topic) {
    return TestPipelines.source("orders", bootstrap, topic, Map.of());
  }

  private static Node sink(String bootstrap, String topic) {
    return TestPipelines.sink("alerts", bootstrap, topic, "at-least-once");
  }

  /** A port on loopback where nothing listens (it was free a moment ago). */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void reachableBrokersWithTheirTopicsPass() {
    KAFKA.broker().createTopics(Map.of("pf-orders", 1, "pf-alerts", 1));
    String kafka = KAFKA.bootstrapServers();

    assertThat(
            new KafkaPreflight()
                .check(tables(source(kafka, "pf-orders"), sink(kafka, "pf-alerts"))))
        .isEmpty();
  }

  @Test
  void aPortWhereNoBrokerListensFailsEveryKafkaNodeWithinSeconds() throws Exception {
    String nowhere = "127.0.0.1:" + closedPort();
    Set<Thread> before = Threads.now();

    long started = System.nanoTime();
    List<Problem> problems =
        new KafkaPreflight().check(tables(source(nowhere, "orders"), sink(nowhere, "alerts")));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(problems)
        .extracting(Problem::nodeId, Problem::property, Problem::isError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("orders", "bootstrapServers", true),
            org.assertj.core.groups.Tuple.tuple("alerts", "bootstrapServers", true));
    assertThat(problems.get(0).message())
        .isEqualTo(
            "cannot reach Kafka at "
                + nowhere
                + " (connection refused: nothing listens on port "
                + nowhere.substring(nowhere.indexOf(':') + 1)
                + "); check the address and that the brokers run");
    assertThat(Threads.leftSince(before, Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void anUnknownHostOrAnAddressWithoutPortIsNamed() {
    List<Problem> problems =
        new KafkaPreflight()
            .check(
                tables(source("no-such-host.invalid:9092", "orders"), sink("localhost", "alerts")));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).message())
        .contains("the host name 'no-such-host.invalid' is unknown");
    assertThat(problems.get(1).message()).contains("'localhost' is not host:port");
  }

  @Test
  void aMissingSourceTopicIsAnErrorOnItsTopicWithTheClosestName() throws Exception {
    KAFKA.broker().createTopics(Map.of("transactions", 1, "pf-sink", 1));
    String kafka = KAFKA.bootstrapServers();
    Set<Thread> before = Threads.now();

    List<Problem> problems =
        new KafkaPreflight().check(tables(source(kafka, "transaction"), sink(kafka, "pf-sink")));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isTrue();
              assertThat(p.nodeId()).isEqualTo("orders");
              assertThat(p.property()).isEqualTo("topic");
              assertThat(p.message())
                  .isEqualTo(
                      "topic 'transaction' does not exist on "
                          + kafka
                          + "; did you mean 'transactions'? Else create it");
            });
    assertThat(Threads.leftSince(before, Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void aMissingSinkTopicIsAnErrorWhenTheBrokerDoesNotCreateTopics() {
    KAFKA.broker().createTopics(Map.of("pf-source", 1));
    String kafka = KAFKA.bootstrapServers();

    List<Problem> problems =
        new KafkaPreflight().check(tables(source(kafka, "pf-source"), sink(kafka, "pf-nowhere")));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isTrue();
              assertThat(p.nodeId()).isEqualTo("alerts");
              assertThat(p.property()).isEqualTo("topic");
              assertThat(p.message())
                  .isEqualTo(
                      "topic 'pf-nowhere' does not exist on "
                          + kafka
                          + " and the broker does not create topics"
                          + " (auto.create.topics.enable=false); create it or correct the name");
            });
  }

  @Test
  void theNodesOwnClientSecurityOptionsAreUsed() {
    KAFKA.broker().createTopics(Map.of("pf-secure", 1));
    String kafka = KAFKA.bootstrapServers();
    // The broker's listener is plain text: a client that insists on TLS gets no Kafka answer.
    Node tls =
        TestPipelines.source(
            "orders", kafka, "pf-secure", Map.of("properties.security.protocol", "SSL"));

    List<Problem> problems =
        new KafkaPreflight(Duration.ofSeconds(2))
            .check(ConnectorTables.of(TestPipelines.compile(TestPipelines.sourceToPreview(tls))));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.property()).isEqualTo("bootstrapServers");
              assertThat(p.message())
                  .startsWith("Kafka at " + kafka + " accepts connections but did not answer")
                  .contains("properties.security.protocol");
            });
  }

  @Test
  void aPipelineWithoutKafkaNodesNeedsNoCheck() {
    assertThat(new KafkaPreflight().check(ConnectorTables.NONE)).isEmpty();
  }
}
