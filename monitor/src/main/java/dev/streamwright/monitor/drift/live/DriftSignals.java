package dev.streamwright.monitor.drift.live;

import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import dev.streamwright.monitor.drift.ColumnDrift;
import dev.streamwright.monitor.drift.DatasetDrift;
import dev.streamwright.monitor.drift.DriftMethod;
import dev.streamwright.monitor.drift.MeasureResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert values of a drift report. Rules watch the sliding view (the last 15 windows merged),
 * whose measures are steadier than one window's: per column ({@code nodeId/column}) every measure
 * that applies to it and has a value ({@link Metric#DRIFT_PSI}, {@link
 * Metric#DRIFT_JENSEN_SHANNON}, {@link Metric#DRIFT_KS_P_VALUE}, {@link Metric#DRIFT_WASSERSTEIN},
 * {@link Metric#DRIFT_CHI_SQUARED_P_VALUE}), and per pipeline {@link Metric#DATASET_DRIFT_SHARE}:
 * the drifted share of every tapped column with a reference and data, over all tapped nodes.
 * Columns without a reference or data give no value (a rule then sees no series rather than 0).
 */
public final class DriftSignals {

  private DriftSignals() {}

  /** The values of a report by series. */
  public static Map<SeriesKey, Double> values(DriftReport report) {
    Map<SeriesKey, Double> out = new LinkedHashMap<>();
    String deployment = report.deploymentId();
    List<ColumnDrift> all = new ArrayList<>();
    for (NodeDrift node : report.nodes()) {
      for (ColumnLiveDrift column : node.columns()) {
        column
            .view()
            .flatMap(WindowDrift::drift)
            .ifPresent(
                drift -> {
                  all.add(drift);
                  for (MeasureResult m : drift.measures()) {
                    if (Double.isFinite(m.value())) {
                      out.put(
                          SeriesKey.column(
                              metric(m.method()), deployment, node.nodeId(), column.column()),
                          m.value());
                    }
                  }
                });
      }
    }
    DatasetDrift dataset = DatasetDrift.of(all);
    if (Double.isFinite(dataset.share())) {
      out.put(SeriesKey.pipeline(Metric.DATASET_DRIFT_SHARE, deployment), dataset.share());
    }
    return out;
  }

  /** The alert metric of a measure. */
  public static Metric metric(DriftMethod method) {
    return switch (method) {
      case PSI -> Metric.DRIFT_PSI;
      case JENSEN_SHANNON -> Metric.DRIFT_JENSEN_SHANNON;
      case KOLMOGOROV_SMIRNOV -> Metric.DRIFT_KS_P_VALUE;
      case WASSERSTEIN -> Metric.DRIFT_WASSERSTEIN;
      case CHI_SQUARED -> Metric.DRIFT_CHI_SQUARED_P_VALUE;
    };
  }
}
