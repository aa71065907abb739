package dev.streamwright.runtime.gateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Streamwright mark in a deployed job's name, e.g. {@code streamwright-orders [streamwright
 * deployment=3f2a... pipeline=orders version=4]}: the cluster itself then says which deployment,
 * pipeline and version each job runs, so reconciling after a restart of the studio (or after a
 * deploy interrupted before it returned) finds every job without any other record.
 */
final class JobNames {

  private static final Pattern MARK =
      Pattern.compile(
          "\\[streamwright deployment=([^\\s\\]]+) pipeline=([^\\s\\]]+) version=(-?\\d+)\\]$");

  /** What a job name's mark says. */
  record Mark(String deploymentId, String pipelineId, long version) {}

  private JobNames() {}

  /** The job name: {@code base} followed by the mark. */
  static String name(String base, String deploymentId, String pipelineId, long version) {
    return base
        + " [streamwright deployment="
        + token(deploymentId)
        + " pipeline="
        + token(pipelineId)
        + " version="
        + version
        + "]";
  }

  /** The mark of a job name, if it has one. */
  static Optional<Mark> parse(String jobName) {
    if (jobName == null) {
      return Optional.empty();
    }
    Matcher m = MARK.matcher(jobName.strip());
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new Mark(m.group(1), m.group(2), Long.parseLong(m.group(3))));
  }

  private static String token(String s) {
    return s.replaceAll("[\\s\\]]", "_");
  }
}
