package dev.streamwright.samples.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The models' weights are the placeholder formulas, written out here as the sample integration
 * tests write them, so that replacing a pipeline's formula with its model changes no score.
 */
class SampleModelsTest {

  @Test
  void fraudScorerIsTheFraudScoreFormula() {
    double[][] rows = {{3.54, 81.6, 2, 0.0434}, {1151.85, 247.95, 8, 4.645}, {3800, 2950, 14, 1.3}};
    for (double[] r : rows) {
      double formula =
          1 / (1 + Math.exp(-(-6.5 + 0.002 * r[0] + 0.0005 * r[1] + 0.15 * r[2] + 1.0 * r[3])));
      assertThat(SampleModels.FRAUD_SCORER.score(r)).isCloseTo(formula, within(1e-15));
    }
  }

  @Test
  void maintenanceRiskIsTheMaintenanceRiskFormula() {
    double[][] rows = {{0.05, 205.3, 42}, {0.22, 228.4, 71}, {0.45, 236.5, 58.2}};
    for (double[] r : rows) {
      double formula =
          1 / (1 + Math.exp(-(-7.5 + 25 * r[0] + 0.08 * (r[1] - 220) + 0.01 * (r[2] - 60))));
      assertThat(SampleModels.MAINTENANCE_RISK.score(r)).isCloseTo(formula, within(1e-15));
    }
  }

  @Test
  void churnRiskIsTheChurnRiskFormulaWithTheRatioOfNegativeCalls() {
    // avg_call_duration, negative_calls, calls
    double[][] windows = {{180, 0, 6}, {620, 2, 8}, {910, 3, 6}};
    for (double[] w : windows) {
      double formula = 1 / (1 + Math.exp(-(-8 + 0.007 * w[0] + 8 * w[1] / w[2])));
      assertThat(SampleModels.CHURN_RISK.score(new double[] {w[0], w[1] / w[2]}))
          .isCloseTo(formula, within(1e-15));
    }
  }
}
