package dev.streamwright.app.environments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.runtime.api.RemoteTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored secrets: AES-GCM under a private key file, bound to their field; and their resolution. */
class SecretBoxTest {

  private static final String SECRET = "s3cr3t-Kafka-pass-7f1c";

  @TempDir Path data;

  private Path keyFile() {
    return SecretBox.keyFileIn(data);
  }

  @Test
  void aSealedSecretOpensOnlyForItsOwnFieldAndHoldsNoTraceOfTheValue() {
    SecretBox box = SecretBox.at(keyFile());
    assertThat(keyFile()).as("created on first use only").doesNotExist();

    ConfigValue.Stored a = box.seal("prod", SecretField.KAFKA_PROPERTY, "sasl.jaas.config", SECRET);
    ConfigValue.Stored b = box.seal("prod", SecretField.KAFKA_PROPERTY, "sasl.jaas.config", SECRET);

    assertThat(a).isNotEqualTo(b); // a fresh nonce each time
    assertThat(a.sealed())
        .doesNotContain(SECRET)
        .doesNotContain(
            Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
    assertThat(box.open("prod", SecretField.KAFKA_PROPERTY, "sasl.jaas.config", a))
        .isEqualTo(SECRET);
    assertThat(
            SecretBox.at(keyFile()).open("prod", SecretField.KAFKA_PROPERTY, "sasl.jaas.config", b))
        .as("a new box on the same key file, as after a restart")
        .isEqualTo(SECRET);
    assertThatThrownBy(() -> box.open("prod", SecretField.HTTP_HEADER, "sasl.jaas.config", a))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("belongs to another field");
    assertThatThrownBy(() -> box.open("staging", SecretField.KAFKA_PROPERTY, "sasl.jaas.config", a))
        .isInstanceOf(EnvironmentException.class);
  }

  @Test
  void theKeyFileIsPrivateToItsOwner() throws Exception {
    SecretBox.at(keyFile()).seal("prod", SecretField.HTTP_HEADER, "Authorization", SECRET);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(keyFile())).startsWith("streamwright secret key v1\n");
    try (var files = Files.list(keyFile().getParent())) {
      assertThat(files).as("no temp file left").containsExactly(keyFile());
    }
  }

  @Test
  void aKeyFileOthersCanReadIsRefusedWithTheFix() throws Exception {
    ConfigValue.Stored s =
        SecretBox.at(keyFile()).seal("prod", SecretField.HTTP_HEADER, "Authorization", SECRET);
    Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(
            () -> SecretBox.at(keyFile()).open("prod", SecretField.HTTP_HEADER, "Authorization", s))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("can be read by other users (mode rw-r--r--)")
        .hasMessageContaining("chmod 600 " + keyFile());
  }

  @Test
  void aSecretFromAnotherKeyOrWithoutItsKeyIsNamedAsSuch() throws Exception {
    ConfigValue.Stored s =
        SecretBox.at(keyFile()).seal("prod", SecretField.HTTP_HEADER, "Authorization", SECRET);
    Path otherKey = data.resolve("other").resolve("secrets.key");
    SecretBox.at(otherKey).seal("x", SecretField.HTTP_HEADER, "X", "y");

    assertThatThrownBy(
            () -> SecretBox.at(otherKey).open("prod", SecretField.HTTP_HEADER, "Authorization", s))
        .hasMessageContaining("was encrypted with another key")
        .hasMessageContaining(
            "streamwright env add prod --replace ... --header-secret Authorization");
    Files.delete(keyFile());
    assertThatThrownBy(
            () -> SecretBox.at(keyFile()).open("prod", SecretField.HTTP_HEADER, "Authorization", s))
        .hasMessageContaining("the key file " + keyFile() + " is missing");
    assertThat(keyFile()).as("opening never creates a key").doesNotExist();
  }

  @Test
  void resolutionReadsVariablesAndDecryptsAndTheTargetMasksThem() {
    SecretBox box = SecretBox.at(keyFile());
    RemoteEnvironment env =
        RemoteEnvironment.builder("prod")
            .gatewayUrl("http://gw:8083")
            .restUrl("http://jm:8081")
            .kafkaProperty("security.protocol", new ConfigValue.Plain("SASL_SSL"))
            .kafkaProperty(
                "sasl.jaas.config",
                box.seal("prod", SecretField.KAFKA_PROPERTY, "sasl.jaas.config", SECRET))
            .header("Authorization", new ConfigValue.FromEnv("FLINK_TOKEN"))
            .build();

    RemoteTarget t =
        new EnvironmentResolver(box, Map.of("FLINK_TOKEN", "Bearer tok-9")::get).resolve(env);

    assertThat(t.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", SECRET);
    assertThat(t.httpHeaders()).containsEntry("Authorization", "Bearer tok-9");
    assertThat(t.toString()).doesNotContain(SECRET).doesNotContain("tok-9");
  }

  @Test
  void aMissingVariableNamesTheEnvironmentTheFieldAndTheVariable() {
    RemoteEnvironment env =
        RemoteEnvironment.builder("prod")
            .gatewayUrl("http://gw:8083")
            .restUrl("http://jm:8081")
            .header("Authorization", new ConfigValue.FromEnv("FLINK_TOKEN"))
            .build();

    assertThatThrownBy(
            () -> new EnvironmentResolver(SecretBox.at(keyFile()), v -> null).resolve(env))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("Environment 'prod'")
        .hasMessageContaining("header 'Authorization'")
        .hasMessageContaining("environment variable FLINK_TOKEN, which is not set")
        .hasMessageContaining("export FLINK_TOKEN=");
  }
}
