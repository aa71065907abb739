package dev.streamwright.monitor.drift.live;

import dev.streamwright.monitor.drift.ColumnProfile;
import java.util.Objects;

/**
 * A column's reference profile and where it came from, e.g. {@code model card fraud-scorer v2},
 * {@code frozen window 2026-12-07T10:00Z to 11:00Z}, {@code file rows.csv}.
 *
 * @param profile the reference profile
 * @param source where it came from, in words
 */
public record LiveReference(ColumnProfile profile, String source) {

  public LiveReference {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(source, "source");
  }
}
