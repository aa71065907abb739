package dev.streamwright.monitor.cost;

import dev.streamwright.monitor.alerts.Metric;
import dev.streamwright.monitor.alerts.SeriesKey;
import java.util.Map;

/**
 * Turns a {@link DeploymentCost} into the alert engine's values: {@link
 * Metric#PROJECTED_MONTHLY_COST} of the deployment (a pipeline-wide series), the projection of
 * {@link CostMeter}, in the price profile's currency. Before two polls there is no projection and
 * so no value: a missing value neither fires nor resolves an alert.
 */
public final class CostSignals {

  private CostSignals() {}

  /** The values of one cost, keyed by series. */
  public static Map<SeriesKey, Double> values(DeploymentCost cost) {
    if (cost.projectedMonthly().isEmpty()) {
      return Map.of();
    }
    return Map.of(
        SeriesKey.pipeline(Metric.PROJECTED_MONTHLY_COST, cost.deploymentId()),
        cost.projectedMonthly().getAsDouble());
  }
}
