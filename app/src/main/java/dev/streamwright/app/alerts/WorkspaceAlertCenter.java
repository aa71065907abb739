package dev.streamwright.app.alerts;

import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.MonitorAlerts;
import dev.streamwright.monitor.alerts.AlertCenter;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.DefaultRules;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.alerts.channels.ChannelSettings;
import dev.streamwright.monitor.alerts.channels.DesktopChannel;
import dev.streamwright.monitor.alerts.channels.InAppChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert centre of one open workspace, for the studio and {@code streamwright monitor}: its
 * rules and channels come from the workspace ({@link WorkspaceAlerts}), every event goes to the
 * workspace's alert history (on the centre's dispatcher thread, never a monitor's or the FX
 * thread), and monitors are attached with {@link #attach}. The in-app channel ({@value
 * DefaultRules#IN_APP}) and a desktop channel ({@value DesktopChannel#NAME}, detected for this
 * system) are always there; configured channels come after and may replace the desktop one. Opening
 * reads the workspace and decrypts channel secrets: call it off the FX thread.
 */
public final class WorkspaceAlertCenter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceAlertCenter.class);

  private final Workspace workspace;
  private final SecretBox box;
  private final AlertCenter center;
  private final InAppChannel inApp = new InAppChannel();
  private final List<String> problems = new ArrayList<>();

  private WorkspaceAlertCenter(Workspace workspace, SecretBox box) {
    this.workspace = workspace;
    this.box = box;
    WorkspaceAlerts stored = WorkspaceAlerts.of(workspace);
    RuleSet rules;
    try {
      rules = stored.rules();
    } catch (WorkspaceException e) {
      LOG.warn("Using the default alert rules: {}", e.getMessage());
      problems.add(e.getMessage() + " The default rules apply until then.");
      rules = DefaultRules.ruleSet();
    }
    this.center = new AlertCenter(rules);
    center.putChannel(inApp);
    center.putChannel(DesktopChannel.detect(DesktopChannel.NAME));
    WorkspaceAlerts.Channels channels = stored.channels(box);
    for (ChannelSettings s : channels.channels()) {
      center.putChannel(s.create());
    }
    problems.addAll(channels.problems());
    center.addBatchListener(this::record);
  }

  /** The alert centre of the workspace, with its rules, channels and history. */
  public static WorkspaceAlertCenter open(Workspace workspace, SecretBox box) {
    return new WorkspaceAlertCenter(
        Objects.requireNonNull(workspace, "workspace"), Objects.requireNonNull(box, "box"));
  }

  /** The centre: rules, alerts, acknowledgements, listeners, failures. */
  public AlertCenter center() {
    return center;
  }

  /** The in-app channel the notification centre subscribes to. */
  public InAppChannel inApp() {
    return inApp;
  }

  /** What could not be read when opening (unreadable rules, channels whose secrets fail). */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Feeds the centre with the monitor's snapshots, drift and cost. */
  public void attach(Monitor monitor) {
    MonitorAlerts.attach(monitor, center);
  }

  /** Saves the rules in the workspace and evaluates them from now on. */
  public void saveRules(RuleSet rules, Instant at) {
    WorkspaceAlerts.of(workspace).saveRules(rules);
    center.replaceRules(rules, at);
  }

  /** Saves a channel in the workspace (secrets encrypted) and uses it from now on. */
  public void saveChannel(ChannelSettings settings) {
    WorkspaceAlerts.of(workspace).saveChannel(settings, box);
    center.putChannel(settings.create());
  }

  /** Removes a configured channel from the workspace and the centre. */
  public void removeChannel(String name) {
    WorkspaceAlerts.of(workspace).removeChannel(name);
    center.removeChannel(name);
  }

  private void record(List<AlertEvent> events) {
    try {
      WorkspaceAlerts.of(workspace).record(events);
    } catch (WorkspaceException | IllegalStateException ex) {
      LOG.warn(
          "Could not keep {} alert event(s) in the workspace's alert history, the first: '{}'",
          events.size(),
          events.get(0).describe(),
          ex);
    }
  }

  /** Stops dispatching (queued events get a moment to reach the history). */
  @Override
  public void close() {
    center.close();
  }
}
