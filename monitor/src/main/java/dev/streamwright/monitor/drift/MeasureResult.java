package dev.streamwright.monitor.drift;

/**
 * One measure of one column: its value and the status its threshold gives.
 *
 * @param method the measure
 * @param value the value (a PSI, a distance or a p-value); NaN when there was nothing to compare
 * @param status the status
 */
public record MeasureResult(DriftMethod method, double value, DriftStatus status) {}
