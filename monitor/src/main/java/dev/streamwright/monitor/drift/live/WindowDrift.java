package dev.streamwright.monitor.drift.live;

import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.ColumnProfile;
import java.time.Instant;
import java.util.Optional;

/**
 * One column over one span of live data (the last closed window, or the sliding view of the last
 * windows merged over subtasks) and its drift against the column's reference.
 *
 * @param start the span's start
 * @param end the span's end (exclusive)
 * @param windows tap windows merged
 * @param rows rows seen (values plus missing)
 * @param missing values missing (null, NaN, infinite)
 * @param current the span's profile: against the reference's bins when there is one, else binned on
 *     its own quantiles (for a histogram)
 * @param drift every measure and the status against the reference; empty without a reference
 */
public record WindowDrift(
    Instant start,
    Instant end,
    int windows,
    long rows,
    long missing,
    Optional<ColumnProfile> current,
    Optional<ColumnDrift> drift) {}
