/**
 * Bounded history of the monitor's figures: raw points for the last minutes and downsampled buckets
 * for the last day, in primitive ring buffers, safe to write and read from several threads.
 */
package dev.streamwright.monitor.series;
