package dev.streamwright.app.environments;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects an environment's fields as typed and checks them all at once in {@link #build}, so a
 * user sees every problem in one go and nothing half-valid is ever made.
 */
public final class RemoteEnvironmentBuilder {

  /** Flink's largest parallelism (its maximum of key groups). */
  public static final int MAX_PARALLELISM = 32_768;

  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final String name;
  private String gatewayUrl = "";
  private String restUrl = "";
  private String kafkaBootstrapServers = "";
  private final List<String> jars = new ArrayList<>();
  private int parallelism;
  private String savepointDir = "";
  private final Map<SecretField, Map<String, ConfigValue>> values =
      new EnumMap<>(SecretField.class);
  private final List<String> problems = new ArrayList<>();

  RemoteEnvironmentBuilder(String name) {
    this.name = name == null ? "" : name.strip();
    for (SecretField f : SecretField.values()) {
      values.put(f, new LinkedHashMap<>());
    }
  }

  /** The SQL Gateway's URL, e.g. {@code http://flink-gw:8083}. */
  public RemoteEnvironmentBuilder gatewayUrl(String url) {
    this.gatewayUrl = url == null ? "" : url.strip();
    return this;
  }

  /** The Flink REST URL (JobManager), e.g. {@code http://flink-jm:8081}. */
  public RemoteEnvironmentBuilder restUrl(String url) {
    this.restUrl = url == null ? "" : url.strip();
    return this;
  }

  /** Comma-separated {@code host:port} of the Kafka brokers, or empty. */
  public RemoteEnvironmentBuilder kafkaBootstrapServers(String servers) {
    this.kafkaBootstrapServers = servers == null ? "" : servers.strip();
    return this;
  }

  /** A jar the session loads with {@code ADD JAR}. */
  public RemoteEnvironmentBuilder jar(String jar) {
    jars.add(jar == null ? "" : jar.strip());
    return this;
  }

  /** The default parallelism, 0 for the cluster's default. */
  public RemoteEnvironmentBuilder parallelism(int p) {
    this.parallelism = p;
    return this;
  }

  /** Where savepoints go, a URI the cluster writes; empty for the cluster's default. */
  public RemoteEnvironmentBuilder savepointDir(String dir) {
    this.savepointDir = dir == null ? "" : dir.strip();
    return this;
  }

  /** A Kafka client property, without the {@code properties.} prefix. */
  public RemoteEnvironmentBuilder kafkaProperty(String key, ConfigValue value) {
    return put(SecretField.KAFKA_PROPERTY, key, value);
  }

  /** An HTTP header sent to the gateway and the REST API. */
  public RemoteEnvironmentBuilder header(String name, ConfigValue value) {
    return put(SecretField.HTTP_HEADER, name, value);
  }

  /** A Flink REST client option, e.g. TLS settings. */
  public RemoteEnvironmentBuilder clientOption(String key, ConfigValue value) {
    return put(SecretField.CLIENT_OPTION, key, value);
  }

  /** A value of one of the secret-bearing fields; the same key twice is a problem. */
  public RemoteEnvironmentBuilder put(SecretField field, String key, ConfigValue value) {
    String k = key == null ? "" : key.strip();
    Map<String, ConfigValue> map = values.get(field);
    boolean twice =
        field == SecretField.HTTP_HEADER
            ? map.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(k))
            : map.containsKey(k);
    if (twice) {
      problems.add(field.label() + " '" + k + "' is given twice; give it once.");
    } else {
      map.put(k, value);
    }
    return this;
  }

  /** Removes a value of a secret-bearing field, e.g. to give it anew. */
  public RemoteEnvironmentBuilder remove(SecretField field, String key) {
    values.get(field).remove(key);
    return this;
  }

  /**
   * The environment.
   *
   * @throws EnvironmentException listing every problem, one per line, each naming the field and
   *     what to do
   */
  public RemoteEnvironment build() {
    List<String> out = new ArrayList<>(problems);
    EnvironmentNames.problem(name).ifPresent(out::add);
    URI gateway = url("SQL Gateway URL (--gateway)", gatewayUrl, "http://flink-gateway:8083", out);
    URI rest = url("Flink REST URL (--rest)", restUrl, "http://flink-jobmanager:8081", out);
    if (gateway != null && gateway.equals(rest)) {
      out.add(
          "The SQL Gateway URL and the Flink REST URL are both "
              + gateway
              + ": they are two services on two ports (by default the gateway on 8083 and the"
              + " JobManager's REST API on 8081); give each its own.");
    }
    checkBrokers(out);
    for (String jar : jars) {
      checkJar(jar, out);
    }
    if (parallelism < 0 || parallelism > MAX_PARALLELISM) {
      out.add(
          "Parallelism "
              + parallelism
              + " is out of range: give 1 to "
              + MAX_PARALLELISM
              + ", or 0 for the cluster's default (--parallelism).");
    }
    if (!savepointDir.isEmpty() && !isUri(savepointDir) && !savepointDir.startsWith("/")) {
      out.add(
          "Savepoint folder '"
              + savepointDir
              + "' is neither a URI nor an absolute path: give a folder the cluster writes, e.g."
              + " file:///var/flink/savepoints or s3://bucket/savepoints (--savepoint-dir).");
    }
    for (SecretField field : SecretField.values()) {
      values.get(field).forEach((k, v) -> checkValue(field, k, v, out));
    }
    if (!out.isEmpty()) {
      String subject = name.isEmpty() ? "The environment" : "Environment '" + name + "'";
      throw new EnvironmentException(subject + " is not valid:\n  - " + String.join("\n  - ", out));
    }
    return new RemoteEnvironment(
        name,
        gateway,
        rest,
        kafkaBootstrapServers,
        values.get(SecretField.KAFKA_PROPERTY),
        jars,
        parallelism,
        savepointDir,
        values.get(SecretField.HTTP_HEADER),
        values.get(SecretField.CLIENT_OPTION));
  }

  private static URI url(String what, String text, String example, List<String> out) {
    if (text.isEmpty()) {
      out.add(what + " is missing: give it, e.g. " + example + ".");
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      out.add(what + " '" + text + "' is not a URL (" + e.getReason() + "); e.g. " + example + ".");
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      out.add(what + " '" + text + "' must start with http:// or https://, e.g. " + example + ".");
      return null;
    }
    if (uri.getHost() == null) {
      out.add(what + " '" + text + "' names no host; e.g. " + example + ".");
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      out.add(
          what
              + " carries a user name or password: they would be stored in plain text. Remove"
              + " them from the URL and send them as a header instead, e.g. --header-secret"
              + " Authorization.");
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      out.add(what + " '" + text + "' must not have a query or fragment; e.g. " + example + ".");
      return null;
    }
    return uri;
  }

  private void checkBrokers(List<String> out) {
    if (kafkaBootstrapServers.isEmpty()) {
      return;
    }
    for (String broker : kafkaBootstrapServers.split(",", -1)) {
      String b = broker.strip();
      int colon = b.lastIndexOf(':');
      String host = colon < 0 ? "" : b.substring(0, colon);
      String port = colon < 0 ? "" : b.substring(colon + 1);
      boolean ok = !host.isEmpty() && !host.contains("/") && port.matches("\\d{1,5}");
      if (ok) {
        int p = Integer.parseInt(port);
        ok = p >= 1 && p <= 65_535;
      }
      if (!ok) {
        out.add(
            "Kafka broker '"
                + b
                + "' is not host:port: give the brokers as comma-separated host:port, e.g."
                + " kafka-1:9092,kafka-2:9092 (--kafka).");
      }
    }
  }

  private static void checkJar(String jar, List<String> out) {
    if (jar.isEmpty() || jar.chars().anyMatch(Character::isWhitespace)) {
      out.add(
          "Jar '"
              + jar
              + "' is empty or has spaces: give a path or URI the SQL Gateway can read, e.g."
              + " file:///opt/flink/usrlib/flink-sql-connector-kafka.jar (--jar).");
    } else if (!isUri(jar) && !jar.startsWith("/")) {
      out.add(
          "Jar '"
              + jar
              + "' is a relative path, which the SQL Gateway would resolve in its own folder:"
              + " give an absolute path or a URI, e.g. s3://bucket/jars/streamwright-onnx.jar"
              + " (--jar).");
    }
  }

  private static boolean isUri(String text) {
    if (!SCHEME.matcher(text).matches() || text.matches("[A-Za-z]:\\\\.*")) {
      return false;
    }
    try {
      URI u = new URI(text);
      return u.getScheme() != null && u.getScheme().length() > 1;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void checkValue(SecretField field, String key, ConfigValue value, List<String> out) {
    String what = field.label() + " '" + key + "'";
    if (key.isEmpty() || key.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
      out.add(
          field.label()
              + " '"
              + key
              + "' is not a valid name: give NAME=VALUE with a name without spaces ("
              + field.option()
              + ").");
      return;
    }
    if (field == SecretField.HTTP_HEADER && !HEADER_NAME.matcher(key).matches()) {
      out.add(what + " is not a valid HTTP header name (letters, digits, '-').");
      return;
    }
    if (field == SecretField.KAFKA_PROPERTY && key.startsWith("properties.")) {
      out.add(
          what
              + " starts with 'properties.': give the Kafka client's own name, '"
              + key.substring("properties.".length())
              + "'; Streamwright adds the prefix Flink's tables need.");
      return;
    }
    if (field == SecretField.KAFKA_PROPERTY && key.equals("bootstrap.servers")) {
      out.add("Give the Kafka brokers with --kafka, not as the property 'bootstrap.servers'.");
      return;
    }
    if (value instanceof ConfigValue.Plain plain) {
      if (plain.text().isEmpty()) {
        out.add(
            what
                + " is empty. If you wrote ${env:NAME} without single quotes, your shell replaced"
                + " it with nothing: write "
                + field.option()
                + " '"
                + key
                + "=${env:NAME}'.");
      } else if (plain.text().indexOf('\n') >= 0 || plain.text().indexOf('\r') >= 0) {
        out.add(what + " spans lines; give it on one line.");
      } else if (field.isSecret(key)) {
        out.add(
            what
                + " holds a secret, which is never stored as plain text: read it from an"
                + " environment variable ("
                + field.option()
                + " '"
                + key
                + "=${env:NAME}') or store it encrypted ("
                + field.secretOption()
                + " "
                + key
                + ", which asks for the value).");
      }
    }
  }
}
