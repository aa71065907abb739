package dev.streamwright.monitor.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares current profiles with their references: every measure per column, and the dataset. */
public final class DriftCalculator {

  private DriftCalculator() {}

  /**
   * The drift of one column with its default measure ({@link DriftMethod#defaultFor}).
   *
   * @param column the column's name
   * @param reference its reference profile
   * @param current its window's profile, built against that reference
   * @return every applicable measure and the column's status
   */
  public static ColumnDrift column(String column, ColumnProfile reference, ColumnProfile current) {
    return column(column, reference, current, DriftMethod.defaultFor(reference));
  }

  /**
   * The drift of one column, its status decided by the given measure.
   *
   * @param column the column's name
   * @param reference its reference profile
   * @param current its window's profile, built against that reference
   * @param method the measure that decides the status
   * @return every applicable measure and the column's status
   * @throws IllegalArgumentException when the profiles are of different kinds or bins, or the
   *     measure does not apply to the column's kind
   */
  public static ColumnDrift column(
      String column, ColumnProfile reference, ColumnProfile current, DriftMethod method) {
    if (reference.getClass() != current.getClass()) {
      throw new IllegalArgumentException(
          "column '"
              + column
              + "': its reference is "
              + kind(reference)
              + " but the window's profile is "
              + kind(current)
              + "; profile the window against this reference");
    }
    boolean sameBins =
        reference instanceof NumericProfile n
            ? java.util.Arrays.equals(n.edgesView(), ((NumericProfile) current).edgesView())
            : ((CategoricalProfile) reference)
                .categories()
                .equals(((CategoricalProfile) current).categories());
    if (!sameBins) {
      throw new IllegalArgumentException(
          "column '"
              + column
              + "': the window's profile was built against another reference (its bins or"
              + " categories differ); profile the window against this reference");
    }
    if (!method.appliesTo(reference)) {
      throw new IllegalArgumentException(
          "column '"
              + column
              + "': "
              + method
              + " does not apply to a "
              + kind(reference)
              + " column; choose one of "
              + applicable(reference));
    }
    List<MeasureResult> measures = new ArrayList<>();
    for (DriftMethod m : applicable(reference)) {
      double value = value(m, reference, current);
      measures.add(new MeasureResult(m, value, m.status(value)));
    }
    MeasureResult chosen =
        measures.stream().filter(r -> r.method() == method).findFirst().orElseThrow();
    return new ColumnDrift(
        column,
        method,
        chosen.value(),
        chosen.status(),
        measures,
        reference.rows(),
        current.rows(),
        current.missing());
  }

  /**
   * The drift of a dataset: each reference column against its window's profile with its default
   * measure; a column without a window profile is reported as {@link DriftStatus#NO_DATA}.
   *
   * @param references reference profiles by column, in the order to report
   * @param current the window's profiles by column
   * @return the columns' results and the dataset's share and status
   */
  public static DatasetDrift dataset(
      Map<String, ? extends ColumnProfile> references,
      Map<String, ? extends ColumnProfile> current) {
    List<ColumnDrift> columns = new ArrayList<>();
    references.forEach(
        (name, reference) -> {
          ColumnProfile window = current.get(name);
          columns.add(column(name, reference, window == null ? empty(reference) : window));
        });
    return DatasetDrift.of(columns);
  }

  /** The measures that apply to a column of the profile's kind, in declaration order. */
  static List<DriftMethod> applicable(ColumnProfile profile) {
    List<DriftMethod> methods = new ArrayList<>();
    for (DriftMethod m : DriftMethod.values()) {
      if (m.appliesTo(profile)) {
        methods.add(m);
      }
    }
    return methods;
  }

  private static double value(DriftMethod method, ColumnProfile reference, ColumnProfile current) {
    long[] r =
        reference instanceof NumericProfile n
            ? n.countsView()
            : ((CategoricalProfile) reference).countsView();
    long[] c =
        current instanceof NumericProfile n
            ? n.countsView()
            : ((CategoricalProfile) current).countsView();
    return switch (method) {
      case PSI -> DriftMeasures.psi(r, c);
      case JENSEN_SHANNON -> DriftMeasures.jensenShannon(r, c);
      case CHI_SQUARED -> DriftMeasures.chiSquaredPValue(r, c);
      case KOLMOGOROV_SMIRNOV ->
          DriftMeasures.ksPValue(
              ((NumericProfile) reference).sampleView(), ((NumericProfile) current).sampleView());
      case WASSERSTEIN ->
          DriftMeasures.wassersteinNormalised(
              ((NumericProfile) reference).sampleView(),
              ((NumericProfile) current).sampleView(),
              reference instanceof NumericProfile n ? n.std() : 0);
    };
  }

  private static ColumnProfile empty(ColumnProfile reference) {
    if (reference instanceof NumericProfile n) {
      return new NumericAccumulator(n, 1, 0).snapshot();
    }
    return new CategoricalAccumulator((CategoricalProfile) reference).snapshot();
  }

  private static String kind(ColumnProfile profile) {
    return profile instanceof NumericProfile ? "numeric" : "categorical";
  }
}
