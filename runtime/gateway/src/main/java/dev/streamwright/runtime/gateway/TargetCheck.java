package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.EnvironmentCheck.Item;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.gateway.Endpoint.EndpointException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.runtime.rest.messages.DashboardConfigurationHeaders;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.table.gateway.rest.header.util.GetInfoHeaders;
import org.apache.flink.table.gateway.rest.message.util.GetInfoResponseBody;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;

/**
 * Checks everything a deploy to a target needs, without deploying: the SQL Gateway (and that the
 * URL is one, not the JobManager's), the REST API, the cluster's Flink version against
 * Streamwright's, each jar (loaded in a throwaway session) and each Kafka broker (TCP). Every
 * failure is one sentence with its fix.
 */
final class TargetCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int KAFKA_CONNECT_MS = 3000;

  private final RemoteTarget target;

  TargetCheck(RemoteTarget target) {
    this.target = target;
  }

  EnvironmentCheck run() {
    List<Item> items = new ArrayList<>();
    ExecutorService executor = Executors.newCachedThreadPool(daemon());
    Endpoint gateway = null;
    Endpoint rest = null;
    try {
      gateway = endpoint("SQL Gateway", target.gatewayUrl(), executor, items);
      rest = endpoint("Flink REST API", target.restUrl(), executor, items);
      SqlGatewayRestAPIVersion version = gateway == null ? null : checkGateway(gateway, items);
      if (rest != null) {
        checkRest(rest, items);
      }
      if (version != null) {
        checkJars(gateway, items);
      } else if (!target.jars().isEmpty()) {
        items.add(new Item("jars", false, "Not checked: the SQL Gateway cannot be reached."));
      }
      checkKafka(items);
    } finally {
      if (gateway != null) {
        gateway.close();
      }
      if (rest != null) {
        rest.close();
      }
      executor.shutdown();
    }
    return new EnvironmentCheck(items);
  }

  private Endpoint endpoint(String what, URI url, ExecutorService executor, List<Item> items) {
    try {
      return new Endpoint(
          what, url, target.httpHeaders(), target.clientOptions(), executor, TIMEOUT);
    } catch (EndpointException e) {
      items.add(new Item(what, false, e.getMessage()));
      return null;
    }
  }

  private SqlGatewayRestAPIVersion checkGateway(Endpoint gateway, List<Item> items) {
    SqlGatewayRestAPIVersion version;
    try {
      version = GatewaySession.negotiate(gateway);
    } catch (EndpointException e) {
      if (e.status() == 404 || e.status() == 405) {
        items.add(new Item("SQL Gateway", false, notAGateway(gateway)));
      } else {
        items.add(new Item("SQL Gateway", false, e.getMessage()));
      }
      return null;
    }
    String product = "";
    try {
      GetInfoResponseBody info =
          gateway.send(
              GetInfoHeaders.getInstance(),
              EmptyMessageParameters.getInstance(),
              EmptyRequestBody.getInstance(),
              version);
      product = ", " + info.getProductName() + " " + info.getProductVersion();
    } catch (EndpointException e) {
      // the version answer is enough to know it is a gateway
    }
    items.add(
        new Item("SQL Gateway", true, gateway.url() + " answers, REST API " + version + product));
    return version;
  }

  /** Why a URL that answers HTTP is no SQL Gateway: often the JobManager's REST URL. */
  static String notAGateway(Endpoint url) {
    try {
      String flink =
          url.send(
                  DashboardConfigurationHeaders.getInstance(),
                  EmptyMessageParameters.getInstance(),
                  EmptyRequestBody.getInstance())
              .getFlinkVersion();
      return url.url()
          + " is Flink's REST API (a JobManager, Flink "
          + flink
          + "), not a SQL Gateway: give it as the REST URL, and as the gateway URL the SQL"
          + " Gateway's own address (sql-gateway.endpoint.rest.port, 8083 by default).";
    } catch (EndpointException e) {
      return url.url()
          + " answers HTTP but is not a Flink SQL Gateway (no /api_versions): check the URL's"
          + " port and path.";
    }
  }

  private void checkRest(Endpoint rest, List<Item> items) {
    String version;
    try {
      version = new FlinkRestApi(rest).flinkVersion();
    } catch (EndpointException e) {
      if (e.status() == 404) {
        items.add(
            new Item(
                "Flink REST API",
                false,
                rest.url()
                    + " is not Flink's REST API (no /config): if it is the SQL Gateway, give the"
                    + " JobManager's REST address (rest.port, 8081 by default) instead."));
      } else {
        items.add(new Item("Flink REST API", false, e.getMessage()));
      }
      return;
    }
    items.add(new Item("Flink REST API", true, rest.url() + " answers, Flink " + version));
    String ours = EnvironmentInformation.getVersion();
    boolean same = majorMinor(version).equals(majorMinor(ours));
    items.add(
        new Item(
            "Flink version",
            same,
            same
                ? "the cluster runs Flink " + version + ", Streamwright is built for " + ours
                : "the cluster runs Flink "
                    + version
                    + ", but Streamwright is built for Flink "
                    + ours
                    + ": deploy to a Flink "
                    + majorMinor(ours)
                    + ".x cluster, or its SQL and jars may not work there."));
  }

  static String majorMinor(String version) {
    String[] parts = version == null ? new String[0] : version.split("\\.");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : String.valueOf(version);
  }

  private void checkJars(Endpoint gateway, List<Item> items) {
    if (target.jars().isEmpty()) {
      return;
    }
    GatewaySession session;
    try {
      session = GatewaySession.open(gateway, "streamwright check", TIMEOUT);
    } catch (EndpointException e) {
      items.add(new Item("jars", false, "Cannot open a session: " + e.getMessage()));
      return;
    }
    try {
      for (String jar : target.jars()) {
        try {
          session.execute("ADD JAR '" + jar.replace("'", "''") + "'", false);
          items.add(new Item("jar " + jar, true, "the SQL Gateway loads it"));
        } catch (EndpointException e) {
          items.add(
              new Item(
                  "jar " + jar,
                  false,
                  "the SQL Gateway cannot load it: "
                      + StatementRun.refusal(e)
                      + " Check that the path or URI is right and readable from the gateway's"
                      + " machine."));
        }
      }
    } finally {
      session.close();
    }
  }

  private void checkKafka(List<Item> items) {
    if (target.kafkaBootstrapServers().isBlank()) {
      return;
    }
    for (String server : target.kafkaBootstrapServers().split(",")) {
      String s = server.strip();
      int colon = s.lastIndexOf(':');
      if (colon <= 0) {
        items.add(new Item("Kafka " + s, false, "not host:port: write the broker as host:9092"));
        continue;
      }
      String host = s.substring(0, colon);
      int port;
      try {
        port = Integer.parseInt(s.substring(colon + 1));
      } catch (NumberFormatException e) {
        items.add(new Item("Kafka " + s, false, "the port is not a number: write host:9092"));
        continue;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), KAFKA_CONNECT_MS);
        items.add(new Item("Kafka " + s, true, "reachable from this machine"));
      } catch (IOException e) {
        items.add(
            new Item(
                "Kafka " + s,
                false,
                "not reachable from this machine ("
                    + e.getMessage()
                    + "): check the environment's bootstrap servers and that the broker runs"
                    + " (the cluster's TaskManagers must reach it too)."));
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "streamwright-gateway-check");
      t.setDaemon(true);
      return t;
    };
  }
}
