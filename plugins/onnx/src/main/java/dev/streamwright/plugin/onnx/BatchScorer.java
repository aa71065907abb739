package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a batch of feature rows with one ONNX Runtime call: the per-call cost (JNI, tensor set-up)
 * is paid once per batch instead of once per event.
 */
final class BatchScorer implements AutoCloseable {

  private final OrtEnvironment env;
  private final OrtSession session;
  private final TensorLayout layout;
  private final int features;
  private final Set<String> outputNames;

  BatchScorer(OrtEnvironment env, OrtSession session, TensorLayout layout, int features) {
    this.env = env;
    this.session = session;
    this.layout = layout;
    this.features = features;
    this.outputNames = new LinkedHashSet<>(layout.outputs());
  }

  /**
   * Scores rows.
   *
   * @param rows {@code rows[r][f]}: feature {@code f} of row {@code r}, already validated
   * @return {@code scores[c][r]}: OUTPUT column {@code c} of row {@code r}
   */
  double[][] score(List<float[]> rows) throws OrtException {
    int n = rows.size();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      if (layout.matrix()) {
        float[] flat = new float[n * features];
        for (int r = 0; r < n; r++) {
          System.arraycopy(rows.get(r), 0, flat, r * features, features);
        }
        inputs.put(
            layout.featureInputs().get(0),
            OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {n, features}));
      } else {
        for (int f = 0; f < features; f++) {
          float[] column = new float[n];
          for (int r = 0; r < n; r++) {
            column[r] = rows.get(r)[f];
          }
          long[] shape = layout.featureRanks().get(f) == 1 ? new long[] {n} : new long[] {n, 1};
          inputs.put(
              layout.featureInputs().get(f),
              OnnxTensor.createTensor(env, FloatBuffer.wrap(column), shape));
        }
      }
      try (OrtSession.Result result = session.run(inputs, outputNames)) {
        double[][] scores = new double[layout.outputs().size()][];
        for (int c = 0; c < scores.length; c++) {
          scores[c] = read(result, c, n);
        }
        return scores;
      }
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private double[] read(OrtSession.Result result, int column, int n) throws OrtException {
    String name = layout.outputs().get(column);
    OnnxValue value =
        result
            .get(name)
            .orElseThrow(() -> new OrtException("ONNX Runtime returned no output '" + name + "'"));
    OnnxTensor tensor = (OnnxTensor) value;
    double[] out = new double[n];
    if (layout.outputIsDouble().get(column)) {
      DoubleBuffer buffer = tensor.getDoubleBuffer();
      requireRows(name, buffer.remaining(), n);
      buffer.get(out);
    } else {
      FloatBuffer buffer = tensor.getFloatBuffer();
      requireRows(name, buffer.remaining(), n);
      for (int r = 0; r < n; r++) {
        out[r] = buffer.get(r);
      }
    }
    return out;
  }

  private static void requireRows(String output, int got, int n) throws OrtException {
    if (got != n) {
      throw new OrtException(
          "model output '" + output + "' has " + got + " values for a batch of " + n + " rows");
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
