package dev.streamwright.app.ui.run;

import dev.streamwright.app.run.NodeHealthProblems;
import dev.streamwright.app.run.Run;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.compile.Problem;
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
 * The health of a running job's model nodes in the studio: the monitor's polls hand it in while the
 * job runs ({@link #show}), it asks the run once more when the job ends, and only when the numbers
 * change it replaces its problems in the run's problem list, so the canvas redraws once per change.
 * Confined to the FX thread.
 */
final class RunHealth {

  private static final Logger LOG = LoggerFactory.getLogger(RunHealth.class);

  private final TaskExecutor tasks;
  private final ObservableList<Problem> problems;
  private Map<String, NodeHealth> health = Map.of();
  private List<Problem> healthProblems = List.of();

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

  /** Nothing to stop: the monitor polls; kept so a run's end reads alike. */
  void stop() {}

  /** Replaces the health problems when the numbers changed: one list change per change. */
  void show(Map<String, NodeHealth> now) {
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
