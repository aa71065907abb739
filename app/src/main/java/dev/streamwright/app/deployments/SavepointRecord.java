package dev.streamwright.app.deployments;

import java.time.Instant;

/**
 * A savepoint taken of a deployment's job.
 *
 * @param path where the cluster wrote it (a URI)
 * @param takenAt when it completed
 * @param version the deployment's pipeline version whose state it holds
 * @param jobId the job it was taken of
 */
public record SavepointRecord(String path, Instant takenAt, int version, String jobId) {}
