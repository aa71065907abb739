package dev.streamwright.monitor.flink;

import dev.streamwright.monitor.figures.JobFigures;
import dev.streamwright.monitor.figures.NodeFigures;
import java.util.Map;
import java.util.Objects;

/**
 * What one poll of a job's REST API saw: the job's health and, per mapped pipeline node, its
 * figures.
 *
 * @param job the job as a whole
 * @param nodes per node id; nodes no vertex runs are absent
 */
public record JobPoll(JobFigures job, Map<String, NodeFigures> nodes) {

  public JobPoll {
    Objects.requireNonNull(job, "job");
    nodes = Map.copyOf(nodes);
  }
}
