package dev.streamwright.monitor.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A deployment's cost from its first poll to its last, as a {@link CostMeter} accumulated it: what
 * the cost panel, the showback table and {@code streamwright monitor} show.
 *
 * @param deploymentId the deployment
 * @param prices the name of the price profile it is priced with
 * @param currency that profile's currency
 * @param from the first poll; empty before any
 * @param to the last poll; empty before any
 * @param hours the metered hours (from the first poll to the last)
 * @param requestedCores CPU cores requested (slots and JobManager)
 * @param requestedMemoryGib memory requested in GiB (slots and JobManager)
 * @param usedCores busy cores at the last poll
 * @param cost the cost by resource over the metered hours
 * @param recordsRead records the sources read over the metered hours
 * @param gbRead GB (10^9 bytes) read from Kafka over the metered hours
 * @param gbWritten GB written to Kafka over the metered hours
 * @param projectedMonthly the monthly cost at the current rate (see {@link CostMeter}); empty
 *     before two polls
 * @param window the trailing window the current rate is taken over
 * @param nodes per pipeline node, its part of the cost
 */
public record DeploymentCost(
    String deploymentId,
    String prices,
    String currency,
    Optional<Instant> from,
    Optional<Instant> to,
    double hours,
    double requestedCores,
    double requestedMemoryGib,
    double usedCores,
    CostBreakdown cost,
    double recordsRead,
    double gbRead,
    double gbWritten,
    OptionalDouble projectedMonthly,
    Duration window,
    Map<String, NodeCost> nodes) {

  public DeploymentCost {
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(projectedMonthly, "projectedMonthly");
    Objects.requireNonNull(window, "window");
    nodes = Map.copyOf(nodes);
  }

  /**
   * The cost of a million records read: total cost / records x 10^6. Empty when no record was read
   * (a panel shows "–", never a division by zero).
   */
  public OptionalDouble costPerMillionRecords() {
    return recordsRead > 0
        ? OptionalDouble.of(cost.total() / recordsRead * 1e6)
        : OptionalDouble.empty();
  }

  /**
   * The cost of a GB processed, processed meaning read from Kafka: total cost / GB read. Empty when
   * nothing was read from Kafka (a pipeline without Kafka sources, or none read yet).
   */
  public OptionalDouble costPerGbProcessed() {
    return gbRead > 0 ? OptionalDouble.of(cost.total() / gbRead) : OptionalDouble.empty();
  }
}
