package dev.streamwright.app.ui.run;

import dev.streamwright.app.run.NodeHealthProblems;
import dev.streamwright.app.run.Run;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.compile.Problem;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of a running job's model nodes in the studio: asks the run every few seconds on a
 * background thread while it runs (and once more when it ends) and, only when the numbers change,
 * replaces its problems in the run's problem list, so the canvas redraws once per change. Confined
 * to the FX thread.
 */
final class RunHealth {

  private static final Logger LOG = LoggerFactory.getLogger(RunHealth.class);

  /**
   * How often a running job's model nodes are asked how they are doing: the numbers come from
   * Flink's metrics, which the embedded cluster refreshes every 0.5 s, and a problem that shows
   * within seconds is soon enough for counts that only grow.
   */
  private static final Duration EVERY = Duration.ofSeconds(2);

  private final TaskExecutor tasks;
  private final ObservableList<Problem> problems;
  private Map<String, NodeHealth> health = Map.of();
  private List<Problem> healthProblems = List.of();
  private TaskExecutor.Scheduled poll;

  /**
   * @param problems the run's problems, where the health problems go
   */
  RunHealth(TaskExecutor tasks, ObservableList<Problem> problems) {
    this.tasks = tasks;
    this.problems = problems;
  }

  /** Forgets the last run's numbers (its problems are cleared with the list). */
  void reset() {
    stop();
    health = Map.of();
    healthProblems = List.of();
  }

  /**
   * Asks for the node health {@link #EVERY} from now, and again after each answer while {@code
   * running} says the run still runs.
   */
  void poll(Run run, BooleanSupplier running) {
    poll =
        tasks.schedule(
            EVERY,
            () -> {
              if (!running.getAsBoolean()) {
                return;
              }
              tasks
                  .supply("read the node health of job " + jobId(run), run::nodeHealth)
                  .whenCompleteAsync(
                      (h, error) -> {
                        if (!running.getAsBoolean()) {
                          return;
                        }
                        if (error != null) {
                          LOG.debug("Reading the node health of job {} failed", jobId(run), error);
                        } else {
                          show(h);
                        }
                        poll(run, running);
                      },
                      tasks.ui());
            });
  }

  /**
   * One more read once the job has ended: a short job may end between two polls, and its skipped
   * rows must still show. The runtime answers with what it last knew if Flink has already dropped
   * the job's metrics.
   *
   * @param current whether the run is still the one shown when the answer comes
   */
  void last(Run run, BooleanSupplier current) {
    tasks
        .supply("read the final node health of job " + jobId(run), run::nodeHealth)
        .whenCompleteAsync(
            (h, error) -> {
              if (current.getAsBoolean() && error == null) {
                show(h);
              }
            },
            tasks.ui());
  }

  /** Stops asking. */
  void stop() {
    if (poll != null) {
      poll.cancel();
      poll = null;
    }
  }

  /** Replaces the health problems when the numbers changed: one list change per change. */
  private void show(Map<String, NodeHealth> now) {
    if (now.equals(health)) {
      return;
    }
    health = Map.copyOf(now);
    // A node the run's failure is already on needs no second error saying its rows failed.
    Set<String> failedNodes = new HashSet<>();
    for (Problem p : problems) {
      if (p.isError() && p.nodeId() != null && !healthProblems.contains(p)) {
        failedNodes.add(p.nodeId());
      }
    }
    List<Problem> fresh =
        NodeHealthProblems.of(now, ZoneId.systemDefault()).stream()
            .filter(p -> !(p.isError() && failedNodes.contains(p.nodeId())))
            .toList();
    if (fresh.equals(healthProblems)) {
      return;
    }
    List<Problem> next = new ArrayList<>(problems);
    next.removeAll(healthProblems);
    next.addAll(fresh);
    healthProblems = List.copyOf(fresh);
    problems.setAll(next);
  }

  private static String jobId(Run run) {
    return run.deployment() == null ? "" : run.deployment().jobId();
  }
}
