/**
 * Live drift of a running deployment: reads the drift tap's gauges (one text per monitored column
 * and subtask, the last closed processing-time window) through Flink's REST API, merges subtasks
 * and windows, compares them with the columns' references (model card, frozen live window, file)
 * and reports per tapped node and column, with the values alert rules watch. Depends on the drift
 * core, the Flink REST client and the alerts' series keys; no JavaFX.
 */
package dev.streamwright.monitor.drift.live;
