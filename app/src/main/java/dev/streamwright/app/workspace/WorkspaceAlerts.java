package dev.streamwright.app.workspace;

import dev.streamwright.app.environments.ConfigValue;
import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.environments.SecretField;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.RuleSetJson;
import dev.streamwright.monitor.alerts.channels.AlertDocument;
import dev.streamwright.monitor.alerts.channels.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's alerts: the rule set (the {@link DefaultRules} until the user changes them), the
 * configured channels, and the alert history (the last {@value #KEPT} events, as alert JSON
 * documents). Each change is one commit. A webhook's URL and header values are encrypted with the
 * environments' {@link SecretBox} (decision 0019), bound to the channel's name, and never written
 * in plain text. Thread-safe (it shares the workspace's lock). A store from before alerts opens
 * with the defaults and an empty history.
 */
public final class WorkspaceAlerts {

  /** How many events the history keeps (at least; up to one chunk more). */
  public static final int KEPT = 10_000;

  /** Events per stored chunk of the history. */
  static final int CHUNK = 500;

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceAlerts.class);
  private static final String URL_KEY = "url";

  private final Workspace workspace;
  private final WorkspaceRoot root;

  private WorkspaceAlerts(Workspace workspace) {
    this.workspace = workspace;
    this.root = workspace.session.storage.root();
  }

  /** The alerts of an open workspace. */
  public static WorkspaceAlerts of(Workspace workspace) {
    return new WorkspaceAlerts(Objects.requireNonNull(workspace, "workspace"));
  }

  /** The configured channels, and why any of them could not be read. */
  public record Channels(List<ChannelSettings> channels, List<String> problems) {}

  /**
   * The rule set: the user's, or the default rules when none was saved.
   *
   * @throws WorkspaceException when the saved rules do not read (a newer Streamwright wrote them)
   */
  public RuleSet rules() {
    synchronized (workspace) {
      workspace.checkOpen();
      String text = root.alerts == null ? null : root.alerts.rules;
      if (text == null) {
        return DefaultRules.ruleSet();
      }
      try {
        return RuleSetJson.read(text);
      } catch (IllegalArgumentException e) {
        throw new WorkspaceException(
            "The workspace's alert rules cannot be read ("
                + e.getMessage()
                + "). Import a rule file with 'streamwright alerts rules --import FILE'.",
            e);
      }
    }
  }

  /** Saves the rule set. */
  public void saveRules(RuleSet rules) {
    String text = RuleSetJson.write(Objects.requireNonNull(rules, "rules"));
    synchronized (workspace) {
      workspace.checkWritable("save the alert rules");
      boolean created = root.alerts == null;
      StoredAlerts a = alerts();
      String before = a.rules;
      a.rules = text;
      workspace.commit(
          new PendingChange(
              null,
              List.of(created ? root : a),
              () -> {
                a.rules = before;
                if (created) {
                  root.alerts = null;
                }
              }),
          "save the alert rules");
    }
  }

  /** The names of the configured channels, sorted; reads no secret. */
  public List<String> channelNames() {
    synchronized (workspace) {
      workspace.checkOpen();
      return root.alerts == null
          ? List.of()
          : new ArrayList<>(new TreeMap<>(root.alerts.channels).keySet());
    }
  }

  /**
   * The configured channels, their secrets decrypted with the box. A channel whose secrets do not
   * decrypt (the key file is missing or another one) is left out and named in the problems.
   */
  public Channels channels(SecretBox box) {
    List<StoredAlertChannel> stored;
    synchronized (workspace) {
      workspace.checkOpen();
      stored =
          root.alerts == null
              ? List.of()
              : new ArrayList<>(new TreeMap<>(root.alerts.channels).values());
    }
    List<ChannelSettings> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (StoredAlertChannel s : stored) {
      try {
        out.add(settings(s, box));
      } catch (EnvironmentException | IllegalArgumentException e) {
        LOG.warn("Alert channel {} cannot be read: {}", s.name, e.getMessage());
        problems.add(
            "The alert channel '"
                + s.name
                + "' cannot be used: its stored secrets do not decrypt with the key "
                + box.keyFile()
                + " (the workspace comes from another machine or user, or the key was replaced)."
                + " Enter its URL and headers again.");
      }
    }
    return new Channels(out, problems);
  }

  private static ChannelSettings settings(StoredAlertChannel s, SecretBox box) {
    Duration timeout = Duration.ofMillis(s.timeoutMillis);
    return switch (s.kind) {
      case "desktop" -> new ChannelSettings.Desktop(s.name);
      case "command" -> new ChannelSettings.Command(s.name, s.command, timeout);
      case "webhook" -> {
        String where = purpose(s.name);
        URI url =
            URI.create(
                box.open(where, SecretField.HTTP_HEADER, URL_KEY, new ConfigValue.Stored(s.url)));
        Map<String, String> headers = new HashMap<>();
        s.headers.forEach(
            (k, v) ->
                headers.put(
                    k,
                    box.open(
                        where, SecretField.HTTP_HEADER, "header:" + k, new ConfigValue.Stored(v))));
        yield new ChannelSettings.Webhook(s.name, url, headers, timeout, s.attempts);
      }
      default -> throw new IllegalArgumentException("unknown channel kind '" + s.kind + "'");
    };
  }

  /** What a channel's secrets are bound to: no environment can have this name. */
  private static String purpose(String channel) {
    return "alert-channel:" + channel;
  }

  /** Adds a channel, or replaces the one of the same name; a webhook's secrets are encrypted. */
  public void saveChannel(ChannelSettings settings, SecretBox box) {
    Objects.requireNonNull(settings, "settings");
    StoredAlertChannel s = new StoredAlertChannel();
    s.name = settings.name();
    if (settings instanceof ChannelSettings.Desktop) {
      s.kind = "desktop";
    } else if (settings instanceof ChannelSettings.Command c) {
      s.kind = "command";
      s.command = new ArrayList<>(c.command());
      s.timeoutMillis = c.timeout().toMillis();
    } else if (settings instanceof ChannelSettings.Webhook w) {
      s.kind = "webhook";
      String where = purpose(w.name());
      s.url = box.seal(where, SecretField.HTTP_HEADER, URL_KEY, w.url().toString()).sealed();
      s.headers = new HashMap<>();
      w.headers()
          .forEach(
              (k, v) ->
                  s.headers.put(
                      k, box.seal(where, SecretField.HTTP_HEADER, "header:" + k, v).sealed()));
      s.timeoutMillis = w.timeout().toMillis();
      s.attempts = w.attempts();
    }
    synchronized (workspace) {
      workspace.checkWritable("save the alert channel " + s.name);
      boolean created = root.alerts == null;
      StoredAlerts a = alerts();
      StoredAlertChannel before = a.channels.put(s.name, s);
      workspace.commit(
          new PendingChange(
              null,
              List.of(created ? root : a.channels),
              () -> {
                restore(a, s.name, before);
                if (created) {
                  root.alerts = null;
                }
              }),
          "save the alert channel " + s.name);
    }
  }

  /** Removes a channel; nothing happens when there is none of that name. */
  public void removeChannel(String name) {
    synchronized (workspace) {
      workspace.checkWritable("remove the alert channel " + name);
      if (root.alerts == null || !root.alerts.channels.containsKey(name)) {
        return;
      }
      StoredAlerts a = root.alerts;
      StoredAlertChannel before = a.channels.remove(name);
      workspace.commit(
          new PendingChange(null, List.of(a.channels), () -> a.channels.put(name, before)),
          "remove the alert channel " + name);
    }
  }

  private static void restore(StoredAlerts a, String name, StoredAlertChannel before) {
    if (before == null) {
      a.channels.remove(name);
    } else {
      a.channels.put(name, before);
    }
  }

  /** Appends events to the history, as one commit; the oldest beyond {@value #KEPT} go. */
  public void record(Collection<AlertEvent> events) {
    List<String> docs = events.stream().map(AlertDocument::json).toList();
    appendDocuments(docs);
  }

  /**
   * Appends alert JSON documents to the history, as one commit (e.g. an acknowledgement made from
   * the command line). Does nothing in a read-only workspace.
   */
  public void appendDocuments(List<String> documents) {
    if (documents.isEmpty()) {
      return;
    }
    synchronized (workspace) {
      workspace.checkOpen();
      if (workspace.isReadOnly()) {
        return;
      }
      boolean created = root.alerts == null;
      StoredAlerts a = alerts();
      List<ArrayList<String>> chunksBefore = List.copyOf(a.history);
      ArrayList<String> last = a.history.isEmpty() ? null : a.history.get(a.history.size() - 1);
      int lastSize = last == null ? 0 : last.size();
      List<Object> changed = new ArrayList<>();
      boolean outer = created;
      for (String d : documents) {
        if (last == null || last.size() >= CHUNK) {
          last = new ArrayList<>();
          a.history.add(last);
          outer = true;
        } else if (!changed.contains(last)) {
          changed.add(last);
        }
        last.add(d);
      }
      while (size(a) - a.history.get(0).size() >= KEPT) {
        a.history.remove(0);
        outer = true;
      }
      if (outer) {
        changed.add(created ? root : a.history);
      }
      ArrayList<String> lastBefore =
          chunksBefore.isEmpty() ? null : chunksBefore.get(chunksBefore.size() - 1);
      workspace.commit(
          new PendingChange(
              null,
              changed,
              () -> {
                if (created) {
                  root.alerts = null;
                }
                a.history.clear();
                a.history.addAll(chunksBefore);
                if (lastBefore != null) {
                  while (lastBefore.size() > lastSize) {
                    lastBefore.remove(lastBefore.size() - 1);
                  }
                }
              }),
          "record " + documents.size() + " alert event(s)");
    }
  }

  private static int size(StoredAlerts a) {
    int n = 0;
    for (ArrayList<String> c : a.history) {
      n += c.size();
    }
    return n;
  }

  /** The history's alert JSON documents, oldest first. */
  public List<String> history() {
    synchronized (workspace) {
      workspace.checkOpen();
      if (root.alerts == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>(size(root.alerts));
      root.alerts.history.forEach(out::addAll);
      return out;
    }
  }

  /** The stored alerts, created (not yet stored) on the first change of a store from before. */
  private StoredAlerts alerts() {
    if (root.alerts == null) {
      root.alerts = new StoredAlerts();
    }
    return root.alerts;
  }
}
