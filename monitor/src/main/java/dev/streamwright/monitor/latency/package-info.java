/** End-to-end latency percentiles over a sliding window, on HdrHistogram. */
package dev.streamwright.monitor.latency;
