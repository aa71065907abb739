package dev.streamwright.plugin.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The inputs and outputs of an ONNX model file as the studio shows them while a pipeline is
 * designed, each marked with whether the onnx provider can feed or read it.
 *
 * @param path the absolute path of the file that was read
 * @param inputs the model's inputs in the model's order
 * @param outputs the model's outputs in the model's order
 */
public record OnnxModelSignature(Path path, List<Tensor> inputs, List<Tensor> outputs) {

  public OnnxModelSignature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The input with this exact name. */
  public Optional<Tensor> input(String name) {
    return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The output with this exact name. */
  public Optional<Tensor> output(String name) {
    return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * One model input or output.
   *
   * @param name the name in the model
   * @param elementType the element type in lower case as ONNX Runtime names it ({@code float},
   *     {@code double}, {@code int64}, {@code string}, ...), or {@code sequence} / {@code map} for
   *     values that are not tensors
   * @param shape the dimensions, -1 for a symbolic one such as the batch size {@code N}; empty for
   *     sequences and maps
   * @param unsupportedReason why the onnx provider cannot use it, or null when it can
   */
  public record Tensor(
      String name, String elementType, List<Long> shape, String unsupportedReason) {

    public Tensor {
      shape = List.copyOf(shape);
    }

    /** Whether the onnx provider can feed (input) or read (output) this value. */
    public boolean supported() {
      return unsupportedReason == null;
    }

    /**
     * Whether it holds one value per row: shape {@code [N]} or {@code [N,1]} (or {@code [N,N]},
     * whose width only the data tells), the layout a Model score node binds one column to.
     */
    public boolean oneValuePerRow() {
      return shape.size() == 1 || (shape.size() == 2 && (shape.get(1) == 1 || shape.get(1) < 0));
    }

    /**
     * Whether it is {@code [N,k]} with a fixed {@code k} greater than 1: k values per row, which
     * the onnx provider feeds from k columns when it is the model's only input.
     */
    public boolean matrix() {
      return shape.size() == 2 && shape.get(1) > 1;
    }

    /** The values per row: {@code k} for a {@linkplain #matrix() matrix}, else 1. */
    public int width() {
      return matrix() ? Math.toIntExact(shape.get(1)) : 1;
    }

    /** The shape as users read it, e.g. {@code [N,1]}. */
    public String describeShape() {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < shape.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(shape.get(i) < 0 ? "N" : shape.get(i).toString());
      }
      return sb.append(']').toString();
    }
  }
}
