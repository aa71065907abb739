package dev.streamwright.runtime.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.flink.client.program.rest.UrlPrefixDecorator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.runtime.rest.HttpHeader;
import org.apache.flink.runtime.rest.RestClient;
import org.apache.flink.runtime.rest.messages.CustomHeadersDecorator;
import org.apache.flink.runtime.rest.messages.MessageHeaders;
import org.apache.flink.runtime.rest.messages.MessageParameters;
import org.apache.flink.runtime.rest.messages.RequestBody;
import org.apache.flink.runtime.rest.messages.ResponseBody;
import org.apache.flink.runtime.rest.util.RestClientException;
import org.apache.flink.runtime.rest.versioning.RestAPIVersion;
import org.apache.flink.util.ConfigurationException;

/**
 * One REST endpoint (the SQL Gateway or the JobManager) reached through Flink's own {@link
 * RestClient} and message headers: the URL's path is kept as a prefix ({@link UrlPrefixDecorator},
 * for endpoints behind a proxy path), the environment's HTTP headers go with every request ({@link
 * CustomHeadersDecorator}), TLS comes from the environment's client options, and every failure is
 * turned into a sentence that names the URL and what to do.
 */
final class Endpoint implements AutoCloseable {

  /** Default bound on connecting; a remote cluster that needs longer is as good as down. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final String what;
  private final URI url;
  private final RestClient client;
  private final List<HttpHeader> headers;
  private final Duration timeout;

  /**
   * @param what what the endpoint is, for messages: {@code SQL Gateway} or {@code Flink REST API}
   * @param timeout bound on each request
   */
  Endpoint(
      String what,
      URI url,
      Map<String, String> httpHeaders,
      Map<String, String> clientOptions,
      Executor executor,
      Duration timeout)
      throws EndpointException {
    this.what = what;
    this.url = url;
    this.timeout = timeout;
    List<HttpHeader> h = new ArrayList<>();
    httpHeaders.forEach((k, v) -> h.add(new HttpHeader(k, v)));
    this.headers = List.copyOf(h);
    Configuration conf = Configuration.fromMap(clientOptions);
    if (!conf.contains(RestOptions.CONNECTION_TIMEOUT)) {
      conf.set(RestOptions.CONNECTION_TIMEOUT, CONNECT_TIMEOUT);
    }
    if (!conf.contains(RestOptions.IDLENESS_TIMEOUT)) {
      conf.set(RestOptions.IDLENESS_TIMEOUT, timeout);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new EndpointException(
          what
              + " URL '"
              + url
              + "' is not an http:// or https:// URL with a host: write it as"
              + " http://host:port",
          0,
          null);
    }
    if (scheme.equals("http")) {
      // The TLS options serve both endpoints of an environment; one of them may be plain HTTP.
      conf.set(SecurityOptions.SSL_REST_ENABLED, false);
    }
    try {
      this.client = RestClient.forUrl(conf, executor, url.toURL());
    } catch (ConfigurationException | MalformedURLException | RuntimeException e) {
      throw new EndpointException(
          "Cannot set up the client for the "
              + what
              + " at "
              + url
              + ": "
              + e.getMessage()
              + ". Check the environment's TLS client options (security.ssl.rest.*).",
          0,
          e);
    }
  }

  /** The endpoint's URL as given. */
  URI url() {
    return url;
  }

  /** Sends a request with the headers' newest API version and waits (bounded) for the answer. */
  <R extends RequestBody, P extends ResponseBody, M extends MessageParameters> P send(
      MessageHeaders<R, P, M> headers, M parameters, R body) throws EndpointException {
    return send(headers, parameters, body, null);
  }

  /** Sends a request for an API version and waits (bounded) for the answer. */
  <R extends RequestBody, P extends ResponseBody, M extends MessageParameters> P send(
      MessageHeaders<R, P, M> headers, M parameters, R body, RestAPIVersion<?> version)
      throws EndpointException {
    CustomHeadersDecorator<R, P, M> decorated =
        new CustomHeadersDecorator<>(new UrlPrefixDecorator<>(headers, prefix()));
    decorated.setCustomHeaders(this.headers);
    int port =
        url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    try {
      var future =
          version == null
              ? client.sendRequest(url.getHost(), port, decorated, parameters, body)
              : client.sendRequest(
                  url.getHost(),
                  port,
                  decorated,
                  parameters,
                  body,
                  Collections.emptyList(),
                  version);
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EndpointException("Interrupted while asking the " + what + " at " + url, 0, e);
    } catch (TimeoutException e) {
      throw new EndpointException(
          "The "
              + what
              + " at "
              + url
              + " did not answer within "
              + timeout.toSeconds()
              + " s: check that it runs and is not overloaded.",
          0,
          e);
    } catch (ExecutionException | IOException e) {
      throw worded(e);
    }
  }

  private String prefix() {
    String path = url.getPath() == null ? "" : url.getPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The failure in words: connection, TLS, authentication, or what the server said. */
  private EndpointException worded(Throwable e) {
    List<Throwable> chain = chain(e);
    for (Throwable t : chain) {
      if (t instanceof RestClientException r) {
        int status = r.getHttpResponseStatus().code();
        if (status == 401 || status == 403) {
          return new EndpointException(
              "The "
                  + what
                  + " at "
                  + url
                  + " refused the request with HTTP "
                  + status
                  + (status == 401 ? " (not authenticated)" : " (forbidden)")
                  + ": check the environment's HTTP headers (e.g. Authorization) and that its"
                  + " credentials are valid for this endpoint.",
              status,
              e);
        }
        return new EndpointException(
            "The " + what + " at " + url + " answered HTTP " + status + ": " + r.getMessage(),
            status,
            e);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SSLException || t.getClass().getName().endsWith("NotSslRecordException")) {
        return new EndpointException(
            "TLS with the "
                + what
                + " at "
                + url
                + " failed ("
                + t.getMessage()
                + "): for https:// set the environment's trust store options"
                + " (security.ssl.rest.enabled, security.ssl.rest.truststore,"
                + " security.ssl.rest.truststore-password); for a plain endpoint use http://.",
            0,
            e);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof UnknownHostException) {
        return new EndpointException(
            "The host of the " + what + " URL " + url + " is unknown: check its spelling.", 0, e);
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new EndpointException(
            "Nothing answers at "
                + url
                + " ("
                + firstLine(t.getMessage())
                + "): check the "
                + what
                + " URL's host and port and that the "
                + what
                + " runs.",
            0,
            e);
      }
      if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
        return new EndpointException(
            "The " + what + " at " + url + " did not answer in time: check that it runs.", 0, e);
      }
    }
    Throwable root = chain.get(chain.size() - 1);
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (text.contains("Connection closed") || text.contains("abnormal")) {
      return new EndpointException(
          "The "
              + what
              + " at "
              + url
              + " closed the connection without an HTTP answer: if it serves https://, write"
              + " the URL with https:// and set the trust store options.",
          0,
          e);
    }
    return new EndpointException(
        "Could not talk to the " + what + " at " + url + ": " + firstLine(text), 0, e);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static List<Throwable> chain(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  @Override
  public void close() {
    client.closeAsync();
  }

  /** A request failed; the message is for the user, {@link #status()} the HTTP status if any. */
  static final class EndpointException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    EndpointException(String message, int status, Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    /** The HTTP status the server answered, or 0 when there was no answer. */
    int status() {
      return status;
    }

    /** The server's own error text (for a gateway, the stack trace of the failed statement). */
    String serverText() {
      for (Throwable t : chain(this)) {
        if (t instanceof RestClientException) {
          return String.valueOf(t.getMessage());
        }
      }
      return "";
    }
  }
}
