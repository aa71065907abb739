package dev.streamwright.monitor.series;

import java.util.Objects;

/**
 * Names one series: a metric and the scope it was measured in.
 *
 * @param metric what is measured, e.g. {@code records_out_per_s}
 * @param scope where, e.g. {@code node:score} or {@code group:fraud/transactions/0}
 */
public record SeriesKey(String metric, String scope) {

  public SeriesKey {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(scope, "scope");
  }
}
