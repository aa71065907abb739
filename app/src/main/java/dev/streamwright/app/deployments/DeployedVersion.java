package dev.streamwright.app.deployments;

import java.time.Instant;

/**
 * One pipeline version a deployment ran: its exact JSON is kept in the workspace (read it with the
 * workspace's deployment records), so a rollback redeploys the very same pipeline.
 *
 * @param number the deployment's own numbering: 1 for the first deploy, +1 per upgrade
 * @param pipelineVersion the pipeline's workspace version it was, or 0 when deployed from a file
 * @param sha256 the SHA-256 of the pipeline JSON, in hex
 * @param deployedAt when it was first deployed
 */
public record DeployedVersion(
    int number, long pipelineVersion, String sha256, Instant deployedAt) {}
