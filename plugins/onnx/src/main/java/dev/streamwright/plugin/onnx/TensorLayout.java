package dev.streamwright.plugin.onnx;

import java.io.Serializable;
import java.util.List;

/**
 * How a model's SQL columns map onto its ONNX tensors, worked out once when the query is planned
 * and shipped to every task with the function.
 *
 * @param featureInputs the ONNX input fed by each INPUT column, in column order; in matrix form a
 *     single name fed by all columns
 * @param matrix whether the model takes one {@code [N,k]} tensor instead of one per feature
 * @param featureRanks per entry of {@code featureInputs}: 1 for {@code [N]}, 2 for {@code [N,1]} or
 *     {@code [N,k]}
 * @param outputs the ONNX output read for each OUTPUT column, in column order
 * @param outputIsDouble per OUTPUT column: whether the ONNX output is a double tensor
 */
record TensorLayout(
    List<String> featureInputs,
    boolean matrix,
    List<Integer> featureRanks,
    List<String> outputs,
    List<Boolean> outputIsDouble)
    implements Serializable {

  TensorLayout {
    featureInputs = List.copyOf(featureInputs);
    featureRanks = List.copyOf(featureRanks);
    outputs = List.copyOf(outputs);
    outputIsDouble = List.copyOf(outputIsDouble);
  }
}
