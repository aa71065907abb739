package dev.streamwright.monitor.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.monitor.figures.Unreachable;
import dev.streamwright.runtime.api.FlinkRestEndpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * A read-only client of one Flink REST API (the JobManager's) for the monitor's polls: plain JSON
 * GETs with the endpoint's headers and TLS context, each bounded by a timeout, every failure turned
 * into an {@link Unreachable} whose message names the URL and says what happened, never a stack
 * trace. Thread-safe; close it to release its HTTP client's threads.
 */
public final class FlinkRestClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A path about one job: {@code /jobs/<32 hex digits>} and anything below it. */
  private static final Pattern JOB_PATH = Pattern.compile("^/?jobs/([0-9a-fA-F]{32})(?:[/?].*)?$");

  /** Longest error body quoted in a message. */
  private static final int QUOTED = 200;

  private final FlinkRestEndpoint endpoint;
  private final Duration timeout;
  private final HttpClient http;
  private final String base;

  /**
   * @param endpoint where the API answers, its headers and TLS context
   * @param timeout bound on connecting and on each request
   */
  public FlinkRestClient(FlinkRestEndpoint endpoint, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
    endpoint.tls().ifPresent(b::sslContext);
    this.http = b.build();
    String url = endpoint.url().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The endpoint this client asks. */
  public FlinkRestEndpoint endpoint() {
    return endpoint;
  }

  /**
   * GETs a path of the API, e.g. {@code /jobs/overview}, and parses the JSON answer.
   *
   * @throws JobGone when the path is a job's and the API answers 404
   * @throws Unreachable when the API cannot be reached, times out or answers with another error
   */
  public JsonNode get(String path) throws Unreachable {
    String p = path.startsWith("/") ? path : "/" + path;
    URI uri;
    try {
      uri = URI.create(base + p);
    } catch (IllegalArgumentException e) {
      throw new Unreachable("Cannot ask Flink's REST API for '" + p + "': " + e.getMessage(), e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
    endpoint.headers().forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("Interrupted while asking Flink's REST API at " + endpoint.url(), e);
    } catch (IOException | RuntimeException e) {
      throw new Unreachable(describe(e), e);
    }
    int status = response.statusCode();
    if (status == 404) {
      Matcher m = JOB_PATH.matcher(p);
      if (m.matches()) {
        throw new JobGone(
            m.group(1),
            "Flink's REST API at "
                + endpoint.url()
                + " does not know job "
                + m.group(1)
                + ": it ended and was forgotten, or runs on another cluster.");
      }
    }
    if (status / 100 != 2) {
      throw new Unreachable(
          "Flink's REST API at "
              + endpoint.url()
              + " answered HTTP "
              + status
              + " to GET "
              + p
              + errorText(response.body())
              + hint(status));
    }
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new Unreachable(
          "Flink's REST API at "
              + endpoint.url()
              + " answered GET "
              + p
              + " with something that is not JSON: is the URL the JobManager's REST endpoint?",
          e);
    }
  }

  private String describe(Throwable e) {
    String at = "Flink's REST API at " + endpoint.url();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return at + " did not accept a connection within " + seconds() + ": is it up?";
      }
      if (t instanceof HttpTimeoutException) {
        return at + " did not answer within " + seconds() + ".";
      }
      if (t instanceof ConnectException) {
        return at + " refused the connection: is the cluster running, and is the URL right?";
      }
      if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
        return at + " cannot be found: the host name does not resolve.";
      }
      if (t instanceof SSLException) {
        return at
            + " failed the TLS handshake ("
            + t.getMessage()
            + "): check the environment's TLS client options, or use http:// for a plain endpoint.";
      }
    }
    String m = e.getMessage();
    return at + " cannot be reached: " + (m == null ? e.getClass().getSimpleName() : m);
  }

  private String seconds() {
    long ms = timeout.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** Flink's errors come as {@code {"errors": [...]}}; the first line of the first one. */
  private static String errorText(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body.strip();
    try {
      JsonNode errors = JSON.readTree(body).path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        text = errors.get(0).asText();
      }
    } catch (JsonProcessingException e) {
      // not JSON: quote it as it is
    }
    int nl = text.indexOf('\n');
    text = nl >= 0 ? text.substring(0, nl) : text;
    if (text.length() > QUOTED) {
      text = text.substring(0, QUOTED) + "...";
    }
    return text.isBlank() ? "" : ": " + text.strip();
  }

  private static String hint(int status) {
    return switch (status) {
      case 401, 403 -> " (check the environment's HTTP headers, e.g. its Authorization header)";
      case 404 -> " (is the URL the JobManager's REST endpoint?)";
      default -> "";
    };
  }

  @Override
  public void close() {
    // Java 21's HttpClient closes; on 17 its selector thread ends once the client is unreachable.
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing only ends idle connections
      }
    }
  }
}
