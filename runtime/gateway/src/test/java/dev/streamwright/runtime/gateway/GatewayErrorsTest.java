package dev.streamwright.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gateway's stack-trace text becomes one sentence, with the fix for a missing connector. */
class GatewayErrorsTest {

  /** Abridged from what the dev cluster's gateway answers for a pipeline without the connector. */
  private static final String MISSING_KAFKA =
      "[Internal server error., <Exception on server side:\n"
          + "org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.\n"
          + "\tat org.apache.flink.table.gateway.rest.handler.statement.FetchResultsHandler.handleRequest(FetchResultsHandler.java:91)\n"
          + "Caused by: org.apache.flink.table.api.ValidationException: Unable to create a sink for"
          + " writing table 'default_catalog.default_database.orders_out'.\n"
          + "\n"
          + "Table options are:\n"
          + "\n"
          + "'connector'='kafka'\n"
          + "\tat org.apache.flink.table.factories.FactoryUtil.createDynamicTableSink(FactoryUtil.java:1)\n"
          + "Caused by: org.apache.flink.table.api.ValidationException: Could not find any factory"
          + " for identifier 'kafka' that implements"
          + " 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.\n"
          + "\n"
          + "Available factory identifiers are:\n"
          + "\n"
          + "blackhole\n"
          + "datagen\n"
          + "\tat org.apache.flink.table.factories.FactoryUtil.discoverFactory(FactoryUtil.java:1)\n"
          + "\t... 40 more\n"
          + "\n"
          + "End of exception on server side>]";

  @Test
  void aMissingKafkaConnectorSaysWhichJarToAdd() {
    String message = GatewayErrors.rootMessage(MISSING_KAFKA);

    assertThat(message)
        .startsWith("Could not find any factory for identifier 'kafka'")
        .contains("blackhole, datagen")
        .contains("add the flink-sql-connector-kafka jar")
        .contains("ADD JAR")
        .doesNotContain("\tat ")
        .doesNotContain("End of exception");
  }

  @Test
  void theCausesAreReadOutermostFirst() {
    assertThat(GatewayErrors.causes(MISSING_KAFKA))
        .hasSize(3)
        .satisfies(c -> assertThat(c.get(0)).contains("Failed to fetchResults"))
        .satisfies(
            c -> assertThat(c.get(1)).contains("orders_out").contains("'connector'='kafka'"));
  }

  @Test
  void aTextWithoutATraceIsCleanedAsItIs() {
    assertThat(GatewayErrors.rootMessage("[Not found: /v1/jobs/overview]"))
        .isEqualTo("[Not found: /v1/jobs/overview]");
  }

  @Test
  void jobNamesCarryTheDeploymentAndParseBack() {
    String name = JobNames.name("streamwright-orders", "3f2a-11", "orders", 4);

    assertThat(name)
        .isEqualTo(
            "streamwright-orders [streamwright deployment=3f2a-11 pipeline=orders version=4]");
    assertThat(JobNames.parse(name)).contains(new JobNames.Mark("3f2a-11", "orders", 4));
    assertThat(JobNames.parse("insert-into_default_catalog.default_database.x"))
        .isEqualTo(Optional.empty());
    assertThat(JobNames.parse(JobNames.name("my job", "id 1", "a]b", 1)))
        .contains(new JobNames.Mark("id_1", "a_b", 1));
  }

  @Test
  void theFlinkVersionIsComparedByMajorAndMinor() {
    assertThat(TargetCheck.majorMinor("2.2.0")).isEqualTo("2.2");
    assertThat(TargetCheck.majorMinor("2.2.1-SNAPSHOT")).isEqualTo("2.2");
    assertThat(TargetCheck.majorMinor("1.20.1")).isEqualTo("1.20");
  }
}
