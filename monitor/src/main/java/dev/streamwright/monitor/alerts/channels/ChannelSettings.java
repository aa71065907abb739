package dev.streamwright.monitor.alerts.channels;

import dev.streamwright.monitor.alerts.AlertChannel;
import dev.streamwright.monitor.alerts.DefaultRules;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A configured alert channel, as the studio edits it and the workspace keeps it (with its secrets
 * encrypted there). Rules name channels by {@link #name()}; the in-app channel ({@value
 * DefaultRules#IN_APP}) is always there and not configured. {@code toString} never shows a
 * webhook's URL unmasked or its header values.
 */
public sealed interface ChannelSettings {

  /** Names: letters, digits, {@code - _ .}, starting with a letter or digit. */
  Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** The channel's name, unique in the workspace. */
  String name();

  /** A channel that sends alerts as these settings say. */
  AlertChannel create();

  /** Checks a channel name. */
  static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "channel name '"
              + name
              + "' is not valid; start with a letter or digit and use only letters, digits, '-',"
              + " '_' and '.'");
    }
    if (name.equals(DefaultRules.IN_APP)) {
      throw new IllegalArgumentException(
          "'" + DefaultRules.IN_APP + "' is the studio's own channel; choose another name");
    }
    return name;
  }

  private static Duration checkTimeout(String name, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.compareTo(Duration.ofMillis(100)) < 0
        || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "channel '" + name + "': the timeout must be between 100ms and 5m, not " + timeout);
    }
    return timeout;
  }

  /**
   * The desktop's notifications ({@link DesktopChannel}).
   *
   * @param name the channel's name
   */
  record Desktop(String name) implements ChannelSettings {
    public Desktop {
      checkName(name);
    }

    @Override
    public AlertChannel create() {
      return DesktopChannel.detect(name);
    }
  }

  /**
   * A webhook ({@link WebhookChannel}).
   *
   * @param name the channel's name
   * @param url where to POST; a secret (it may carry a token)
   * @param headers extra request headers; their values are secrets
   * @param timeout how long one attempt may take
   * @param attempts how many attempts at most (1 to 10)
   */
  record Webhook(String name, URI url, Map<String, String> headers, Duration timeout, int attempts)
      implements ChannelSettings {
    public Webhook {
      checkName(name);
      Objects.requireNonNull(url, "url");
      headers = Map.copyOf(new TreeMap<>(headers));
      checkTimeout(name, timeout);
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException(
            "channel '" + name + "': attempts must be between 1 and 10, not " + attempts);
      }
      String scheme = url.getScheme() == null ? "" : url.getScheme();
      if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
        throw new IllegalArgumentException(
            "channel '"
                + name
                + "': the webhook URL must start with http:// or https:// and name a host");
      }
    }

    /** A webhook with the default timeout and attempts. */
    public static Webhook of(String name, URI url, Map<String, String> headers) {
      return new Webhook(
          name, url, headers, WebhookChannel.DEFAULT_TIMEOUT, WebhookChannel.DEFAULT_ATTEMPTS);
    }

    @Override
    public AlertChannel create() {
      return new WebhookChannel(
          name, url, headers, timeout, attempts, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
      return "Webhook[name="
          + name
          + ", url="
          + SafeUrl.mask(url)
          + ", headers="
          + headers.keySet()
          + ", timeout="
          + timeout
          + ", attempts="
          + attempts
          + "]";
    }
  }

  /**
   * A program to run per alert ({@link CommandChannel}).
   *
   * @param name the channel's name
   * @param command the program and its arguments (no shell); keep secrets out of them: the program
   *     inherits the studio's environment variables
   * @param timeout how long it may run
   */
  record Command(String name, List<String> command, Duration timeout) implements ChannelSettings {
    public Command {
      checkName(name);
      command = List.copyOf(command);
      if (command.isEmpty() || command.get(0).isBlank()) {
        throw new IllegalArgumentException("channel '" + name + "': name the program to run");
      }
      checkTimeout(name, timeout);
    }

    @Override
    public AlertChannel create() {
      return new CommandChannel(name, command, timeout);
    }
  }
}
