package dev.streamwright.samples.models;

import java.util.List;
import java.util.function.Supplier;

/**
 * The three models the samples score with, each the exact twin of its pipeline's placeholder
 * formula, with the traffic its reference profile comes from and a few hand-written rows from the
 * sample's scenario (a fraud burst, a vibration ramp, a queue outage) so that the examples reach
 * the high scores normal traffic rarely produces.
 *
 * @param model the weights and names
 * @param reference computes the sample pipeline's model inputs from normal traffic
 * @param scenarioRows labelled input rows a scenario step produces, in the model's feature order
 */
public record SampleModels(
    LogisticModel model, Supplier<ReferenceTraffic> reference, List<ScenarioRow> scenarioRows) {

  /** An input row the sample's scenario produces, with what it stands for. */
  public record ScenarioRow(String source, double[] values) {}

  /** fraud-detection's {@code fraud_score} node. */
  public static final LogisticModel FRAUD_SCORER =
      new LogisticModel(
          "fraud-scorer",
          1,
          "Probability that a card transaction is fraudulent, from its amount and the user's"
              + " spending over the last minute.",
          "fraud-detection",
          "fraud_score",
          "1 / (1 + EXP(-(-6.5 + 0.002 * amount + 0.0005 * avg_1min_spend + 0.15 * tx_count_1min"
              + " + 1.0 * amount_ratio)))",
          List.of(
              Feature.of(
                  "amount",
                  "The transaction's amount; the pipeline's validate step admits 0 to 100,000.",
                  "currency units",
                  0,
                  100_000,
                  0.002),
              Feature.of(
                  "avg_1min_spend",
                  "The user's average amount over the minute up to and including this transaction.",
                  "currency units",
                  0,
                  100_000,
                  0.0005),
              Feature.of(
                  "tx_count_1min",
                  "The user's transactions over the minute up to and including this one (at least"
                      + " 1); a count, fed as a float.",
                  "transactions",
                  1,
                  200,
                  0.15),
              Feature.of(
                  "amount_ratio",
                  "amount / avg_1min_spend: how far this transaction stands out from the user's"
                      + " last minute (at most tx_count_1min).",
                  "ratio",
                  0,
                  200,
                  1.0)),
          -6.5,
          "fraud_score",
          "Probability in [0, 1] that the transaction is fraud; the sample alerts above 0.8.");

  /** fleet-telemetry's {@code maintenance_risk} node. */
  public static final LogisticModel MAINTENANCE_RISK =
      new LogisticModel(
          "maintenance-risk",
          1,
          "Probability that a vehicle needs maintenance, from its 5-minute vibration spread,"
              + " hottest engine reading and average speed.",
          "fleet-telemetry",
          "maintenance_risk",
          "1 / (1 + EXP(-(-7.5 + 25 * vibration_stddev + 0.08 * (max_engine_temp - 220) + 0.01 *"
              + " (avg_speed - 60))))",
          List.of(
              Feature.of(
                  "vibration_stddev",
                  "Population standard deviation of the vehicle's vibration readings in a 5-minute"
                      + " window.",
                  "mm/s RMS",
                  0,
                  5,
                  25),
              new Feature(
                  "max_engine_temp",
                  "The vehicle's hottest engine reading in the window; weighted as (x - 220).",
                  "°F",
                  150,
                  300,
                  0.08,
                  220),
              new Feature(
                  "avg_speed",
                  "The vehicle's average speed in the window (readings are clamped to 0-130);"
                      + " weighted as (x - 60).",
                  "km/h",
                  0,
                  130,
                  0.01,
                  60)),
          -7.5,
          "failure_probability",
          "Probability in [0, 1] that the vehicle needs maintenance soon; the sample orders"
              + " maintenance above 0.7.");

  /** call-center's {@code churn_risk} node. */
  public static final LogisticModel CHURN_RISK =
      new LogisticModel(
          "churn-risk",
          1,
          "Probability that a customer churns, from their calls in a 10-minute window: how long"
              + " they took and how many went badly.",
          "call-center",
          "churn_risk",
          "1 / (1 + EXP(-(-8 + 0.007 * avg_call_duration + 8 * CAST(negative_calls AS DOUBLE) /"
              + " calls)))",
          List.of(
              Feature.of(
                  "avg_call_duration",
                  "The customer's average call duration in the window (calls last 10 s to 2 h).",
                  "s",
                  10,
                  7200,
                  0.007),
              Feature.of(
                  "negative_call_ratio",
                  "negative_calls / calls: the share of the customer's calls in the window with"
                      + " sentiment_score < -0.3.",
                  "ratio",
                  0,
                  1,
                  8)),
          -8,
          "churn_probability",
          "Probability in [0, 1] that the customer churns; the sample queues a retention call"
              + " above 0.5.");

  /** The samples' models in a fixed order. */
  public static List<SampleModels> all() {
    return List.of(
        new SampleModels(
            FRAUD_SCORER,
            ReferenceTraffic::fraud,
            List.of(
                new ScenarioRow(
                    "scenario: amounts shifted up, one transaction far above the user's minute",
                    new double[] {1200, 400, 3, 3}),
                new ScenarioRow(
                    "scenario: fraud burst, many high transactions in a minute",
                    new double[] {3800, 2950, 14, 1.2881}))),
        new SampleModels(
            MAINTENANCE_RISK,
            ReferenceTraffic::fleet,
            List.of(
                new ScenarioRow(
                    "scenario: vibration starting to climb, engine warm",
                    new double[] {0.22, 228.4, 71}),
                new ScenarioRow(
                    "scenario: vibration ramp, minutes later, engine hot",
                    new double[] {0.45, 236.5, 58.2}))),
        new SampleModels(
            CHURN_RISK,
            ReferenceTraffic::callCenter,
            List.of(
                new ScenarioRow(
                    "scenario: queue outage begins, longer calls, a quarter negative",
                    new double[] {620, 0.25}),
                new ScenarioRow(
                    "scenario: queue outage, durations doubled, half the calls negative",
                    new double[] {910, 0.5}))));
  }
}
