package dev.streamwright.app.cli;

import dev.streamwright.app.environments.ConfigValue;
import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.environments.RemoteEnvironmentBuilder;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.environments.SecretField;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright env add NAME --gateway URL --rest URL [...]}. Every field has an option.
 * Secret-bearing values ({@code --kafka-property}, {@code --header}, {@code --client-option}) take
 * plain text only for keys that hold no secret; a secret is given as {@code '${env:NAME}'} (read
 * from that variable at each use) or stored encrypted with the matching {@code --*-secret KEY},
 * which asks for the value on the console without echo, or reads one line per secret from standard
 * input. Everything is checked before anything is saved; a secret is never printed.
 */
@Command(
    name = "add",
    description = {
      "Add a remote environment: a Flink session cluster reached through its SQL Gateway.",
      "Secrets: --kafka-property/--header/--client-option take '${env:NAME}' (single quotes, so"
          + " the shell leaves it alone) to read an environment variable at each use; --kafka-secret,"
          + " --header-secret and --client-secret KEY store a value encrypted in the workspace,"
          + " asked for without echo (or read from standard input, one line per secret, in the"
          + " order given)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:added",
      "2:a field is invalid, the name is taken, or a secret was not given",
      "3:the workspace cannot be changed"
    })
final class EnvAddCommand implements Callable<Integer> {

  @ParentCommand private EnvCommand parent;
  @Spec private CommandSpec spec;
  @Mixin private EnvCommand.WorkspaceOption workspace = new EnvCommand.WorkspaceOption();

  @Parameters(index = "0", paramLabel = "NAME", description = "The name, e.g. prod-eu.")
  private String name;

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      description = "The SQL Gateway's URL, e.g. http://flink-gateway:8083.")
  private String gateway;

  @Option(
      names = "--rest",
      paramLabel = "URL",
      description = "The Flink REST URL (JobManager), e.g. http://flink-jobmanager:8081.")
  private String rest;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT,...",
      description = "The Kafka brokers the pipelines' Kafka nodes use on that cluster.")
  private String kafka;

  @Option(
      names = "--kafka-property",
      paramLabel = "KEY=VALUE",
      description =
          "A Kafka client property (without 'properties.'), e.g. security.protocol=SASL_SSL;"
              + " secrets as KEY='${env:NAME}'. Repeatable.")
  private List<String> kafkaProperties = new ArrayList<>();

  @Option(
      names = "--kafka-secret",
      paramLabel = "KEY",
      description = "A Kafka property whose value is asked for and stored encrypted. Repeatable.")
  private List<String> kafkaSecrets = new ArrayList<>();

  @Option(
      names = "--jar",
      paramLabel = "URI",
      description = "A jar the session loads with ADD JAR (absolute path or URI). Repeatable.")
  private List<String> jars = new ArrayList<>();

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "Default parallelism of deployed jobs; 0 (default) keeps the cluster's.")
  private int parallelism;

  @Option(
      names = "--savepoint-dir",
      paramLabel = "URI",
      description = "Where savepoints go, e.g. s3://bucket/savepoints (default: the cluster's).")
  private String savepointDir;

  @Option(
      names = "--header",
      paramLabel = "NAME=VALUE",
      description =
          "An HTTP header for the gateway and REST API, e.g. Authorization='${env:FLINK_TOKEN}'."
              + " Repeatable.")
  private List<String> headers = new ArrayList<>();

  @Option(
      names = "--header-secret",
      paramLabel = "NAME",
      description = "A header whose value is asked for and stored encrypted. Repeatable.")
  private List<String> headerSecrets = new ArrayList<>();

  @Option(
      names = "--client-option",
      paramLabel = "KEY=VALUE",
      description =
          "A Flink REST client option, e.g. TLS: security.ssl.rest.enabled=true,"
              + " security.ssl.rest.truststore=/etc/flink/truststore.jks. Repeatable.")
  private List<String> clientOptions = new ArrayList<>();

  @Option(
      names = "--client-secret",
      paramLabel = "KEY",
      description =
          "A client option whose value is asked for and stored encrypted, e.g."
              + " security.ssl.rest.truststore-password. Repeatable.")
  private List<String> clientSecrets = new ArrayList<>();

  @Option(
      names = "--replace",
      description = "Replace an environment of that name (give every field again).")
  private boolean replace;

  @Mixin private HelpOption help = new HelpOption();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return parent.withWorkspace(
        workspace,
        OpenMode.READ_WRITE,
        err,
        w -> {
          WorkspaceEnvironments envs = WorkspaceEnvironments.of(w);
          if (!replace && envs.get(name).isPresent()) {
            throw WorkspaceEnvironments.nameTaken(name); // before any secret is asked for
          }
          RemoteEnvironmentBuilder b = fields();
          b.build(); // every problem of the typed fields, before any secret is asked for
          storeSecrets(b, err);
          RemoteEnvironment env = b.build();
          if (replace) {
            envs.put(env);
          } else {
            envs.add(env);
          }
          long secrets = env.storedSecretCount();
          err.println(
              (replace ? "Saved" : "Added")
                  + " the environment '"
                  + env.name()
                  + "'"
                  + (secrets == 0
                      ? ""
                      : " with "
                          + secrets
                          + " secret"
                          + (secrets == 1 ? "" : "s")
                          + " stored encrypted (key: "
                          + parent.secrets().keyFile()
                          + ")")
                  + ". Check it with: streamwright env test "
                  + env.name());
          return ExitCodes.OK;
        });
  }

  private RemoteEnvironmentBuilder fields() {
    RemoteEnvironmentBuilder b =
        RemoteEnvironment.builder(name)
            .gatewayUrl(gateway)
            .restUrl(rest)
            .kafkaBootstrapServers(kafka)
            .parallelism(parallelism)
            .savepointDir(savepointDir);
    jars.forEach(b::jar);
    keyValues(b, SecretField.KAFKA_PROPERTY, kafkaProperties);
    keyValues(b, SecretField.HTTP_HEADER, headers);
    keyValues(b, SecretField.CLIENT_OPTION, clientOptions);
    // Placeholders, so the first build() sees duplicates between --X and --X-secret.
    secretKeys(b, SecretField.KAFKA_PROPERTY, kafkaSecrets);
    secretKeys(b, SecretField.HTTP_HEADER, headerSecrets);
    secretKeys(b, SecretField.CLIENT_OPTION, clientSecrets);
    return b;
  }

  private static final ConfigValue PENDING = new ConfigValue.Stored("pending");

  private static void keyValues(RemoteEnvironmentBuilder b, SecretField f, List<String> given) {
    for (String kv : given) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new EnvironmentException(
            f.option()
                + " takes KEY=VALUE; got "
                + (eq < 0 ? "no '='" : "no key")
                + " in an argument (e.g. "
                + f.option()
                + " "
                + example(f)
                + ").");
      }
      b.put(f, kv.substring(0, eq), ConfigValue.parse(kv.substring(eq + 1)));
    }
  }

  private static String example(SecretField f) {
    return switch (f) {
      case KAFKA_PROPERTY -> "security.protocol=SASL_SSL";
      case HTTP_HEADER -> "'Authorization=${env:FLINK_TOKEN}'";
      case CLIENT_OPTION -> "security.ssl.rest.enabled=true";
    };
  }

  private static void secretKeys(RemoteEnvironmentBuilder b, SecretField f, List<String> keys) {
    for (String k : keys) {
      b.put(f, k, PENDING);
    }
  }

  /** Asks for each secret in the order given and replaces its placeholder with its ciphertext. */
  private void storeSecrets(RemoteEnvironmentBuilder b, PrintWriter err) {
    SecretInput input = null;
    SecretBox box = parent.secrets();
    for (SecretField f : SecretField.values()) {
      List<String> keys =
          switch (f) {
            case KAFKA_PROPERTY -> kafkaSecrets;
            case HTTP_HEADER -> headerSecrets;
            case CLIENT_OPTION -> clientSecrets;
          };
      for (String k : keys) {
        if (input == null) {
          input = parent.secretInput.get();
        }
        String value =
            input.read(
                "Value of the " + f.label() + " '" + k + "' of environment '" + name + "': ");
        if (value == null || value.isEmpty()) {
          throw new EnvironmentException(
              "No value was given for the "
                  + f.label()
                  + " '"
                  + k
                  + "' ("
                  + f.secretOption()
                  + "): type it when asked, or pipe one line per secret into standard input, in"
                  + " the order of the options. Nothing was saved.");
        }
        String key = k.strip();
        b.remove(f, key).put(f, key, box.seal(name, f, key, value));
      }
    }
    err.flush();
  }
}
