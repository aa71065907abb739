package dev.streamwright.app.ui.run;

import dev.streamwright.app.run.PreviewPoller;
import dev.streamwright.app.run.RowMailbox;
import dev.streamwright.app.run.Run;
import dev.streamwright.runtime.api.DeploymentStatus;
import dev.streamwright.runtime.api.ResultRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * Coalesces a running job's rows into its preview tables: the run's followers leave rows in
 * mailboxes on their threads, and a timeline on the FX thread moves them into one {@link
 * PreviewTable} per sink a few times a second, one list change per sink per tick. When the preview
 * follower has ended and its last rows are in, it reports the job's last status once. Confined to
 * the FX thread.
 */
final class PreviewDrain {

  /**
   * How often arrived rows reach the tables: four updates a second reads as live, and a table
   * refresh per pulse (60 a second) would only burn CPU on a busy preview.
   */
  private static final Duration EVERY = Duration.millis(250);

  private final Map<String, PreviewTable> tablesBySink = new LinkedHashMap<>();
  private final ObservableList<PreviewTable> previews;
  private Timeline timeline;

  /**
   * @param previews the list the tables show in
   */
  PreviewDrain(ObservableList<PreviewTable> previews) {
    this.previews = previews;
  }

  /** Empties the tables of the last run. */
  void clear() {
    stop();
    tablesBySink.clear();
    previews.clear();
  }

  /**
   * Makes a table per preview sink and per followed Kafka sink topic of the deployed run, and
   * starts moving rows into them.
   *
   * @param tick called on every tick, before the rows move (e.g. to refresh generator counters)
   * @param ended called once with the job's last status when the preview follower has ended
   */
  void start(
      Run run,
      PreviewPoller poller,
      RowMailbox rows,
      Runnable tick,
      Consumer<DeploymentStatus> ended) {
    for (String sink : run.deployment().previewSinks()) {
      tablesBySink.put(sink, PreviewTables.of(run.pipeline(), run.compiled(), sink));
    }
    for (String sink : run.followedTopicSinks()) {
      tablesBySink.put(sink, PreviewTables.of(run.pipeline(), run.compiled(), sink));
    }
    previews.setAll(tablesBySink.values());
    timeline =
        new Timeline(
            new KeyFrame(
                EVERY,
                e -> {
                  boolean done = poller.isDone(); // read first: rows queued before are drained
                  Map<String, List<ResultRow>> bySink = rows.takeAll();
                  run.topicFollower().ifPresent(t -> t.batches().takeInto(bySink));
                  tick.run();
                  bySink.forEach(
                      (sink, arrived) -> {
                        PreviewTable table = tablesBySink.get(sink);
                        if (table != null) {
                          table.append(arrived);
                        }
                      });
                  if (done) {
                    stop();
                    ended.accept(poller.latestStatus());
                  }
                }));
    timeline.setCycleCount(Animation.INDEFINITE);
    timeline.play();
  }

  /** Stops moving rows; the tables keep what they show. */
  void stop() {
    if (timeline != null) {
      timeline.stop();
      timeline = null;
    }
  }
}
