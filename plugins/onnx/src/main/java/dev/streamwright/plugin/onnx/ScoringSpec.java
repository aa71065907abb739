package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * Everything a task needs to score rows of one model, decided when the query was planned: the file,
 * the tensor layout, the column types and the user's batching and invalid-input choices.
 *
 * @param featureNames INPUT column names, for messages
 * @param featureTypes INPUT column types, in order
 * @param outputIsDouble per OUTPUT column: DOUBLE (else FLOAT)
 */
record ScoringSpec(
    String model,
    String path,
    TensorLayout layout,
    List<String> featureNames,
    List<LogicalType> featureTypes,
    List<Boolean> outputIsDouble,
    int batchSize,
    Duration maxWait,
    InvalidInputPolicy onInvalidInput,
    double invalidInputDefault)
    implements Serializable {

  ScoringSpec {
    featureNames = List.copyOf(featureNames);
    featureTypes = List.copyOf(featureTypes);
    outputIsDouble = List.copyOf(outputIsDouble);
  }

  /** Opens this task's session on the model. */
  BatchScorer openScorer() throws OrtException {
    OrtEnvironment env = OnnxEnvironment.get();
    try (OrtSession.SessionOptions options = OnnxEnvironment.sessionOptions()) {
      OrtSession session = env.createSession(path, options);
      return new BatchScorer(env, session, layout, featureTypes.size());
    }
  }

  /** Reads the features of rows handed to ML_PREDICT, applying {@code on-invalid-input}. */
  FeatureReader featureReader() {
    return new FeatureReader(this);
  }

  /** The row ML_PREDICT appends to the input row: one FLOAT or DOUBLE per OUTPUT column. */
  RowData outputRow(double[][] scores, int row) {
    Object[] values = new Object[scores.length];
    for (int c = 0; c < scores.length; c++) {
      double v = scores[c][row];
      values[c] = outputIsDouble.get(c) ? (Object) v : (Object) (float) v;
    }
    return GenericRowData.of(values);
  }

  /** The rows for a whole batch, in the batch's order. */
  List<RowData> outputRows(double[][] scores, int rows) {
    List<RowData> out = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      out.add(outputRow(scores, r));
    }
    return out;
  }
}
