package dev.streamwright.plugin.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny real ONNX models (ir_version 8, opset 13, symbolic batch dimension "N") with
 * protobuf's wire format and onnx.proto's field numbers, so tests need no model files or Python.
 */
final class OnnxModels {

  static final int FLOAT = 1;
  static final int INT64 = 7;
  static final int DOUBLE = 11;

  private OnnxModels() {}

  /** The score the logistic regression models compute, in double precision. */
  static double logistic(float[] weights, float bias, float... features) {
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += (double) weights[i] * features[i];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /**
   * sigmoid(x . w + b) with one float input per feature.
   *
   * @param rank1Inputs inputs of shape [N] instead of [N,1]
   * @param rank1Output output of shape [N] instead of [N,1]
   */
  static byte[] logisticPerFeature(
      List<String> inputs,
      float[] w,
      float b,
      String output,
      boolean rank1Inputs,
      boolean rank1Output) {
    Graph g = new Graph("logistic_per_feature");
    g.initializer("W", FLOAT, new long[] {w.length, 1}, w);
    g.initializer("B", FLOAT, new long[] {1}, new float[] {b});
    if (rank1Inputs) {
      g.int64Initializer("col_shape", new long[] {-1, 1});
    }
    List<String> columns = new ArrayList<>();
    for (String in : inputs) {
      if (rank1Inputs) {
        g.input(in, FLOAT, -1);
        g.node("Reshape", List.of(in, "col_shape"), in + "_col");
        columns.add(in + "_col");
      } else {
        g.input(in, FLOAT, -1, 1);
        columns.add(in);
      }
    }
    g.node("Concat", columns, "features", "axis", 1);
    tail(g, output, rank1Output);
    return g.model();
  }

  /** sigmoid(x . w + b) with a single [N,k] float input. */
  static byte[] logisticMatrix(String input, float[] w, float b, String output) {
    Graph g = new Graph("logistic_matrix");
    g.initializer("W", FLOAT, new long[] {w.length, 1}, w);
    g.initializer("B", FLOAT, new long[] {1}, new float[] {b});
    g.input(input, FLOAT, -1, w.length);
    g.node("Identity", List.of(input), "features");
    tail(g, output, false);
    return g.model();
  }

  /**
   * sigmoid(x . w + b) with a single [N,N] float input: the width is symbolic, so only the data
   * tells how many values a row has.
   */
  static byte[] logisticDynamicWidth(String input, float[] w, float b, String output) {
    Graph g = new Graph("logistic_dynamic_width");
    g.initializer("W", FLOAT, new long[] {w.length, 1}, w);
    g.initializer("B", FLOAT, new long[] {1}, new float[] {b});
    g.input(input, FLOAT, -1, -1);
    g.node("Identity", List.of(input), "features");
    tail(g, output, false);
    return g.model();
  }

  /** sigmoid([matrix, column] . w + b): an [N,k] input beside an [N,1] one. */
  static byte[] logisticMatrixAndColumn(
      String matrix, int k, String column, float[] w, float b, String output) {
    Graph g = new Graph("logistic_matrix_and_column");
    g.initializer("W", FLOAT, new long[] {w.length, 1}, w);
    g.initializer("B", FLOAT, new long[] {1}, new float[] {b});
    g.input(matrix, FLOAT, -1, k);
    g.input(column, FLOAT, -1, 1);
    g.node("Concat", List.of(matrix, column), "features", "axis", 1);
    tail(g, output, false);
    return g.model();
  }

  /**
   * A multi-layer perceptron with one {@code [N,1]} float input per feature (as the fraud-scorer
   * sample): the inputs side by side, then {@code Relu(x W + b)} per hidden layer, then {@code
   * Sigmoid(x W + b)} into {@code output} {@code [N,1]}. Weights are random with scale {@code
   * 1/sqrt(fan-in)} (seeded), so scores stay finite: a stand-in for a production model's cost per
   * row, not for its quality.
   */
  static byte[] mlpPerFeature(List<String> inputs, int[] hidden, String output, long seed) {
    Graph g = new Graph("mlp_per_feature");
    for (String in : inputs) {
      g.input(in, FLOAT, -1, 1);
    }
    g.node("Concat", inputs, "h0", "axis", 1);
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int width = inputs.size();
    for (int layer = 0; layer <= hidden.length; layer++) {
      int next = layer < hidden.length ? hidden[layer] : 1;
      float[] w = new float[width * next];
      double scale = 1 / Math.sqrt(width);
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
      }
      float[] b = new float[next];
      g.initializer("W" + layer, FLOAT, new long[] {width, next}, w);
      g.initializer("B" + layer, FLOAT, new long[] {next}, b);
      String in = "h" + layer;
      g.node("MatMul", List.of(in, "W" + layer), in + "_w");
      String sum = layer < hidden.length ? in + "_z" : "z";
      g.node("Add", List.of(in + "_w", "B" + layer), sum);
      if (layer < hidden.length) {
        g.node("Relu", List.of(sum), "h" + (layer + 1));
      }
      width = next;
    }
    g.node("Sigmoid", List.of("z"), output);
    g.output(output, FLOAT, -1, 1);
    return g.model();
  }

  /** A model that passes one input of the given element type through, e.g. to test type checks. */
  static byte[] identity(String input, int elemType, String output) {
    Graph g = new Graph("identity");
    g.input(input, elemType, -1, 1);
    g.node("Identity", List.of(input), output);
    g.output(output, elemType, -1, 1);
    return g.model();
  }

  private static void tail(Graph g, String output, boolean rank1Output) {
    g.node("MatMul", List.of("features", "W"), "z0");
    g.node("Add", List.of("z0", "B"), "z");
    if (rank1Output) {
      g.int64Initializer("flat_shape", new long[] {-1});
      g.node("Sigmoid", List.of("z"), "p");
      g.node("Reshape", List.of("p", "flat_shape"), output);
      g.output(output, FLOAT, -1);
    } else {
      g.node("Sigmoid", List.of("z"), output);
      g.output(output, FLOAT, -1, 1);
    }
  }

  static Path write(Path dir, String name, byte[] model) {
    try {
      return Files.write(dir.resolve(name), model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GraphProto under construction; {@link #model()} wraps it in a ModelProto. */
  private static final class Graph {
    private final Message graph = new Message();

    Graph(String name) {
      graph.string(2, name);
    }

    void node(String op, List<String> inputs, String output, Object... intAttribute) {
      Message node = new Message();
      inputs.forEach(i -> node.string(1, i));
      node.string(2, output);
      node.string(3, output + "_" + op);
      node.string(4, op);
      if (intAttribute.length == 2) {
        Message attr = new Message();
        attr.string(1, (String) intAttribute[0]);
        attr.int64(3, ((Integer) intAttribute[1]).longValue());
        attr.int64(20, 2); // AttributeProto.INT
        node.message(5, attr);
      }
      graph.message(1, node);
    }

    void initializer(String name, int type, long[] dims, float[] values) {
      Message t = new Message();
      for (long d : dims) {
        t.int64(1, d);
      }
      t.int64(2, type);
      t.packedFloats(4, values);
      t.string(8, name);
      graph.message(5, t);
    }

    void int64Initializer(String name, long[] values) {
      Message t = new Message();
      t.int64(1, values.length);
      t.int64(2, INT64);
      t.packedLongs(7, values);
      t.string(8, name);
      graph.message(5, t);
    }

    void input(String name, int elemType, long... dims) {
      graph.message(11, valueInfo(name, elemType, dims));
    }

    void output(String name, int elemType, long... dims) {
      graph.message(12, valueInfo(name, elemType, dims));
    }

    /** A dim of -1 is the symbolic batch dimension "N". */
    private static Message valueInfo(String name, int elemType, long[] dims) {
      Message shape = new Message();
      for (long d : dims) {
        Message dim = new Message();
        if (d < 0) {
          dim.string(2, "N");
        } else {
          dim.int64(1, d);
        }
        shape.message(1, dim);
      }
      Message tensor = new Message();
      tensor.int64(1, elemType);
      tensor.message(2, shape);
      Message type = new Message();
      type.message(1, tensor);
      Message info = new Message();
      info.string(1, name);
      info.message(2, type);
      return info;
    }

    byte[] model() {
      Message opset = new Message();
      opset.string(1, "");
      opset.int64(2, 13);
      Message model = new Message();
      model.int64(1, 8); // ir_version
      model.string(2, "streamwright-tests"); // producer_name
      model.message(7, graph);
      model.message(8, opset);
      return model.bytes();
    }
  }

  /** One protobuf message, written field by field. */
  private static final class Message {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    void string(int field, String value) {
      io(() -> out.writeString(field, value));
    }

    void int64(int field, long value) {
      io(() -> out.writeInt64(field, value));
    }

    void message(int field, Message value) {
      io(() -> out.writeByteArray(field, value.bytes()));
    }

    void packedFloats(int field, float[] values) {
      io(
          () -> {
            out.writeTag(field, 2);
            out.writeUInt32NoTag(values.length * 4);
            for (float v : values) {
              out.writeFloatNoTag(v);
            }
          });
    }

    void packedLongs(int field, long[] values) {
      io(
          () -> {
            int size = 0;
            for (long v : values) {
              size += CodedOutputStream.computeInt64SizeNoTag(v);
            }
            out.writeTag(field, 2);
            out.writeUInt32NoTag(size);
            for (long v : values) {
              out.writeInt64NoTag(v);
            }
          });
    }

    byte[] bytes() {
      io(out::flush);
      return bytes.toByteArray();
    }

    private static void io(IoAction action) {
      try {
        action.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
