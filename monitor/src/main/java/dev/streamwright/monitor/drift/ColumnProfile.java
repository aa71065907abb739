package dev.streamwright.monitor.drift;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The distribution of one column over a set of rows (a reference, or a window of live rows), in a
 * form that a job can send and the workspace can keep: immutable, and plain JSON through Jackson
 * with a {@code "kind"} of {@code numeric} or {@code categorical}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = NumericProfile.class, name = "numeric"),
  @JsonSubTypes.Type(value = CategoricalProfile.class, name = "categorical")
})
public sealed interface ColumnProfile permits NumericProfile, CategoricalProfile {

  /**
   * Values counted in the distribution (finite numbers, or non-null categories).
   *
   * @return the count
   */
  @JsonIgnore
  long count();

  /**
   * Values left out of the distribution: null, and for numbers NaN and the infinities.
   *
   * @return the count
   */
  long missing();

  /**
   * Rows seen: counted plus missing.
   *
   * @return the count
   */
  @JsonIgnore
  default long rows() {
    return count() + missing();
  }

  /**
   * The counts per bin (numeric) or per category with other last (categorical), the distribution
   * PSI, Jensen-Shannon and chi-squared compare.
   *
   * @return a copy of the counts
   */
  long[] counts();
}
