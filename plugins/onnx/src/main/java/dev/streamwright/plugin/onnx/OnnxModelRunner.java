package dev.streamwright.plugin.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores rows with a model file outside Flink, for Streamwright's tools ({@code streamwright model
 * verify} runs a card's example rows through it). Takes the model's float inputs either one per
 * feature ({@code [N]} or {@code [N,1]}, matched by name) or as one {@code [N,k]} tensor (features
 * in the order given). Not thread-safe; close it when done.
 */
public final class OnnxModelRunner implements AutoCloseable {

  private final OrtEnvironment env;
  private final OrtSession session;
  private final Path file;

  private OnnxModelRunner(OrtEnvironment env, OrtSession session, Path file) {
    this.env = env;
    this.session = session;
    this.file = file;
  }

  /**
   * Opens the model.
   *
   * @throws IllegalArgumentException with a message naming the file when it is missing or not a
   *     model ONNX Runtime can load
   */
  public static OnnxModelRunner open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("There is no model file " + file + ".");
    }
    OrtEnvironment env = OnnxEnvironment.get();
    try {
      return new OnnxModelRunner(
          env, env.createSession(file.toString(), OnnxEnvironment.sessionOptions()), file);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          file.getFileName()
              + " is not a model ONNX Runtime can load ("
              + e.getMessage()
              + "); check that it is a complete .onnx file.",
          e);
    }
  }

  /**
   * The model's outputs for the rows, one value per row of the named output.
   *
   * @param features the feature names, in the order of each row's values
   * @param rows the rows' feature values
   * @param output the output to read
   */
  public double[] score(List<String> features, List<double[]> rows, String output) {
    int n = rows.size();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      Map<String, NodeInfo> info = session.getInputInfo();
      if (info.size() == 1 && features.size() > 1) {
        String name = info.keySet().iterator().next();
        float[] flat = new float[n * features.size()];
        for (int r = 0; r < n; r++) {
          for (int f = 0; f < features.size(); f++) {
            flat[r * features.size() + f] = (float) rows.get(r)[f];
          }
        }
        inputs.put(
            name,
            OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {n, features.size()}));
      } else {
        for (Map.Entry<String, NodeInfo> e : info.entrySet()) {
          int f = features.indexOf(e.getKey());
          if (f < 0) {
            throw new IllegalArgumentException(
                "Model "
                    + file.getFileName()
                    + " has an input '"
                    + e.getKey()
                    + "' that none of the features "
                    + features
                    + " is named after.");
          }
          float[] column = new float[n];
          for (int r = 0; r < n; r++) {
            column[r] = (float) rows.get(r)[f];
          }
          long[] shape =
              ((TensorInfo) e.getValue().getInfo()).getShape().length == 1
                  ? new long[] {n}
                  : new long[] {n, 1};
          inputs.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(column), shape));
        }
      }
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxValue value =
            result
                .get(output)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Model "
                                + file.getFileName()
                                + " has no output '"
                                + output
                                + "'; its outputs: "
                                + outputNames()));
        OnnxTensor tensor = (OnnxTensor) value;
        double[] out = new double[n];
        if (tensor.getInfo().type == ai.onnxruntime.OnnxJavaType.DOUBLE) {
          DoubleBuffer b = tensor.getDoubleBuffer();
          for (int r = 0; r < n; r++) {
            out[r] = b.get(r);
          }
        } else {
          FloatBuffer b = tensor.getFloatBuffer();
          for (int r = 0; r < n; r++) {
            out[r] = b.get(r);
          }
        }
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "ONNX Runtime could not score with " + file.getFileName() + ": " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** The model's output names. */
  public List<String> outputNames() {
    try {
      return new ArrayList<>(session.getOutputNames());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // Nothing left to release that a caller could act on.
    }
  }
}
