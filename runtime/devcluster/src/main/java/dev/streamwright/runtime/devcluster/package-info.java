/**
 * The dev cluster: a real Flink session cluster on 127.0.0.1 (JobManager, TaskManager and SQL
 * Gateway in three child JVMs) built from the Flink jars on Streamwright's own class path, for
 * trying remote deploys on one machine and for integration tests. It depends on no other
 * Streamwright package.
 */
package dev.streamwright.runtime.devcluster;
