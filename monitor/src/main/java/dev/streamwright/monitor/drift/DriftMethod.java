package dev.streamwright.monitor.drift;

/**
 * A drift measure, its threshold and the columns it applies to; the formulas are in {@link
 * DriftMeasures}. Thresholds are the defaults of Evidently and NannyML.
 */
public enum DriftMethod {
  /**
   * Population stability index over the bins (numeric) or categories (categorical): no drift under
   * 0.1, {@link DriftStatus#MODERATE} from 0.1, {@link DriftStatus#MAJOR} from 0.25.
   */
  PSI(true, true),
  /** Jensen-Shannon distance (base 2) over the bins or categories: drift from 0.1. */
  JENSEN_SHANNON(true, true),
  /** Kolmogorov-Smirnov p-value of the two samples (numeric): drift at p <= 0.05. */
  KOLMOGOROV_SMIRNOV(true, false),
  /** Wasserstein-1 distance of the samples over the reference's std (numeric): drift from 0.1. */
  WASSERSTEIN(true, false),
  /** Chi-squared p-value of the category counts (categorical): drift at p <= 0.05. */
  CHI_SQUARED(false, true);

  /** PSI from which drift is moderate. */
  public static final double PSI_MODERATE = 0.1;

  /** PSI from which drift is major. */
  public static final double PSI_MAJOR = 0.25;

  /** Distance from which Jensen-Shannon and Wasserstein report drift. */
  public static final double DISTANCE_THRESHOLD = 0.1;

  /** p-value at or under which KS and chi-squared report drift. */
  public static final double P_VALUE_THRESHOLD = 0.05;

  /** References with at most this many rows get the statistical tests by default. */
  public static final long SMALL_REFERENCE_ROWS = 1000;

  private final boolean numeric;
  private final boolean categorical;

  DriftMethod(boolean numeric, boolean categorical) {
    this.numeric = numeric;
    this.categorical = categorical;
  }

  /**
   * Whether this measure applies to a column of the given profile's kind.
   *
   * @param profile a profile of the column
   * @return true when it can be computed
   */
  public boolean appliesTo(ColumnProfile profile) {
    return profile instanceof NumericProfile ? numeric : categorical;
  }

  /**
   * The status of a value of this measure.
   *
   * @param value the value; NaN when there was nothing to compare
   * @return the status
   */
  public DriftStatus status(double value) {
    if (Double.isNaN(value)) {
      return DriftStatus.NO_DATA;
    }
    return switch (this) {
      case PSI ->
          value >= PSI_MAJOR
              ? DriftStatus.MAJOR
              : value >= PSI_MODERATE ? DriftStatus.MODERATE : DriftStatus.NO_DRIFT;
      case JENSEN_SHANNON, WASSERSTEIN ->
          value >= DISTANCE_THRESHOLD ? DriftStatus.DRIFT : DriftStatus.NO_DRIFT;
      case KOLMOGOROV_SMIRNOV, CHI_SQUARED ->
          value <= P_VALUE_THRESHOLD ? DriftStatus.DRIFT : DriftStatus.NO_DRIFT;
    };
  }

  /**
   * The measure a column gets by default, as Evidently chooses: for a reference of at most 1,000
   * rows (values counted plus missing) Kolmogorov-Smirnov for a numeric column and chi-squared for
   * a categorical one; for a larger reference Wasserstein and Jensen-Shannon.
   *
   * @param reference the column's reference profile
   * @return the measure
   */
  public static DriftMethod defaultFor(ColumnProfile reference) {
    boolean small = reference.rows() <= SMALL_REFERENCE_ROWS;
    if (reference instanceof NumericProfile) {
      return small ? KOLMOGOROV_SMIRNOV : WASSERSTEIN;
    }
    return small ? CHI_SQUARED : JENSEN_SHANNON;
  }
}
