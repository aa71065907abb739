package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.devcluster.ClusterProcess;
import dev.streamwright.runtime.devcluster.DevClusterState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamwright env add|list|remove|test} in-process. The remote runtime is built separately,
 * so {@code env test} runs here against {@link FakeRemoteRuntimeFactory}, handed to the command
 * instead of found on the class path.
 */
class EnvCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private EnvCli cli;

  @BeforeEach
  void cli() {
    cli = new EnvCli(data);
  }

  private Result addProd() {
    cli.stdin = "jaas-value-1\nBearer header-value-2\n";
    return cli.run(
        "env",
        "add",
        "prod",
        "--gateway",
        "https://gw.example.com:8083",
        "--rest",
        "https://jm.example.com:8081",
        "--kafka",
        "kafka-1:9093",
        "--kafka-property",
        "security.protocol=SASL_SSL",
        "--kafka-secret",
        "sasl.jaas.config",
        "--header-secret",
        "Authorization",
        "--client-option",
        "security.ssl.rest.truststore-password=${env:TRUST_PASS}",
        "--jar",
        "s3://bucket/onnx.jar",
        "--parallelism",
        "4",
        "--savepoint-dir",
        "s3://bucket/sp");
  }

  @Test
  void addThenListShowsEveryFieldWithSecretsMasked() throws Exception {
    Result add = addProd();

    assertThat(add.exitCode()).as(add.all()).isZero();
    assertThat(add.err())
        .contains("Added the environment 'prod' with 2 secrets stored encrypted")
        .contains("streamwright env test prod");

    Result list = cli.run("env", "list");
    assertThat(list.exitCode()).as(list.all()).isZero();
    assertThat(list.out())
        .containsPattern("embedded +\\(in this process\\)")
        .containsPattern(
            "prod +https://gw.example.com:8083 +https://jm.example.com:8081 +kafka-1:9093 +4")
        .contains("Kafka property  sasl.jaas.config = (secret)")
        .contains("Kafka property  security.protocol = SASL_SSL")
        .contains("header          Authorization: (secret)")
        .contains("client option   security.ssl.rest.truststore-password = ${env:TRUST_PASS}")
        .contains("jar             s3://bucket/onnx.jar")
        .doesNotContain("jaas-value-1")
        .doesNotContain("header-value-2");

    Result json = cli.run("env", "list", "--format", "json");
    JsonNode all = JSON.readTree(json.out());
    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("name").asText()).isEqualTo("embedded");
    JsonNode prod = all.get(1);
    assertThat(prod.get("kafkaProperties").get("sasl.jaas.config").asText()).isEqualTo("(secret)");
    assertThat(prod.get("httpHeaders").get("Authorization").asText()).isEqualTo("(secret)");
    assertThat(prod.get("parallelism").asInt()).isEqualTo(4);
  }

  @Test
  void aPlainSecretIsRefusedWithoutEchoAndNothingIsSaved() {
    Result r =
        cli.run(
            "env",
            "add",
            "prod",
            "--gateway",
            "http://gw:8083",
            "--rest",
            "http://jm:8081",
            "--header",
            "Authorization=Bearer plain-token-3");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("header 'Authorization' holds a secret")
        .contains("--header-secret Authorization")
        .doesNotContain("plain-token-3");
    assertThat(cli.run("env", "list").out()).doesNotContain("prod");
  }

  @Test
  void badFieldsAreAllNamedBeforeAnySecretIsAskedFor() {
    cli.stdin = "";
    Result r =
        cli.run(
            "env",
            "add",
            "Prod",
            "--gateway",
            "gw:8083",
            "--parallelism",
            "-2",
            "--kafka-secret",
            "sasl.jaas.config");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("'Prod' is not a valid environment name")
        .contains("must start with http:// or https://")
        .contains("Flink REST URL (--rest) is missing")
        .contains("Parallelism -2 is out of range")
        .doesNotContain("No value was given");
  }

  @Test
  void aMissingSecretOnStandardInputSavesNothing() {
    cli.stdin = "";
    Result r =
        cli.run(
            "env",
            "add",
            "prod",
            "--gateway",
            "http://gw:8083",
            "--rest",
            "http://jm:8081",
            "--kafka-secret",
            "sasl.jaas.config");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("No value was given for the Kafka property 'sasl.jaas.config'");
    assertThat(cli.run("env", "list").out()).doesNotContain("prod");
  }

  @Test
  void aTakenNameIsRefusedUnlessReplaced() {
    assertThat(addProd().exitCode()).isZero();

    Result again = addProd();
    assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("already an environment named 'prod'");

    Result replaced =
        cli.run(
            "env",
            "add",
            "prod",
            "--replace",
            "--gateway",
            "http://gw2:8083",
            "--rest",
            "http://jm2:8081");
    assertThat(replaced.exitCode()).as(replaced.all()).isZero();
    assertThat(cli.run("env", "list").out()).contains("http://gw2:8083").doesNotContain("(secret)");
  }

  @Test
  void removeForgetsARemoteEnvironmentButNotEmbedded() {
    addProd();

    assertThat(cli.run("env", "remove", "embedded").err()).contains("always there");
    Result unknown = cli.run("env", "remove", "staging");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("no environment 'staging'").contains("embedded, prod");
    Result r = cli.run("env", "remove", "prod");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(cli.run("env", "list").out()).doesNotContain("prod");
  }

  @Test
  void testPrintsEachCheckWithResolvedSecretsAndExitsByTheOutcome() {
    addProd();
    cli.variables.put("TRUST_PASS", "trust-pass-4");
    FakeRemoteRuntimeFactory fake =
        new FakeRemoteRuntimeFactory(
            t ->
                new EnvironmentCheck(
                    List.of(
                        new EnvironmentCheck.Item("SQL Gateway", true, t.gatewayUrl() + " answers"),
                        new EnvironmentCheck.Item("Flink version", true, "2.2.0"))));
    cli.factory = Optional.of(fake);

    Result ok = cli.run("env", "test", "prod");

    assertThat(ok.exitCode()).as(ok.all()).isZero();
    assertThat(ok.out())
        .contains("ok    SQL Gateway      https://gw.example.com:8083 answers")
        .contains("ok    Flink version    2.2.0");
    assertThat(ok.err()).contains("'prod' is ready");
    RemoteTarget target = fake.checked.get(0);
    assertThat(target.kafkaProperties()).containsEntry("sasl.jaas.config", "jaas-value-1");
    assertThat(target.httpHeaders()).containsEntry("Authorization", "Bearer header-value-2");
    assertThat(target.clientOptions())
        .containsEntry("security.ssl.rest.truststore-password", "trust-pass-4");

    cli.factory =
        Optional.of(
            new FakeRemoteRuntimeFactory(
                t ->
                    new EnvironmentCheck(
                        List.of(
                            new EnvironmentCheck.Item(
                                "SQL Gateway", false, "connection refused; is it running?")))));
    Result failed = cli.run("env", "test", "prod");
    assertThat(failed.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(failed.out()).contains("FAIL  SQL Gateway      connection refused");
    assertThat(failed.err()).contains("'prod' is not ready");
  }

  @Test
  void testNamesAnUnsetVariableAndAMissingRuntime() {
    addProd();
    cli.factory = Optional.of(new FakeRemoteRuntimeFactory(t -> new EnvironmentCheck(List.of())));

    Result unset = cli.run("env", "test", "prod");
    assertThat(unset.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(unset.out())
        .contains("FAIL  secrets")
        .contains("client option 'security.ssl.rest.truststore-password'")
        .contains("TRUST_PASS, which is not set");

    cli.variables.put("TRUST_PASS", "x");
    cli.factory = Optional.empty();
    Result none = cli.run("env", "test", "prod");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(none.out()).contains("no remote runtime on its class path");

    Result embedded = cli.run("env", "test", "embedded");
    assertThat(embedded.exitCode()).isZero();
    assertThat(cli.run("env", "test", "nope").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void changesAreRefusedWhileAnotherStreamwrightHoldsTheWorkspaceButListWorks() {
    addProd();
    try (Workspace studio = Workspace.open(data.resolve("workspace"), OpenMode.READ_WRITE)) {
      Result r = cli.run("env", "remove", "prod");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
      assertThat(r.err()).contains("is open in another Streamwright");
      assertThat(cli.run("env", "list").out()).contains("prod");
    }
  }

  @Test
  void theWorkspaceOptionPicksAnotherWorkspace() {
    Path other = data.resolve("other-ws");
    Result r =
        cli.run(
            "env",
            "add",
            "side",
            "--workspace",
            other.toString(),
            "--gateway",
            "http://g:1",
            "--rest",
            "http://r:2");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(cli.run("env", "list", "--workspace", other.toString()).out()).contains("side");
    assertThat(cli.run("env", "list").out()).doesNotContain("side");
  }

  @Test
  void theDevClusterIsRegisteredRefreshedAndTestedForRunning() {
    Path folder = data.resolve("dev-cluster");
    DevClusterState first = state(folder, 8081, 8083);
    DevClusterCommand command = new DevClusterCommand(context());
    StringWriter err = new StringWriter();

    command.register(first, null, new PrintWriter(err, true));
    assertThat(err.toString()).contains("Registered it as the environment 'dev-cluster'");
    // The user adds the sandbox's brokers; a restart on new ports keeps them.
    try (Workspace w = Workspace.open(data.resolve("workspace"), OpenMode.READ_WRITE)) {
      WorkspaceEnvironments envs = WorkspaceEnvironments.of(w);
      envs.put(
          envs.get("dev-cluster").orElseThrow().toBuilder()
              .kafkaBootstrapServers("127.0.0.1:9092")
              .build());
    }
    command.register(state(folder, 9081, 9083), null, new PrintWriter(err, true));

    Result list = cli.run("env", "list");
    assertThat(list.out())
        .containsPattern(
            "dev-cluster +http://127.0.0.1:9083 +http://127.0.0.1:9081 +127.0.0.1:9092")
        .contains("savepoints      " + folder.resolve("savepoints").toUri());
    cli.factory = Optional.of(new FakeRemoteRuntimeFactory(t -> new EnvironmentCheck(List.of())));
    Result test = cli.run("env", "test", "dev-cluster");
    assertThat(test.exitCode()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    assertThat(test.out())
        .contains(
            "FAIL  dev cluster      not running; start it with: streamwright dev-cluster start");
  }

  private CliContext context() {
    return new CliContext(
        cli.folders(),
        () -> {
          throw new AssertionError();
        },
        new dev.streamwright.app.process.ExitActions());
  }

  private static DevClusterState state(Path folder, int rest, int gateway) {
    Instant t = Instant.parse("2026-12-07T10:00:00Z");
    return new DevClusterState(
        folder,
        URI.create("http://127.0.0.1:" + rest),
        URI.create("http://127.0.0.1:" + gateway),
        6123,
        t,
        List.of(
            new ClusterProcess(ClusterProcess.Role.JOB_MANAGER, 1, t, folder.resolve("a.args"))));
  }
}
