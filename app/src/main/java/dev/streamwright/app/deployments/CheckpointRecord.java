package dev.streamwright.app.deployments;

import java.time.Instant;

/**
 * A checkpoint the cluster retains for a deployment's job, which a resume can start from.
 *
 * @param path where the cluster keeps it (a URI)
 * @param completedAt when it completed
 * @param version the deployment's pipeline version whose state it holds
 * @param jobId the job it belongs to
 * @param sizeBytes its size as the cluster reported it, or 0 when unknown
 */
public record CheckpointRecord(
    String path, Instant completedAt, int version, String jobId, long sizeBytes) {}
