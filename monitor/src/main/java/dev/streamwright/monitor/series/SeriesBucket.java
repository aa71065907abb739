package dev.streamwright.monitor.series;

/**
 * The measurements of a series within one downsampling bucket.
 *
 * @param startMs the bucket's start, in epoch milliseconds (a multiple of the bucket length)
 * @param min the smallest measurement
 * @param max the largest measurement
 * @param avg the mean of the measurements
 * @param count how many measurements the bucket holds
 */
public record SeriesBucket(long startMs, double min, double max, double avg, long count) {}
