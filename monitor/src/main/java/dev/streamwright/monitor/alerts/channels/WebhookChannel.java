package dev.streamwright.monitor.alerts.channels;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.streamwright.monitor.alerts.AlertChannel;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.ChannelException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A channel that POSTs each alert's {@link AlertDocument} as JSON ({@code Content-Type:
 * application/json}) to a URL, with the configured headers (e.g. an {@code Authorization} token).
 *
 * <p>Each attempt must be answered within the timeout (connecting included). An attempt that fails
 * to connect, times out, or is answered 5xx or 429 is tried again with exponential backoff
 * (Failsafe's {@link RetryPolicy}), for at most {@code attempts} attempts; any other status below
 * 200 or from 300 up fails at once (the request itself is wrong: a 4xx will not improve). The URL
 * and the header values may carry secrets: messages show the URL masked ({@link SafeUrl}) and never
 * a header's value.
 */
public final class WebhookChannel implements AlertChannel {

  /** The default time an attempt may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** The default number of attempts. */
  public static final int DEFAULT_ATTEMPTS = 3;

  private final String name;
  private final URI url;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final RetryPolicy<HttpResponse<Void>> retry;
  private final HttpClient client;

  /** A webhook with the default timeout, attempts and backoff (1 s doubling up to 30 s). */
  public WebhookChannel(String name, URI url, Map<String, String> headers) {
    this(
        name,
        url,
        headers,
        DEFAULT_TIMEOUT,
        DEFAULT_ATTEMPTS,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  /**
   * @param timeout how long an attempt may take
   * @param attempts how many attempts at most, at least 1
   * @param backoff the wait before the second attempt, doubled after each until {@code maxBackoff}
   */
  public WebhookChannel(
      String name,
      URI url,
      Map<String, String> headers,
      Duration timeout,
      int attempts,
      Duration backoff,
      Duration maxBackoff) {
    this.name = Objects.requireNonNull(name, "name");
    this.url = Objects.requireNonNull(url, "url");
    this.headers = Map.copyOf(headers);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (attempts < 1) {
      throw new IllegalArgumentException("channel '" + name + "': attempts must be at least 1");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme();
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "channel '"
              + name
              + "': the webhook URL must start with http:// or https:// and name a"
              + " host");
    }
    RetryPolicy<HttpResponse<Void>> policy =
        RetryPolicy.<HttpResponse<Void>>builder()
            .handle(IOException.class)
            .handleResultIf(r -> r.statusCode() >= 500 || r.statusCode() == 429)
            .withMaxAttempts(attempts)
            .withBackoff(backoff, maxBackoff.compareTo(backoff) < 0 ? backoff : maxBackoff)
            .build();
    this.retry = policy;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(AlertEvent e) throws ChannelException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Streamwright")
            .POST(HttpRequest.BodyPublishers.ofString(AlertDocument.json(e)));
    headers.forEach(b::header);
    HttpRequest request = b.build();
    AtomicInteger tried = new AtomicInteger();
    HttpResponse<Void> response;
    try {
      response =
          Failsafe.with(retry)
              .get(
                  () -> {
                    tried.incrementAndGet();
                    return client.send(request, HttpResponse.BodyHandlers.discarding());
                  });
    } catch (FailsafeException ex) {
      Throwable cause = ex.getCause();
      if (cause instanceof InterruptedException ie) {
        throw ie;
      }
      throw new ChannelException(
          "POST to "
              + SafeUrl.mask(url)
              + " failed after "
              + tried.get()
              + " attempt(s): "
              + reason(cause));
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw new ChannelException(
          "POST to "
              + SafeUrl.mask(url)
              + " was answered HTTP "
              + status
              + " after "
              + tried.get()
              + " attempt(s)"
              + (status == 401 || status == 403 ? "; check the channel's token header" : ""));
    }
  }

  private String reason(Throwable t) {
    if (t instanceof HttpConnectTimeoutException) {
      return "could not connect within " + timeout.toMillis() + " ms";
    }
    if (t instanceof HttpTimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    if (t instanceof ConnectException) {
      return "connection refused: is the receiver running at that address?";
    }
    String m = t == null || t.getMessage() == null ? "" : t.getMessage();
    m = m.replace(url.toString(), SafeUrl.mask(url));
    return (t == null ? "unknown error" : t.getClass().getSimpleName())
        + (m.isEmpty() ? "" : ": " + m);
  }

  @Override
  public String toString() {
    return "webhook channel '" + name + "' (" + SafeUrl.mask(url) + ")";
  }
}
