package dev.streamwright.monitor.drift.live;

import java.util.Optional;

/**
 * A tapped column's live drift: its last closed window and its sliding view against its reference.
 *
 * @param nodeId the tapped node's id
 * @param column the column's name
 * @param kind {@code numeric} or {@code categorical}, as the tap sends it
 * @param subtasks the job's subtasks that report the column
 * @param reference the reference compared with; empty when none is set
 * @param lastWindow the last closed window merged over subtasks; empty before one closed
 * @param view the sliding view (the last {@value ColumnHistory#VIEW_WINDOWS} closed windows)
 * @param problem what keeps the column from being compared, in words (no reference, a reference of
 *     another kind, an unreadable gauge); empty when nothing does
 */
public record ColumnLiveDrift(
    String nodeId,
    String column,
    String kind,
    int subtasks,
    Optional<LiveReference> reference,
    Optional<WindowDrift> lastWindow,
    Optional<WindowDrift> view,
    String problem) {}
