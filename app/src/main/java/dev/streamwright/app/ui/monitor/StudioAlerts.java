package dev.streamwright.app.ui.monitor;

import dev.streamwright.app.alerts.WorkspaceAlertCenter;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.monitor.Monitor;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's alerts: one {@link WorkspaceAlertCenter} for the open workspace, opened in the
 * background when a workspace opens and closed when it changes or the studio exits, fed by every
 * {@link Monitor} the studio starts ({@link #attach}); a centre that opens while a monitor runs is
 * fed by it too. This is the model of the alerts; {@link StudioAlertViews} (bell, notification
 * centre, rule editor) follows {@link #centerProperty()} and is told after each poll ({@link
 * #onPolled}). Follows the workspace on the FX thread; {@link #attach} may be called from any
 * thread.
 */
public final class StudioAlerts {

  private static final Logger LOG = LoggerFactory.getLogger(StudioAlerts.class);

  private final TaskExecutor tasks;
  private final Supplier<SecretBox> box;
  private final ReadOnlyObjectWrapper<WorkspaceAlertCenter> center =
      new ReadOnlyObjectWrapper<>(this, "center");
  private final AtomicReference<WorkspaceAlertCenter> current = new AtomicReference<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile Monitor watched;
  private volatile Runnable polled = () -> {};

  /**
   * @param box the key to the channels' secrets, made on first use (called off the FX thread)
   */
  public StudioAlerts(TaskExecutor tasks, Supplier<SecretBox> box) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.box = Objects.requireNonNull(box, "box");
  }

  /** The open workspace's alert centre; null while none is open. */
  public ReadOnlyObjectProperty<WorkspaceAlertCenter> centerProperty() {
    return center.getReadOnlyProperty();
  }

  /** Closes the previous workspace's centre and opens this one's (null: none). FX thread. */
  public void follow(Workspace workspace) {
    long mine = generation.incrementAndGet();
    closeCurrent();
    if (workspace == null) {
      return;
    }
    tasks
        .supply("open the alert centre", () -> WorkspaceAlertCenter.open(workspace, box.get()))
        .whenCompleteAsync(
            (opened, error) -> {
              if (error != null) {
                LOG.warn("The alert centre of {} could not open", workspace.directory(), error);
              } else if (mine != generation.get()) {
                tasks.run("close an alert centre", opened::close);
              } else {
                current.set(opened);
                if (mine != generation.get() && current.compareAndSet(opened, null)) {
                  tasks.run("close an alert centre", opened::close); // closed meanwhile
                } else {
                  center.set(opened);
                  Monitor m = watched;
                  if (m != null && !m.stopped()) {
                    opened.attach(m); // the monitor started before the centre opened
                  }
                }
              }
            },
            tasks.ui());
  }

  /**
   * Feeds the open workspace's alert centre (and the centre of a workspace opened later) with the
   * monitor's signals, and calls the {@linkplain #onPolled polled} hook after each of its polls;
   * before the monitor starts.
   */
  public void attach(Monitor monitor) {
    watched = monitor;
    WorkspaceAlertCenter c = current.get();
    if (c != null) {
      c.attach(monitor);
    }
    // After the centre's own listeners, so the views read what this poll evaluated.
    Runnable after = () -> polled.run();
    monitor.onSnapshot(s -> after.run());
    monitor.onDrift(r -> after.run());
    monitor.onCost(cost -> after.run());
  }

  /**
   * Sets what runs after each poll of an attached monitor, once the centre has evaluated it (on the
   * monitor's thread: it must return quickly).
   */
  public void onPolled(Runnable hook) {
    polled = Objects.requireNonNull(hook, "hook");
  }

  /** The executor the centre opens on. */
  TaskExecutor tasks() {
    return tasks;
  }

  /** Closes the centre (waiting briefly for its events to reach the history); not on FX. */
  public void close() {
    generation.incrementAndGet(); // a centre still opening is closed when it arrives
    WorkspaceAlertCenter c = current.getAndSet(null);
    if (c != null) {
      c.close();
    }
  }

  private void closeCurrent() {
    WorkspaceAlertCenter c = current.getAndSet(null);
    center.set(null);
    if (c != null) {
      tasks.run("close the alert centre", c::close);
    }
  }
}
