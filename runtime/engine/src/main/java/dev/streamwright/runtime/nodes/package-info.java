/**
 * The node types Streamwright ships with: sources, transforms, features and sinks, each deriving
 * its output schema with actionable errors and rendering deterministic Flink SQL. They use only the
 * plugin API, like any plugin's node types.
 */
package dev.streamwright.runtime.nodes;
