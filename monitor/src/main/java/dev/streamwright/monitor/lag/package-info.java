/**
 * Consumer lag maths, on JDK types only: per partition, offset lag, time lag interpolated over the
 * log-end offsets' history (as kafka-lag-exporter does) and direct, time to close, and Burrow's
 * status over the last commits; per group, the aggregates.
 */
package dev.streamwright.monitor.lag;
