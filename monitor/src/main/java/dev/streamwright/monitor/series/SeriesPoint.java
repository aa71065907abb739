package dev.streamwright.monitor.series;

/**
 * One raw measurement of a series.
 *
 * @param epochMs when it was measured, in epoch milliseconds
 * @param value the measurement
 */
public record SeriesPoint(long epochMs, double value) {}
