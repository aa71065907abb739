/**
 * Upgrading a running pipeline to a new version: which of its stateful nodes keep their state and
 * which lose it ({@link dev.streamwright.runtime.upgrade.StateCheck}), and a failed restore from a
 * savepoint in words a user can act on ({@link dev.streamwright.runtime.upgrade.RestoreFailures}).
 * Engine-level: no Flink job, no cluster.
 */
package dev.streamwright.runtime.upgrade;
