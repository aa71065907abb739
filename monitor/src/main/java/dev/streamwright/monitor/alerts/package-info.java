/**
 * Alert rules across every signal the monitor sees, headless and deterministic: {@link
 * dev.streamwright.monitor.alerts.Rule}s (metric, scope, condition, {@code for} duration, severity,
 * de-duplication window, channels) kept in an editable {@link
 * dev.streamwright.monitor.alerts.RuleSet}, a {@link dev.streamwright.monitor.alerts.RuleEngine}
 * evaluated once per poll with the poll's time, its {@link
 * dev.streamwright.monitor.alerts.AlertEvent}s for the notification channels, and {@link
 * dev.streamwright.monitor.alerts.SnapshotSignals}, which turns a monitor snapshot into the
 * engine's values. Nothing here reads a clock, touches JavaFX, Flink or Kafka.
 */
package dev.streamwright.monitor.alerts;
