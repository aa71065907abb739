/**
 * What Streamwright remembers about the pipelines it deployed to remote environments: per
 * deployment the exact pipeline versions deployed, the job, its last known state, its history of
 * events, savepoints and retained checkpoints. Plain values; the workspace persists them.
 */
package dev.streamwright.app.deployments;
