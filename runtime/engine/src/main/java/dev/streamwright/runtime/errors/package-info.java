/**
 * Turns Flink's failures (planner refusals, job failures) into sentences a user can act on, mapped
 * back to the node and property that caused them; shared by planner validation and every runtime.
 */
package dev.streamwright.runtime.errors;
