package dev.streamwright.app.ui.monitor;

import dev.streamwright.monitor.alerts.RuleEngine;
import dev.streamwright.monitor.alerts.RuleSet;
import dev.streamwright.monitor.ui.AlertBell;
import dev.streamwright.monitor.ui.NotificationCentre;
import dev.streamwright.monitor.ui.RuleEditor;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's alerts: one {@link RuleEngine} (the alert centre's, once the studio holds one), its
 * notification centre with toasts behind a bell in the status bar, and the Alert rules dialog. The
 * engine is only read and changed off the FX thread.
 */
public final class StudioAlertViews {

  private static final Logger LOG = LoggerFactory.getLogger(StudioAlertViews.class);

  private final RuleEngine engine;
  private final NotificationCentre centre;
  private final AlertBell bell;
  private final Consumer<Parent> dialogStyler;

  /**
   * Alerts on the engine; {@code sceneStyler} themes the centre's window and {@code dialogStyler}
   * the rule editor's pane as the studio's.
   */
  public StudioAlertViews(
      RuleEngine engine, Consumer<Scene> sceneStyler, Consumer<Parent> dialogStyler) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.dialogStyler = Objects.requireNonNull(dialogStyler, "dialogStyler");
    this.centre = new NotificationCentre(engine);
    this.bell = new AlertBell(centre, sceneStyler);
  }

  /** The engine the centre follows. */
  public RuleEngine engine() {
    return engine;
  }

  /** The bell for the status bar. */
  public AlertBell bell() {
    return bell;
  }

  /** The notification centre. */
  public NotificationCentre centre() {
    return centre;
  }

  /** Opens the notification centre; on the FX thread. */
  public void showCentre() {
    bell.open();
  }

  /**
   * Opens the Alert rules dialog over {@code owner} on the engine's rules, read off the FX thread;
   * Apply puts the edited rules into the engine (off the FX thread) and hands them to {@code
   * applied} (e.g. to keep them in the workspace), called off the FX thread.
   */
  public CompletableFuture<Void> editRules(Window owner, Consumer<RuleSet> applied) {
    centre.setToastOwner(owner);
    return CompletableFuture.supplyAsync(engine::rules)
        .thenAcceptAsync(
            rules -> {
              RuleEditor editor =
                  new RuleEditor(
                      owner,
                      rules,
                      set ->
                          CompletableFuture.runAsync(() -> engine.replaceRules(set, Instant.now()))
                              .whenComplete(
                                  (v, error) -> {
                                    if (error != null) {
                                      LOG.error("The alert rules were not applied", error);
                                    } else {
                                      applied.accept(set);
                                    }
                                  }));
              dialogStyler.accept(editor.getDialogPane());
              editor.show();
            },
            Platform::runLater);
  }

  /** Stops the centre; on the FX thread. */
  public void dispose() {
    centre.dispose();
  }
}
