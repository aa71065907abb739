/**
 * Drift of a pipeline's columns, headless and on JDK types, Commons Math and Jackson annotations
 * only: reference and current profiles of numeric and categorical columns ({@link
 * dev.streamwright.monitor.drift.NumericProfile}, {@link
 * dev.streamwright.monitor.drift.CategoricalProfile}), built incrementally per window by
 * accumulators that merge, and the measures that compare them ({@link
 * dev.streamwright.monitor.drift.DriftMethod}: PSI, Jensen-Shannon distance, Kolmogorov-Smirnov
 * p-value, normalised Wasserstein distance, chi-squared p-value) with the statuses per column and
 * for the dataset ({@link dev.streamwright.monitor.drift.DriftCalculator}).
 *
 * <p>Accumulators are single-threaded (one per column and task); the profiles they hand out are
 * immutable and safe to share, and serialise with Jackson to plain arrays.
 */
package dev.streamwright.monitor.drift;
