package dev.streamwright.runtime.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.runtime.net.SSLUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS context a plain HTTP client needs to reach a target's Flink REST API, built by Flink from
 * the target's TLS client options ({@code security.ssl.rest.truststore} and the rest), as Flink's
 * own REST client ({@link Endpoint}) builds it.
 */
final class FlinkRestTls {

  private static final Logger LOG = LoggerFactory.getLogger(FlinkRestTls.class);

  private FlinkRestTls() {}

  /**
   * For an {@code https} URL, the context Flink makes of the options; empty for {@code http}, and
   * when the options name no trust store (the JVM's defaults then apply) or do not make a context
   * (logged; the connection then fails with a sentence about the TLS options).
   */
  static Optional<SSLContext> of(URI url, Map<String, String> clientOptions) {
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      return Optional.empty();
    }
    Configuration conf = Configuration.fromMap(clientOptions);
    if (!conf.contains(SecurityOptions.SSL_REST_TRUSTSTORE)) {
      return Optional.empty();
    }
    conf.set(SecurityOptions.SSL_REST_ENABLED, true);
    try {
      return Optional.ofNullable(SSLUtils.createRestSSLContext(conf, true));
    } catch (Exception e) {
      LOG.warn("Cannot make a TLS context of the Flink TLS client options for {}", url, e);
      return Optional.empty();
    }
  }
}
