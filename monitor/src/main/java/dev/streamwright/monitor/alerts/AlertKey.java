package dev.streamwright.monitor.alerts;

import java.util.Objects;

/**
 * Identifies one alert instance: a rule applied to one series.
 *
 * @param ruleId the rule's id
 * @param series the series
 */
public record AlertKey(String ruleId, SeriesKey series) {

  public AlertKey {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(series, "series");
  }
}
