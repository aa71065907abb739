package dev.streamwright.samples.models;

/**
 * One input of a sample model: a column the sample pipeline computes, the weight the logistic
 * regression gives it, and what a Streamwright user should expect to see in it.
 *
 * @param name the pipeline column and the ONNX input name, e.g. {@code amount}
 * @param description what the column holds, in the sample's words
 * @param unit the unit of the column's values, e.g. {@code EUR} or {@code s}
 * @param expectedMin the smallest value the sample pipeline can feed the model
 * @param expectedMax the largest value the sample pipeline is expected to feed the model
 * @param weight the coefficient of the placeholder formula
 * @param center subtracted before weighting, where the placeholder formula writes {@code w * (x -
 *     c)}; 0 otherwise
 */
public record Feature(
    String name,
    String description,
    String unit,
    double expectedMin,
    double expectedMax,
    double weight,
    double center) {

  /** A feature the formula weights directly ({@code w * x}). */
  public static Feature of(
      String name, String description, String unit, double min, double max, double weight) {
    return new Feature(name, description, unit, min, max, weight, 0);
  }
}
