package dev.streamwright.samples.models;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link LogisticModel} as an ONNX file with protobuf-java's {@link CodedOutputStream} and
 * the field numbers of onnx.proto, so that the samples ship real models without generated onnx
 * classes, a Python tool chain or a download.
 *
 * <p>The graph (opset 13, IR version 8): one float input {@code [N, 1]} per feature, {@code
 * Concat(axis=1)} to {@code [N, k]}, {@code Sub(center)} when a feature is centred, {@code
 * MatMul(weights [k, 1])}, {@code Add(bias [1])} and {@code Sigmoid}, giving the output {@code [N,
 * 1]}. {@code N} is a symbolic batch dimension. The bytes depend on the model only: fields are
 * written in field-number order and nothing carries a time or a path.
 */
public final class OnnxWriter {

  /**
   * IR version 8 with opset 13: what ONNX Runtime 1.29 and every converter of recent years read.
   */
  public static final long IR_VERSION = 8;

  public static final long OPSET = 13;
  public static final String PRODUCER = "streamwright-samples";

  /** The symbolic batch dimension of every input and output. */
  public static final String BATCH = "N";

  // onnx.proto enums.
  private static final int FLOAT = 1;
  private static final int ATTRIBUTE_INT = 2;

  private OnnxWriter() {}

  /** The model's ONNX file contents. */
  public static byte[] write(LogisticModel model) {
    Message m = new Message();
    m.int64(1, IR_VERSION);
    m.string(2, PRODUCER);
    m.string(3, String.valueOf(model.version()));
    m.string(4, "dev.streamwright.samples");
    m.int64(5, model.version());
    m.string(6, model.description());
    m.message(7, graph(model));
    m.message(8, new Message().int64(2, OPSET)); // OperatorSetIdProto: default domain, version
    m.message(14, entry("streamwright.model.id", model.id()));
    m.message(14, entry("streamwright.sample", model.sample()));
    m.message(14, entry("streamwright.formula", model.formula()));
    return m.bytes();
  }

  private static Message graph(LogisticModel model) {
    int k = model.features().size();
    List<String> inputs = model.features().stream().map(Feature::name).toList();
    List<Message> nodes = new ArrayList<>();
    nodes.add(
        node("concat_features", "Concat", inputs, "features").attribute(intAttribute("axis", 1)));
    String linearInput = "features";
    if (model.centersFeatures()) {
      nodes.add(node("center_features", "Sub", List.of("features", "center"), "centered"));
      linearInput = "centered";
    }
    nodes.add(node("weigh_features", "MatMul", List.of(linearInput, "weights"), "weighted_sum"));
    nodes.add(node("add_bias", "Add", List.of("weighted_sum", "bias"), "logit"));
    nodes.add(node("sigmoid", "Sigmoid", List.of("logit"), model.outputName()));

    float[] weights = new float[k];
    float[] center = new float[k];
    for (int i = 0; i < k; i++) {
      weights[i] = (float) model.features().get(i).weight();
      center[i] = (float) model.features().get(i).center();
    }

    Message g = new Message();
    nodes.forEach(n -> g.message(1, n));
    g.string(2, model.id());
    g.message(5, tensor("weights", new long[] {k, 1}, weights));
    g.message(5, tensor("bias", new long[] {1}, new float[] {(float) model.bias()}));
    if (model.centersFeatures()) {
      g.message(5, tensor("center", new long[] {k}, center));
    }
    for (Feature f : model.features()) {
      g.message(11, batchOfOne(f.name(), f.description()));
    }
    g.message(12, batchOfOne(model.outputName(), model.outputMeaning()));
    return g;
  }

  private static Message node(String name, String op, List<String> inputs, String output) {
    Message n = new Message();
    inputs.forEach(i -> n.string(1, i));
    n.string(2, output);
    n.string(3, name);
    n.string(4, op);
    return n;
  }

  private static Message intAttribute(String name, long value) {
    return new Message().string(1, name).int64(3, value).int64(20, ATTRIBUTE_INT);
  }

  private static Message tensor(String name, long[] dims, float[] values) {
    Message t = new Message();
    for (long d : dims) {
      t.int64(1, d);
    }
    t.int64(2, FLOAT);
    t.packedFloats(4, values);
    t.string(8, name);
    return t;
  }

  /** A float tensor value of shape {@code [N, 1]}. */
  private static Message batchOfOne(String name, String doc) {
    Message shape =
        new Message()
            .message(1, new Message().string(2, BATCH))
            .message(1, new Message().int64(1, 1));
    Message tensorType = new Message().int64(1, FLOAT).message(2, shape);
    return new Message()
        .string(1, name)
        .message(2, new Message().message(1, tensorType))
        .string(3, doc);
  }

  private static Message entry(String key, String value) {
    return new Message().string(1, key).string(2, value);
  }

  /** One protobuf message under construction; nested messages are written length-delimited. */
  private static final class Message {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

    Message int64(int field, long value) {
      return write(() -> out.writeInt64(field, value));
    }

    Message string(int field, String value) {
      return write(() -> out.writeString(field, value));
    }

    Message message(int field, Message value) {
      byte[] bytes = value.bytes();
      return write(() -> out.writeByteArray(field, bytes));
    }

    /** NodeProto.attribute is field 5. */
    Message attribute(Message value) {
      return message(5, value);
    }

    Message packedFloats(int field, float[] values) {
      return write(
          () -> {
            out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(values.length * Float.BYTES);
            for (float v : values) {
              out.writeFloatNoTag(v);
            }
          });
    }

    byte[] bytes() {
      return write(out::flush).buffer.toByteArray();
    }

    private Message write(Write w) {
      try {
        w.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    private interface Write {
      void run() throws IOException;
    }
  }
}
