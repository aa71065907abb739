package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * One panel of the Monitor view. It draws a snapshot on the FX thread; while the system its figures
 * come from is unreachable or the deployment ended, it keeps the last figures greyed (pseudo-class
 * {@code :stale}) under a line that says why, and adds nothing to its charts.
 */
abstract class MonitorPanel extends BorderPane {

  private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

  private final Label note = new Label();

  /** What a panel needs besides the snapshot. */
  record Context(ZoneId zone, Optional<Duration> slo) {}

  MonitorPanel(String id) {
    setId(id);
    getStyleClass().add("monitor-panel");
    note.getStyleClass().add("stale-note");
    note.setWrapText(true);
    note.setMaxWidth(Double.MAX_VALUE);
    note.setMinHeight(Region.USE_PREF_SIZE);
    note.setVisible(false);
    note.setManaged(false);
    setTop(note);
  }

  /** Sets the panel's body, the part that greys out when stale. */
  final void body(Node body) {
    body.getStyleClass().add("panel-body");
    setCenter(body);
  }

  /** Shows a snapshot's figures in the panel's tables and labels. */
  abstract void show(MonitorSnapshot snapshot, Context context);

  /**
   * Adds a snapshot's points to the panel's charts; only called with fresh figures, also while the
   * panel is hidden, so its history has no gaps. A snapshot whose points are there is skipped.
   */
  void chart(MonitorSnapshot snapshot, Context context) {}

  /** Whether the figures of this panel are fresh in the snapshot (its systems answered). */
  abstract boolean live(MonitorSnapshot snapshot);

  /** Why the figures are not fresh, in words; only asked when {@link #live} is false. */
  abstract String staleReason(MonitorSnapshot snapshot, ZoneId zone);

  /** Selects the row of a node, group or sink; returns whether the panel has it. */
  abstract boolean focus(String focus);

  /** Tells the panel whether its tab shows, so hidden charts leave the scene. */
  void showing(boolean showing) {}

  /** Puts past points of one chart series before the live ones; panels without it ignore it. */
  void seed(ChartHistory.Series series, List<ChartHistory.Point> points) {}

  /**
   * Draws a snapshot: its chart points (when fresh) and stale state always, its tables only when
   * the panel shows; a hidden panel's tables are filled by {@link #refresh} when it is opened,
   * which spares the FX thread the layout of tables nobody sees.
   */
  final void render(MonitorSnapshot snapshot, Context context, boolean showing) {
    boolean live = live(snapshot);
    if (live) {
      chart(snapshot, context);
    }
    stale(snapshot, context, live);
    if (showing) {
      show(snapshot, context);
    }
  }

  /** Draws a snapshot's tables and stale state (not its chart points). */
  final void refresh(MonitorSnapshot snapshot, Context context) {
    stale(snapshot, context, live(snapshot));
    show(snapshot, context);
  }

  private void stale(MonitorSnapshot snapshot, Context context, boolean live) {
    pseudoClassStateChanged(STALE, !live);
    note.setText(live ? "" : staleReason(snapshot, context.zone()));
    note.setVisible(!live);
    note.setManaged(!live);
  }

  /** Whether a link's figures are fresh: connected, or nothing to reach there. */
  static boolean fresh(Link link) {
    return link.state() == Link.State.CONNECTED || link.state() == Link.State.NONE;
  }

  /** The stale line for a link that is not connected, e.g. after Flink went away. */
  static String linkNote(String system, Link link, ZoneId zone) {
    if (link.state() == Link.State.ENDED) {
      return "The deployment " + link.describe(zone) + ". These are its last figures.";
    }
    return "Showing the last figures received. "
        + system
        + ": "
        + link.describe(zone)
        + ". The monitor keeps trying.";
  }

  /** The stale line's text (empty when live); for tests. */
  final String noteText() {
    return note.getText();
  }

  /** Whether the panel is greyed out. */
  final boolean isStale() {
    return getPseudoClassStates().contains(STALE);
  }
}
