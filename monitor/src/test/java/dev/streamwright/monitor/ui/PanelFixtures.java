package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.cost.CostBreakdown;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.NodeCost;
import dev.streamwright.monitor.cost.PricePresets;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.drift.CategoricalAccumulator;
import dev.streamwright.monitor.drift.CategoricalProfile;
import dev.streamwright.monitor.drift.NumericAccumulator;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.ProfileOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Realistic figures for the drift, cost and alert panels' tests and pictures: the fraud sample's
 * Model score node with {@code amount} shifted by 1.4x against its reference, and three priced
 * deployments with showback tags.
 */
final class PanelFixtures {

  static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

  private static final String[] MERCHANTS = {
    "grocery", "fuel", "online", "travel", "restaurants", "electronics"
  };

  private static final double[] MERCHANT_WEIGHTS = {0.30, 0.18, 0.25, 0.07, 0.14, 0.06};

  private PanelFixtures() {}

  /** Log-normal transaction amounts (median about 33), times a factor. */
  static double[] amounts(Random r, int n, double factor) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = factor * Math.exp(3.5 + 0.5 * r.nextGaussian());
    }
    return v;
  }

  static List<String> merchants(Random r, int n, double onlineBoost) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble() * (1 + onlineBoost);
      double acc = 0;
      String pick = MERCHANTS[MERCHANTS.length - 1];
      if (u >= 1) {
        pick = "online";
      } else {
        for (int k = 0; k < MERCHANTS.length; k++) {
          acc += MERCHANT_WEIGHTS[k];
          if (u < acc) {
            pick = MERCHANTS[k];
            break;
          }
        }
      }
      out.add(pick);
    }
    return out;
  }

  /** A numeric column's view: a 10,000-row reference against a window of the given factor. */
  static DriftView.Column numeric(
      String node,
      String column,
      long seed,
      long windowSeed,
      double factor,
      int windowRows,
      int missing) {
    NumericProfile reference =
        NumericProfile.reference(amounts(new Random(seed), 10_000, 1.0), ProfileOptions.DEFAULTS);
    NumericAccumulator window = new NumericAccumulator(reference, windowSeed);
    for (double v : amounts(new Random(windowSeed), windowRows, factor)) {
      window.add(v);
    }
    for (int i = 0; i < missing; i++) {
      window.addMissing();
    }
    return DriftView.Column.of(node, column, reference, window.snapshot());
  }

  /** A categorical column's view: merchants, with online's share raised in the window. */
  static DriftView.Column categorical(
      String node, String column, long seed, long windowSeed, double onlineBoost, int windowRows) {
    CategoricalProfile reference =
        CategoricalProfile.reference(
            merchants(new Random(seed), 10_000, 0), ProfileOptions.DEFAULTS);
    CategoricalAccumulator window = new CategoricalAccumulator(reference);
    for (String v : merchants(new Random(windowSeed), windowRows, onlineBoost)) {
      window.add(v);
    }
    return DriftView.Column.of(node, column, reference, window.snapshot());
  }

  /**
   * The fraud sample's monitored columns one minute after the scripted shift: {@code amount} 1.4x
   * larger, {@code merchant} a little more online, the rest as in the reference.
   */
  static DriftView fraudAfterShift(Instant at, double amountFactor) {
    // Each window draws its own rows (seeded by its time); the references stay the same.
    long w = at.getEpochSecond() * 10;
    return DriftView.of(
        "fraud-detection-1",
        at,
        List.of(
            numeric("fraud_score", "amount", 11, w + 1, amountFactor, 3_000, 12),
            numeric(
                "fraud_score", "avg_1min_spend", 12, w + 2, 1.0 + (amountFactor - 1) / 4, 3_000, 0),
            categorical("fraud_score", "merchant", 13, w + 3, 0.08, 3_000),
            numeric("fraud_score", "tx_count_1min", 14, w + 4, 1.0, 3_000, 0),
            numeric("fraud_score", "fraud_probability", 15, w + 5, 1.0, 3_000, 0)));
  }

  static PriceProfile aws() {
    return PricePresets.AWS_US_EAST_1;
  }

  /** One deployment's cost with the figures given and two nodes. */
  static DeploymentCost cost(
      String id, double hours, CostBreakdown b, double records, double gbRead, double monthly) {
    return new DeploymentCost(
        id,
        aws().name(),
        aws().currency(),
        Optional.of(NOON.minus(Duration.ofMinutes((long) (hours * 60)))),
        Optional.of(NOON),
        hours,
        4,
        16,
        1.3,
        b,
        records,
        gbRead,
        gbRead / 2,
        monthly < 0 ? OptionalDouble.empty() : OptionalDouble.of(monthly),
        Duration.ofMinutes(15),
        Map.of(
            "fraud_score",
            new NodeCost("fraud_score", 0.9, 0.7, b.cpuUsed() * 0.7, 0, 0),
            "transactions",
            new NodeCost("transactions", 0.4, 0.3, b.cpuUsed() * 0.3, b.kafkaRead(), 0)));
  }

  /** Three deployments, two of the fraud-ops cost centre, one untagged. */
  static CostView threeDeployments() {
    DeploymentCost fraud =
        cost(
            "fraud-detection-1",
            2,
            new CostBreakdown(0.26, 0.54, 0.05, 0.10, 0.02, 0.01, 0.003),
            7_200_000,
            3.6,
            712.5);
    DeploymentCost fraudEu =
        cost(
            "fraud-detection-eu",
            2,
            new CostBreakdown(0.40, 0.40, 0.08, 0.07, 0.03, 0.02, 0.004),
            9_000_000,
            4.5,
            730.0);
    DeploymentCost clicks =
        cost("clicks-per-user", 0.5, new CostBreakdown(0.01, 0.19, 0.01, 0.03, 0, 0, 0), 0, 0, -1);
    return new CostView(
        NOON,
        List.of(fraud, fraudEu, clicks),
        Map.of(
            "fraud-detection-1", List.of("kafka", "cost_center:fraud-ops", "team=risk"),
            "fraud-detection-eu", List.of("cost_center:fraud-ops", "team=risk-eu"),
            "clicks-per-user", List.of("demo")),
        Map.of(aws().name(), aws()));
  }
}
