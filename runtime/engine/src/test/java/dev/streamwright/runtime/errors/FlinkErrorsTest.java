package dev.streamwright.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.connectors.ConnectorTable;
import dev.streamwright.runtime.connectors.ConnectorTables;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.SerializedThrowable;
import org.junit.jupiter.api.Test;

class FlinkErrorsTest {

  @Test
  void rootMessageIsTheInnermostWithoutPlannerPrefixes() {
    Exception inner = new IllegalStateException("Column 'x' not found in any table");
    Exception middle =
        new RuntimeException(
            "From line 1, column 8 to line 1, column 8: Column 'x' not found in any table", inner);
    Exception outer = new RuntimeException("SQL validation failed. From line 1 ...", middle);

    assertThat(FlinkErrors.rootMessage(outer)).isEqualTo("Column 'x' not found in any table");
  }

  @Test
  void listsAfterAColonFoldOntoOneLine() {
    String flink =
        "Could not find any factory for identifier 'nope' that implements"
            + " 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.\n\n"
            + "Available factory identifiers are:\n\nblackhole\ndatagen\nprint";

    assertThat(FlinkErrors.clean(flink))
        .isEqualTo(
            "Could not find any factory for identifier 'nope' that implements"
                + " 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath."
                + " Available factory identifiers are: blackhole, datagen, print");
  }

  @Test
  void parserErrorsNameTheTokenWithoutTheExpectedTokenList() {
    String flink =
        "SQL parse failed. Encountered \"FORM\" at line 1, column 10.\nWas expecting one of:\n"
            + "    <EOF>\n    \"FROM\" ...";

    assertThat(FlinkErrors.clean(flink)).isEqualTo("SQL syntax error at \"FORM\".");
  }

  @Test
  void jobFailureNamesTheRuntimeErrorKind() {
    Throwable failure =
        new SerializedThrowable(
            new RuntimeException(
                "org.apache.flink.runtime.JobException: Recovery is suppressed",
                new NumberFormatException("For input string: 'x1'")));

    assertThat(FlinkErrors.jobFailure(failure))
        .isEqualTo("For input string: 'x1' (NumberFormatException)");
  }

  private static final ConnectorTables KAFKA =
      ConnectorTables.of(
          List.of(
              new ConnectorTable(
                  "orders",
                  "`orders`",
                  false,
                  Map.of(
                      "connector", "kafka",
                      "topic", "orders",
                      "properties.bootstrap.servers", "127.0.0.1:9092")),
              new ConnectorTable(
                  "alerts",
                  "`alerts`",
                  true,
                  Map.of(
                      "connector", "kafka",
                      "topic", "alerts",
                      "properties.bootstrap.servers", "127.0.0.1:9092"))));

  @Test
  void aMissingTopicFailureNamesTheNodeAndTheTopic() {
    Throwable failure =
        new SerializedThrowable(
            new RuntimeException(
                "Global failure triggered by OperatorCoordinator",
                new RuntimeException(
                    "Failed to get metadata for topics [orders].",
                    new java.util.concurrent.ExecutionException(
                        new org.apache.kafka.common.errors.UnknownTopicOrPartitionException(
                            "This server does not host this topic-partition.")))));

    assertThat(FlinkErrors.jobFailure(failure, KAFKA))
        .isEqualTo(
            "node 'orders', property 'topic': topic 'orders' does not exist on 127.0.0.1:9092;"
                + " create it or correct the name");
  }

  @Test
  void aFailureNamingASinkTopicIsPinnedToTheSink() {
    Throwable failure =
        new RuntimeException(
            "Recovery is suppressed",
            new IllegalStateException("Expiring 4 record(s) for alerts-0:120001 ms has passed"));

    assertThat(FlinkErrors.jobFailure(failure, KAFKA))
        .startsWith("node 'alerts', property 'topic': topic 'alerts' on 127.0.0.1:9092: ")
        .endsWith("(IllegalStateException)");
  }

  @Test
  void aFailureNamingNoKafkaNodeIsLeftAsItIs() {
    Throwable failure = new NumberFormatException("For input string: 'x1'");

    assertThat(FlinkErrors.jobFailure(failure, KAFKA))
        .isEqualTo(FlinkErrors.jobFailure(failure))
        .isEqualTo("For input string: 'x1' (NumberFormatException)");
    assertThat(FlinkErrors.jobFailure(failure, ConnectorTables.NONE))
        .isEqualTo(FlinkErrors.jobFailure(failure));
  }
}
