package dev.streamwright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.app.alerts.WorkspaceAlertCenter;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.alerts.channels.AlertDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The alerts of {@code streamwright monitor}: the workspace's rules evaluated on every poll of the
 * watched deployment, with its channels notified, and each event (and channel failure) kept for the
 * command to print with its next poll: a line of text, or one JSON object ({@code {"alert": <alert
 * document>}} or {@code {"alertChannelFailure": ...}}) per event in JSON mode. The workspace is
 * open read-only there, so the history is not written.
 */
final class MonitorAlertLines implements AutoCloseable {

  /** How many alert lines the refreshed terminal screen shows. */
  static final int SHOWN = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WorkspaceAlertCenter alerts;
  private final BlockingQueue<Object> pending = new LinkedBlockingQueue<>();
  private final Deque<String> recent = new ArrayDeque<>();

  private MonitorAlertLines(WorkspaceAlertCenter alerts) {
    this.alerts = alerts;
  }

  /** Evaluates the workspace's rules on the monitor's polls; reading problems go to {@code err}. */
  static MonitorAlertLines attach(Workspace w, Path dataFolder, Monitor monitor, PrintWriter err) {
    MonitorAlertLines lines = open(w, dataFolder, err);
    lines.alerts.attach(monitor);
    return lines;
  }

  /** The workspace's alert centre, its events kept for printing; nothing feeds it yet. */
  static MonitorAlertLines open(Workspace w, Path dataFolder, PrintWriter err) {
    WorkspaceAlertCenter c =
        WorkspaceAlertCenter.open(w, SecretBox.at(SecretBox.keyFileIn(dataFolder)));
    for (String p : c.problems()) {
      err.println("warning: " + p);
    }
    err.flush();
    MonitorAlertLines lines = new MonitorAlertLines(c);
    c.center().addListener(lines.pending::offer);
    c.center().addFailureListener(lines.pending::offer);
    return lines;
  }

  /** The centre the lines come from. */
  WorkspaceAlertCenter alerts() {
    return alerts;
  }

  /** The events and failures since the last call, as lines of text. */
  List<String> text() {
    List<String> out = new ArrayList<>();
    for (Object o : drain()) {
      String line =
          o instanceof dev.streamwright.monitor.alerts.AlertEvent e
              ? "alert: " + e.describe()
              : "warning: " + ((dev.streamwright.monitor.alerts.ChannelFailure) o).describe();
      out.add(line);
      recent.addLast(line);
      while (recent.size() > SHOWN) {
        recent.removeFirst();
      }
    }
    return out;
  }

  /** The last {@value #SHOWN} lines, oldest first, after taking in the new ones. */
  List<String> recent() {
    text();
    return List.copyOf(recent);
  }

  /** The events and failures since the last call, one JSON object each. */
  List<String> json() {
    List<String> out = new ArrayList<>();
    for (Object o : drain()) {
      ObjectNode n = JSON.createObjectNode();
      if (o instanceof dev.streamwright.monitor.alerts.AlertEvent e) {
        n.set("alert", AlertDocument.tree(e));
      } else {
        dev.streamwright.monitor.alerts.ChannelFailure f =
            (dev.streamwright.monitor.alerts.ChannelFailure) o;
        ObjectNode failure = n.putObject("alertChannelFailure");
        failure.put("channel", f.channel());
        failure.put("at", f.at().toString());
        failure.put("message", f.message());
      }
      out.add(n.toString());
    }
    return out;
  }

  private List<Object> drain() {
    List<Object> out = new ArrayList<>();
    pending.drainTo(out);
    return out;
  }

  @Override
  public void close() {
    alerts.close();
  }
}
