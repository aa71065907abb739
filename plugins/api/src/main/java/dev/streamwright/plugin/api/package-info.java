/**
 * The service-provider interface plugins build on. Node types describe their ports and properties,
 * derive their output schema from their inputs and render their Flink SQL. Nothing here depends on
 * Flink or JavaFX, so a plugin can be written and unit-tested without either.
 */
package dev.streamwright.plugin.api;
