package dev.streamwright.runtime.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A handle to one run of a compiled pipeline on a runtime. The runtime that made it answers
 * questions about it; the handle itself is a plain value the studio can record.
 *
 * @param id Streamwright's id for this deployment
 * @param pipelineId the pipeline that was deployed
 * @param pipelineVersion its version at deploy time
 * @param jobId the Flink job id
 * @param runtime a description of the runtime, e.g. {@code embedded Flink at 127.0.0.1:41233}
 * @param startedAt when the job was submitted
 * @param previewSinks the preview sink node ids whose rows {@link PipelineRuntime#results} streams
 */
public record Deployment(
    String id,
    String pipelineId,
    long pipelineVersion,
    String jobId,
    String runtime,
    Instant startedAt,
    List<String> previewSinks) {

  public Deployment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pipelineId, "pipelineId");
    previewSinks = List.copyOf(previewSinks == null ? List.of() : previewSinks);
  }
}
