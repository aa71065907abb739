package dev.streamwright.app.workspace;

import dev.streamwright.app.environments.ConfigValue;
import dev.streamwright.app.environments.RemoteEnvironment;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * A remote environment in the store. Persisted (see {@link WorkspaceRoot}); plain fields only.
 * Secret-bearing values are kept as {@code plain:}, {@code env:} or {@code secret:} text, the last
 * holding only the ciphertext {@link dev.streamwright.app.environments.SecretBox} made. Replaced
 * whole on every change, never edited in place.
 */
final class StoredEnvironment {

  private static final String PLAIN = "plain:";
  private static final String ENV = "env:";
  private static final String SECRET = "secret:";

  String name;
  String gatewayUrl;
  String restUrl;
  String kafkaBootstrapServers;
  HashMap<String, String> kafkaProperties;
  ArrayList<String> jars;
  int parallelism;
  String savepointDir;
  HashMap<String, String> httpHeaders;
  HashMap<String, String> clientOptions;
  long updatedAtMillis;

  static StoredEnvironment of(RemoteEnvironment e, long nowMillis) {
    StoredEnvironment s = new StoredEnvironment();
    s.name = e.name();
    s.gatewayUrl = e.gatewayUrl().toString();
    s.restUrl = e.restUrl().toString();
    s.kafkaBootstrapServers = e.kafkaBootstrapServers();
    s.kafkaProperties = encode(e.kafkaProperties());
    s.jars = new ArrayList<>(e.jars());
    s.parallelism = e.parallelism();
    s.savepointDir = e.savepointDir();
    s.httpHeaders = encode(e.httpHeaders());
    s.clientOptions = encode(e.clientOptions());
    s.updatedAtMillis = nowMillis;
    return s;
  }

  RemoteEnvironment toEnvironment() {
    return new RemoteEnvironment(
        name,
        URI.create(gatewayUrl),
        URI.create(restUrl),
        kafkaBootstrapServers,
        decode(kafkaProperties),
        jars,
        parallelism,
        savepointDir,
        decode(httpHeaders),
        decode(clientOptions));
  }

  private static HashMap<String, String> encode(Map<String, ConfigValue> values) {
    HashMap<String, String> out = new HashMap<>();
    values.forEach(
        (k, v) -> {
          String text;
          if (v instanceof ConfigValue.FromEnv r) {
            text = ENV + r.variable();
          } else if (v instanceof ConfigValue.Stored st) {
            text = SECRET + st.sealed();
          } else {
            text = PLAIN + ((ConfigValue.Plain) v).text();
          }
          out.put(k, text);
        });
    return out;
  }

  private static Map<String, ConfigValue> decode(HashMap<String, String> stored) {
    Map<String, ConfigValue> out = new HashMap<>();
    if (stored == null) {
      return out;
    }
    stored.forEach(
        (k, v) -> {
          ConfigValue value;
          if (v.startsWith(ENV)) {
            value = new ConfigValue.FromEnv(v.substring(ENV.length()));
          } else if (v.startsWith(SECRET)) {
            value = new ConfigValue.Stored(v.substring(SECRET.length()));
          } else {
            value = new ConfigValue.Plain(v.startsWith(PLAIN) ? v.substring(PLAIN.length()) : v);
          }
          out.put(k, value);
        });
    return out;
  }
}
