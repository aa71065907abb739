package dev.streamwright.runtime.api;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;

/**
 * Where a runtime's Flink REST API answers, and what a request to it needs: the monitor polls job,
 * vertex, checkpoint and watermark figures there, the same way for the embedded cluster and a
 * remote one.
 *
 * @param url the REST API's base URL, e.g. {@code http://127.0.0.1:41233}
 * @param headers headers every request carries (for example a proxy's authorization); values are
 *     secrets and never printed
 * @param tls the TLS context to use for an {@code https} URL; empty uses the JVM's defaults
 */
public record FlinkRestEndpoint(URI url, Map<String, String> headers, Optional<SSLContext> tls) {

  public FlinkRestEndpoint {
    Objects.requireNonNull(url, "url");
    headers =
        headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
    tls = tls == null ? Optional.empty() : tls;
  }

  /** An endpoint without headers or TLS settings of its own. */
  public static FlinkRestEndpoint of(URI url) {
    return new FlinkRestEndpoint(url, Map.of(), Optional.empty());
  }

  /** The endpoint without secrets: header names are shown, their values never. */
  @Override
  public String toString() {
    return "FlinkRestEndpoint[" + url + ", headers=" + headers.keySet() + "]";
  }
}
