package dev.streamwright.monitor.drift.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.runtime.models.ModelCard;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference profiles from a model card's {@code referenceProfile.columns}: per numeric column its
 * {@code edges} (strictly increasing), {@code counts} (one per inner bin, the reference's under-
 * and overflow bins being empty), {@code mean}, {@code std}, and, when the card has one, a {@code
 * sample} of the reference's values for Kolmogorov-Smirnov and Wasserstein (without it those give
 * no data and the column's default measure falls back to what the bins give).
 */
public final class CardReferences {

  private CardReferences() {}

  /**
   * The card's reference profiles by column, each named after the card's id and version.
   *
   * @throws IllegalArgumentException naming the card and column whose profile is malformed
   */
  public static Map<String, LiveReference> of(ModelCard card) {
    Map<String, LiveReference> out = new LinkedHashMap<>();
    JsonNode columns =
        card.referenceProfile() == null ? null : card.referenceProfile().path("columns");
    if (columns == null || !columns.isObject()) {
      return out;
    }
    String source = "model card " + card.id() + " v" + card.version();
    for (var it = columns.fields(); it.hasNext(); ) {
      var e = it.next();
      try {
        out.put(e.getKey(), new LiveReference(numeric(e.getValue()), source));
      } catch (RuntimeException bad) {
        throw new IllegalArgumentException(
            "The reference profile of column '"
                + e.getKey()
                + "' in the card of model '"
                + card.id()
                + "' v"
                + card.version()
                + " is malformed: "
                + bad.getMessage()
                + "; fix referenceProfile.columns."
                + e.getKey()
                + " in card.json",
            bad);
      }
    }
    return out;
  }

  /** A profile as the card keeps it. */
  static ColumnProfile numeric(JsonNode column) {
    double[] edges = doubles(column.path("edges"), "edges");
    JsonNode counts = column.path("counts");
    int inner = Math.max(1, edges.length - 1);
    if (!counts.isArray() || counts.size() != inner) {
      throw new IllegalArgumentException(
          edges.length + " edges need " + inner + " counts, got " + counts.size());
    }
    long[] c = new long[inner + 2];
    for (int i = 0; i < inner; i++) {
      c[i + 1] = counts.get(i).asLong();
    }
    double[] sample =
        column.has("sample") ? doubles(column.get("sample"), "sample") : new double[0];
    return new NumericProfile(
        edges, c, 0, column.path("mean").asDouble(), column.path("std").asDouble(), sample);
  }

  private static double[] doubles(JsonNode array, String field) {
    if (!array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException("'" + field + "' must be a non-empty array of numbers");
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      if (!array.get(i).isNumber()) {
        throw new IllegalArgumentException("'" + field + "'[" + i + "] is not a number");
      }
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
