package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.PriceProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the cost panel shows: the costs of the watched deployments, their pipelines' tags for the
 * showback table, and the price profiles they are priced with (for the estimate and date label).
 *
 * @param at when the costs were computed
 * @param deployments per deployment its cost, in the order the table lists them
 * @param tags per deployment id, its pipeline's tags; a deployment missing here is untagged
 * @param profiles the price profiles by name; a profile missing here is shown by name only
 */
public record CostView(
    Instant at,
    List<DeploymentCost> deployments,
    Map<String, List<String>> tags,
    Map<String, PriceProfile> profiles) {

  public CostView {
    Objects.requireNonNull(at, "at");
    deployments = List.copyOf(deployments);
    tags = Map.copyOf(tags);
    profiles = Map.copyOf(profiles);
  }

  /** A view of one deployment's cost. */
  public static CostView of(Instant at, DeploymentCost cost, List<String> tags, PriceProfile p) {
    return new CostView(at, List.of(cost), Map.of(cost.deploymentId(), tags), Map.of(p.name(), p));
  }
}
