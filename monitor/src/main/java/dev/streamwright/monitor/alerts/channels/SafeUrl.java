package dev.streamwright.monitor.alerts.channels;

import java.net.URI;

/**
 * Shows a URL that may carry a token (in its path, query or user info, as Slack's and many
 * webhooks' URLs do) as its scheme, host and port only, for messages and logs.
 */
public final class SafeUrl {

  private SafeUrl() {}

  /** E.g. {@code https://hooks.example.com/…}; {@code (webhook URL)} when it does not parse. */
  public static String mask(URI url) {
    if (url == null || url.getScheme() == null || url.getHost() == null) {
      return "(webhook URL)";
    }
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    boolean more =
        (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/"))
            || url.getRawQuery() != null
            || url.getRawUserInfo() != null;
    return url.getScheme() + "://" + url.getHost() + port + (more ? "/…" : "/");
  }
}
