package dev.streamwright.plugin.onnx;

import java.util.Optional;
import org.apache.flink.table.data.RowData;

/**
 * Turns the columns ML_PREDICT hands over into a float feature vector, and applies the model's
 * {@code on-invalid-input} choice to NULL, NaN and infinite values, which a model would otherwise
 * turn into a plausible-looking but meaningless score.
 */
final class FeatureReader {

  private final ScoringSpec spec;
  private final RowData.FieldGetter[] getters;

  FeatureReader(ScoringSpec spec) {
    this.spec = spec;
    this.getters = new RowData.FieldGetter[spec.featureTypes().size()];
    for (int i = 0; i < getters.length; i++) {
      getters[i] = RowData.createFieldGetter(spec.featureTypes().get(i), i);
    }
  }

  /**
   * The row's features.
   *
   * @return empty when the row is to be skipped
   * @throws InvalidFeatureException when the model's policy is {@code fail}
   */
  Optional<float[]> read(RowData row) {
    float[] features = new float[getters.length];
    for (int i = 0; i < getters.length; i++) {
      Object value = getters[i].getFieldOrNull(row);
      float f = value instanceof Number n ? n.floatValue() : Float.NaN;
      if (value == null || !Float.isFinite(f)) {
        switch (spec.onInvalidInput()) {
          case SKIP:
            return Optional.empty();
          case DEFAULT:
            f = (float) spec.invalidInputDefault();
            break;
          case FAIL:
          default:
            throw new InvalidFeatureException(
                "Model '"
                    + spec.model()
                    + "' (provider 'onnx'): INPUT column '"
                    + spec.featureNames().get(i)
                    + "' is "
                    + describe(value)
                    + " in a row to score. Clean the column upstream, or set 'on-invalid-input'"
                    + " = 'skip' or 'default' on the model.");
        }
      }
      features[i] = f;
    }
    return Optional.of(features);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return value + ", too large for the model's float input";
    }
    return String.valueOf(value);
  }

  /** A feature the model must not see, under {@code on-invalid-input} = {@code fail}. */
  static final class InvalidFeatureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidFeatureException(String message) {
      super(message);
    }
  }
}
