/**
 * Alert rules across every signal the monitor sees, headless and deterministic: {@link
 * dev.streamwright.monitor.alerts.Rule}s (metric, scope, condition, {@code for} duration, severity,
 * de-duplication window, channels) kept in an editable {@link
 * dev.streamwright.monitor.alerts.RuleSet}, a {@link dev.streamwright.monitor.alerts.RuleEngine}
 * evaluated once per poll with the poll's time, its {@link
 * dev.streamwright.monitor.alerts.AlertEvent}s for the notification channels, and {@link
 * dev.streamwright.monitor.alerts.SnapshotSignals}, which turns a monitor snapshot into the
 * engine's values; the engine reads no clock. {@link dev.streamwright.monitor.alerts.AlertCenter}
 * is the runtime around it: fed by every monitor, it dispatches events to listeners and {@link
 * dev.streamwright.monitor.alerts.AlertChannel}s on threads of its own. Nothing here touches
 * JavaFX, Flink or Kafka.
 */
package dev.streamwright.monitor.alerts;
