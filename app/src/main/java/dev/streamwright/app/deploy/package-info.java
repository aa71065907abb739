/**
 * The deployment lifecycle, headless: deploy a pipeline to a remote environment, list what runs
 * (reconciling the workspace's records with the cluster), stop with a savepoint, resume, upgrade
 * with a state check, and roll back. Each operation records its events in the workspace's
 * deployment records; the CLI's lifecycle commands and the studio's Deployments view are thin front
 * ends over {@link dev.streamwright.app.deploy.DeploymentService}. Runtimes are reached only
 * through the runtime API.
 */
package dev.streamwright.app.deploy;
