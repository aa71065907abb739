/**
 * Where pipelines run: the always-present {@code embedded} environment and named remote Flink
 * clusters, their validation, the secrets they carry (from environment variables or stored
 * encrypted with a key kept outside the workspace) and their resolution into a runtime API {@code
 * RemoteTarget}. Headless; persisted by the workspace.
 */
package dev.streamwright.app.environments;
