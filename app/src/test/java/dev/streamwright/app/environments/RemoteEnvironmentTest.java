package dev.streamwright.app.environments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Building and checking a remote environment: every field's problems, worded and all at once. */
class RemoteEnvironmentTest {

  private static RemoteEnvironmentBuilder valid(String name) {
    return RemoteEnvironment.builder(name)
        .gatewayUrl("https://gw.example.com:8083")
        .restUrl("https://jm.example.com:8081");
  }

  @Test
  void aCompleteEnvironmentKeepsEveryField() {
    RemoteEnvironment e =
        valid("prod-eu")
            .kafkaBootstrapServers("kafka-1:9093,kafka-2:9093")
            .kafkaProperty("security.protocol", new ConfigValue.Plain("SASL_SSL"))
            .kafkaProperty("sasl.jaas.config", new ConfigValue.FromEnv("KAFKA_JAAS"))
            .jar("s3://bucket/jars/streamwright-onnx.jar")
            .jar("/opt/flink/usrlib/flink-sql-connector-kafka.jar")
            .parallelism(4)
            .savepointDir("s3://bucket/savepoints")
            .header("Authorization", new ConfigValue.Stored("v1.abcd.xyz"))
            .clientOption("security.ssl.rest.enabled", new ConfigValue.Plain("true"))
            .build();

    assertThat(e.gatewayUrl()).isEqualTo(URI.create("https://gw.example.com:8083"));
    assertThat(e.kafkaProperties()).containsOnlyKeys("sasl.jaas.config", "security.protocol");
    assertThat(e.jars()).hasSize(2);
    assertThat(e.parallelism()).isEqualTo(4);
    assertThat(e.storedSecretCount()).isEqualTo(1);
    assertThat(e.toBuilder().build()).isEqualTo(e);
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsFieldAndFix() {
    assertThatThrownBy(
            () ->
                RemoteEnvironment.builder("Prod EU")
                    .gatewayUrl("gw.example.com:8083")
                    .restUrl("")
                    .kafkaBootstrapServers("kafka-1")
                    .parallelism(-1)
                    .savepointDir("savepoints")
                    .jar("connector.jar")
                    .build())
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("'Prod EU' is not a valid environment name")
        .hasMessageContaining("must start with http:// or https://")
        .hasMessageContaining("Flink REST URL (--rest) is missing")
        .hasMessageContaining("Kafka broker 'kafka-1' is not host:port")
        .hasMessageContaining("Parallelism -1 is out of range")
        .hasMessageContaining("Savepoint folder 'savepoints' is neither a URI nor an absolute path")
        .hasMessageContaining("Jar 'connector.jar' is a relative path");
  }

  @Test
  void embeddedCannotBeAddedAndNamesFollowOneRule() {
    assertThat(EnvironmentNames.problem("embedded")).get().asString().contains("always there");
    assertThat(EnvironmentNames.problem("prod-eu")).isEmpty();
    assertThat(EnvironmentNames.problem("dev-")).isPresent();
    assertThat(EnvironmentNames.problem("1st")).isPresent();
    assertThat(EnvironmentNames.problem("a".repeat(64))).isPresent();
  }

  @Test
  void urlsWithCredentialsAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(
            () -> valid("p").gatewayUrl("https://admin:hunter2@gw.example.com:8083").build())
        .hasMessageContaining("carries a user name or password")
        .hasMessageContaining("--header-secret Authorization")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void theGatewayAndRestUrlMustDiffer() {
    assertThatThrownBy(
            () -> valid("p").gatewayUrl("http://h:8081").restUrl("http://h:8081").build())
        .hasMessageContaining("two services on two ports");
  }

  @Test
  void plainSecretsAreRefusedNamingTheTwoWaysToGiveThem() {
    assertThatThrownBy(
            () ->
                valid("p")
                    .kafkaProperty(
                        "sasl.jaas.config", new ConfigValue.Plain("password=\"tiger-secret-1\""))
                    .build())
        .hasMessageContaining("Kafka property 'sasl.jaas.config' holds a secret")
        .hasMessageContaining("--kafka-property 'sasl.jaas.config=${env:NAME}'")
        .hasMessageContaining("--kafka-secret sasl.jaas.config")
        .message()
        .doesNotContain("tiger-secret-1");
    assertThatThrownBy(
            () -> valid("p").header("Authorization", new ConfigValue.Plain("Bearer x")).build())
        .hasMessageContaining("header 'Authorization' holds a secret");
    assertThatThrownBy(
            () ->
                valid("p")
                    .clientOption(
                        "security.ssl.rest.truststore-password", new ConfigValue.Plain("x"))
                    .build())
        .hasMessageContaining("--client-secret security.ssl.rest.truststore-password");
  }

  @Test
  void whichKeysHoldSecrets() {
    assertThat(SecretField.KAFKA_PROPERTY.isSecret("sasl.jaas.config")).isTrue();
    assertThat(SecretField.KAFKA_PROPERTY.isSecret("ssl.truststore.password")).isTrue();
    assertThat(SecretField.KAFKA_PROPERTY.isSecret("ssl.keystore.key")).isTrue();
    assertThat(SecretField.KAFKA_PROPERTY.isSecret("security.protocol")).isFalse();
    assertThat(SecretField.KAFKA_PROPERTY.isSecret("sasl.mechanism")).isFalse();
    assertThat(SecretField.HTTP_HEADER.isSecret("Authorization")).isTrue();
    assertThat(SecretField.HTTP_HEADER.isSecret("X-Api-Key")).isTrue();
    assertThat(SecretField.HTTP_HEADER.isSecret("X-Tenant")).isFalse();
    assertThat(SecretField.CLIENT_OPTION.isSecret("security.ssl.rest.keystore-password")).isTrue();
    assertThat(SecretField.CLIENT_OPTION.isSecret("security.ssl.rest.truststore")).isFalse();
  }

  @Test
  void anEmptyValueHintsAtTheShellHavingEatenAReference() {
    assertThatThrownBy(() -> valid("p").header("X-Tenant", ConfigValue.parse("")).build())
        .hasMessageContaining("your shell replaced it with nothing")
        .hasMessageContaining("--header 'X-Tenant=${env:NAME}'");
  }

  @Test
  void keysAreCheckedAndGivenOnce() {
    assertThatThrownBy(
            () ->
                valid("p")
                    .kafkaProperty("properties.security.protocol", new ConfigValue.Plain("SSL"))
                    .kafkaProperty("bootstrap.servers", new ConfigValue.Plain("k:9092"))
                    .header("X-A", new ConfigValue.Plain("1"))
                    .header("x-a", new ConfigValue.Plain("2"))
                    .header("Bad Header", new ConfigValue.Plain("1"))
                    .build())
        .hasMessageContaining("give the Kafka client's own name, 'security.protocol'")
        .hasMessageContaining("Give the Kafka brokers with --kafka")
        .hasMessageContaining("header 'x-a' is given twice")
        .hasMessageContaining("'Bad Header' is not a valid name");
  }

  @Test
  void valuesParseAsReferencesOrPlainText() {
    assertThat(ConfigValue.parse("${env:FLINK_TOKEN}"))
        .isEqualTo(new ConfigValue.FromEnv("FLINK_TOKEN"));
    assertThat(ConfigValue.parse("SASL_SSL")).isEqualTo(new ConfigValue.Plain("SASL_SSL"));
    assertThatThrownBy(() -> ConfigValue.parse("Bearer ${env:TOKEN}"))
        .hasMessageContaining("write the whole value as ${env:NAME}");
    assertThat(new ConfigValue.Stored("v1.x.y").shown()).isEqualTo("(secret)");
    assertThat(new ConfigValue.Stored("v1.x.y").toString()).doesNotContain("v1.x.y");
  }
}
