package dev.streamwright.samples.models;

import java.util.List;

/**
 * A sample model as the samples define it: a logistic regression {@code sigmoid(bias + sum of w_i *
 * (x_i - c_i))} with fixed, documented weights, the ONNX twin of a sample pipeline's placeholder
 * formula, so that swapping the formula for the model changes no score.
 *
 * @param id the model id, also its folder and file name, e.g. {@code fraud-scorer}
 * @param version the model version; bump it whenever the weights or the graph change
 * @param description what the model scores, for the card and the ONNX doc string
 * @param sample the sample folder whose pipeline scores with this model
 * @param pipelineNode the id of the pipeline node the model replaces
 * @param formula the placeholder's Flink SQL expression the weights come from
 * @param features the inputs, in the order the graph concatenates them
 * @param bias the intercept
 * @param outputName the ONNX output name, equal to the pipeline column of the score
 * @param outputMeaning what a score means to the user
 */
public record LogisticModel(
    String id,
    int version,
    String description,
    String sample,
    String pipelineNode,
    String formula,
    List<Feature> features,
    double bias,
    String outputName,
    String outputMeaning) {

  public LogisticModel {
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("model " + id + " needs at least one feature");
    }
  }

  /** The ONNX file name inside the model's folder. */
  public String fileName() {
    return id + ".onnx";
  }

  /** Whether the graph needs a Sub node because some feature is centred before weighting. */
  public boolean centersFeatures() {
    return features.stream().anyMatch(f -> f.center() != 0);
  }

  /** The score in double precision, the way the placeholder formula computes it. */
  public double score(double[] values) {
    if (values.length != features.size()) {
      throw new IllegalArgumentException(
          "model " + id + " takes " + features.size() + " features, got " + values.length);
    }
    double z = bias;
    for (int i = 0; i < values.length; i++) {
      Feature f = features.get(i);
      z += f.weight() * (values[i] - f.center());
    }
    return 1 / (1 + Math.exp(-z));
  }
}
