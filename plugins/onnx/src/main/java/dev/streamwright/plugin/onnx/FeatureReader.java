package dev.streamwright.plugin.onnx;

import java.util.Optional;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * Turns the columns ML_PREDICT hands over into a float feature vector, and applies the model's
 * {@code on-invalid-input} choice to NULL, NaN and infinite values, which a model would otherwise
 * turn into a plausible-looking but meaningless score.
 */
final class FeatureReader {

  private final ScoringSpec spec;
  private final LogicalTypeRoot[] types;

  /** Boxed reads, only for messages about an invalid value. */
  private final RowData.FieldGetter[] getters;

  FeatureReader(ScoringSpec spec) {
    this.spec = spec;
    this.types = new LogicalTypeRoot[spec.featureTypes().size()];
    this.getters = new RowData.FieldGetter[types.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = spec.featureTypes().get(i).getTypeRoot();
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
    float[] features = new float[types.length];
    for (int i = 0; i < types.length; i++) {
      // Read unboxed: this runs for every feature of every row.
      float f = row.isNullAt(i) ? Float.NaN : value(row, i);
      if (!Float.isFinite(f)) {
        Object value = getters[i].getFieldOrNull(row);
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

  private float value(RowData row, int i) {
    return switch (types[i]) {
      case FLOAT -> row.getFloat(i);
      case DOUBLE -> (float) row.getDouble(i);
      case INTEGER -> row.getInt(i);
      case BIGINT -> row.getLong(i);
      case SMALLINT -> row.getShort(i);
      case TINYINT -> row.getByte(i);
      // Planning admits only the types above (ModelSignatureCheck); anything else is invalid.
      default -> getters[i].getFieldOrNull(row) instanceof Number n ? n.floatValue() : Float.NaN;
    };
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
