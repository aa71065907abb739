package dev.streamwright.app.ui.monitor;

import dev.streamwright.app.alerts.WorkspaceAlertCenter;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.monitor.alerts.ChannelFailure;
import dev.streamwright.monitor.alerts.RuleEngine;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.ui.AlertBell;
import dev.streamwright.monitor.ui.NotificationCentre;
import dev.streamwright.monitor.ui.RuleEditor;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The views of the studio's alerts, following the open workspace's alert centre ({@link
 * StudioAlerts}, the model they show): a bell in the status bar, the notification centre it opens
 * (with a toast per alert that fires, the channels' failures, and Acknowledge through the centre so
 * the history keeps it), and the Alert rules dialog, whose Apply keeps the rules in the workspace.
 * When the workspace changes they are made anew on its centre; while none is open there is no bell.
 * The centre is re-read after every poll of a watched deployment. Confined to the FX thread except
 * {@link #refresh}; the engine is read and changed off the FX thread.
 */
public final class StudioAlertViews {

  private static final Logger LOG = LoggerFactory.getLogger(StudioAlertViews.class);

  /** The views on one centre. */
  private record Views(
      WorkspaceAlertCenter center,
      NotificationCentre centre,
      AlertBell bell,
      Consumer<ChannelFailure> failures) {}

  private final StudioAlerts alerts;
  private final TaskExecutor tasks;
  private final Consumer<Scene> sceneStyler;
  private final Consumer<Parent> dialogStyler;
  private final HBox slot = new HBox();
  private Window toastOwner;
  private volatile Views current;

  /**
   * Views of the studio's alerts; {@code sceneStyler} themes the centre's window and {@code
   * dialogStyler} the rule editor's pane as the studio's.
   */
  public StudioAlertViews(
      StudioAlerts alerts, Consumer<Scene> sceneStyler, Consumer<Parent> dialogStyler) {
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.tasks = alerts.tasks();
    this.sceneStyler = Objects.requireNonNull(sceneStyler, "sceneStyler");
    this.dialogStyler = Objects.requireNonNull(dialogStyler, "dialogStyler");
    slot.setId("alert-slot");
    alerts.centerProperty().addListener((o, was, now) -> follow(now));
    alerts.onPolled(this::refresh);
    follow(alerts.centerProperty().get());
  }

  private void follow(WorkspaceAlertCenter center) {
    drop();
    if (center == null) {
      return;
    }
    NotificationCentre centre = new NotificationCentre(center.center().engine());
    centre.acknowledgeWith(center.center()::acknowledge);
    centre.setToastOwner(toastOwner);
    Consumer<ChannelFailure> failures = f -> centre.reportFailure(f.describe());
    center.center().addFailureListener(failures);
    center.problems().forEach(centre::reportFailure);
    center.center().failures().forEach(failures);
    AlertBell bell = new AlertBell(centre, sceneStyler);
    slot.getChildren().setAll(bell);
    current = new Views(center, centre, bell, failures);
  }

  /** Stops the views of the centre followed until now and hides its window. */
  private void drop() {
    Views old = current;
    current = null;
    slot.getChildren().clear();
    if (old == null) {
      return;
    }
    old.center().center().removeFailureListener(old.failures());
    Window w = old.centre().getScene() == null ? null : old.centre().getScene().getWindow();
    if (w != null) {
      w.hide();
    }
    old.centre().dispose();
  }

  /** The place of the bell in the status bar: empty while no workspace is open. */
  public Node node() {
    return slot;
  }

  /** The engine the views follow; null while no workspace is open. */
  public RuleEngine engine() {
    Views v = current;
    return v == null ? null : v.center().center().engine();
  }

  /** The centre followed; null while no workspace is open. */
  public WorkspaceAlertCenter center() {
    Views v = current;
    return v == null ? null : v.center();
  }

  /** The bell; null while no workspace is open. */
  public AlertBell bell() {
    Views v = current;
    return v == null ? null : v.bell();
  }

  /** The notification centre; null while no workspace is open. */
  public NotificationCentre centre() {
    Views v = current;
    return v == null ? null : v.centre();
  }

  /** The window toasts are shown over. */
  public void setToastOwner(Window owner) {
    toastOwner = owner;
    Views v = current;
    if (v != null) {
      v.centre().setToastOwner(owner);
    }
  }

  /** Re-reads the centre's alerts soon (after a poll), from any thread. */
  public void refresh() {
    Views v = current;
    if (v != null) {
      v.centre().refresh();
    }
  }

  /** Opens the notification centre, if a workspace is open; on the FX thread. */
  public void showCentre() {
    Views v = current;
    if (v != null) {
      v.bell().open();
    }
  }

  /**
   * Opens the Alert rules dialog over {@code owner} on the centre's rules, read off the FX thread;
   * Apply keeps the edited rules in the workspace and evaluates them from then on (off the FX
   * thread). What goes wrong is handed to {@code problem} in words, on the FX thread.
   *
   * @return done when the dialog is shown (or refused)
   */
  public CompletableFuture<Void> editRules(Window owner, Consumer<String> problem) {
    Views v = current;
    if (v == null) {
      problem.accept("No workspace is open: the alert rules are kept in the workspace.");
      return CompletableFuture.completedFuture(null);
    }
    WorkspaceAlertCenter center = v.center();
    v.centre().setToastOwner(owner);
    return tasks
        .supply("read the alert rules", () -> center.center().rules())
        .thenAcceptAsync(rules -> show(owner, center, rules, problem), tasks.ui());
  }

  private void show(
      Window owner, WorkspaceAlertCenter center, RuleSet rules, Consumer<String> problem) {
    RuleEditor editor =
        new RuleEditor(
            owner,
            rules,
            set ->
                tasks
                    .run("save the alert rules", () -> center.saveRules(set, Instant.now()))
                    .whenCompleteAsync(
                        (done, error) -> {
                          if (error != null) {
                            Throwable cause =
                                error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause()
                                    : error;
                            LOG.warn("The alert rules were not saved", cause);
                            problem.accept("The alert rules were not saved: " + cause.getMessage());
                          } else {
                            refresh();
                          }
                        },
                        tasks.ui()));
    dialogStyler.accept(editor.getDialogPane());
    editor.show();
  }

  /** Stops the views; on the FX thread. */
  public void dispose() {
    drop();
  }
}
