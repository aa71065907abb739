package dev.streamwright.plugin.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import dev.streamwright.plugin.onnx.OnnxModelException.Problem;
import dev.streamwright.plugin.onnx.OnnxModelSignature.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an ONNX model's inputs and outputs while a pipeline is designed, so the studio can check a
 * Model score node (and offer the model's names) long before Flink plans a query.
 *
 * <p>ONNX Runtime is started the safe way ({@link OnnxEnvironment}), the model is opened once and
 * closed at once, and the result is kept per file until the file's size or modification time
 * changes: derivation runs on every edit, a model file rarely changes.
 */
public final class OnnxModelInspector {

  /** The first byte of every ONNX file: the protobuf tag of field 1, {@code ir_version}. */
  private static final int IR_VERSION_TAG = 0x08;

  private static final Map<Path, Cached> CACHE = new ConcurrentHashMap<>();

  private record Cached(long size, long modified, OnnxModelSignature signature) {}

  private OnnxModelInspector() {}

  /**
   * The model's signature.
   *
   * @param path the {@code .onnx} file; relative paths are taken from the working directory
   * @throws OnnxModelException when the file is missing, unreadable, empty, truncated or not an
   *     ONNX model; the message names the file and what to do
   */
  public static OnnxModelSignature inspect(Path path) throws OnnxModelException {
    Path file = path.toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      throw new OnnxModelException(
          Problem.MISSING,
          "the model file '" + file + "' does not exist; check the path and that it ends in .onnx",
          null);
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new OnnxModelException(
          Problem.UNREADABLE,
          "'"
              + file
              + "' is not a readable file; point at the .onnx file itself and check its"
              + " permissions",
          null);
    }
    long size;
    long modified;
    try {
      size = Files.size(file);
      modified = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new OnnxModelException(
          Problem.UNREADABLE, "'" + file + "' could not be read: " + e.getMessage(), e);
    }
    Cached cached = CACHE.get(file);
    if (cached != null && cached.size() == size && cached.modified() == modified) {
      return cached.signature();
    }
    if (size == 0) {
      throw new OnnxModelException(
          Problem.EMPTY,
          "the model file '" + file + "' is empty; copy or export the model again",
          null);
    }
    OnnxModelSignature signature = read(file);
    CACHE.put(file, new Cached(size, modified, signature));
    return signature;
  }

  private static OnnxModelSignature read(Path file) throws OnnxModelException {
    try (OrtSession.SessionOptions options = OnnxEnvironment.sessionOptions();
        OrtSession session = OnnxEnvironment.get().createSession(file.toString(), options)) {
      List<Tensor> inputs = new ArrayList<>();
      for (NodeInfo info : session.getInputInfo().values()) {
        inputs.add(describe(info, true));
      }
      List<Tensor> outputs = new ArrayList<>();
      for (NodeInfo info : session.getOutputInfo().values()) {
        outputs.add(describe(info, false));
      }
      return new OnnxModelSignature(file, inputs, outputs);
    } catch (OrtException e) {
      String details = firstLine(e.getMessage());
      if (startsLikeOnnx(file)) {
        throw new OnnxModelException(
            Problem.TRUNCATED,
            "'"
                + file
                + "' starts like an ONNX model but does not load ("
                + details
                + "); it is truncated, damaged or not a valid model: copy or export it again",
            e);
      }
      throw new OnnxModelException(
          Problem.NOT_ONNX,
          "'"
              + file
              + "' is not an ONNX model ("
              + details
              + "); point at the .onnx file the exporter wrote",
          e);
    }
  }

  /** A tensor the provider can use, or the reason it cannot. */
  private static Tensor describe(NodeInfo node, boolean input) {
    if (node.getInfo() instanceof TensorInfo t) {
      List<Long> shape = new ArrayList<>();
      for (long d : t.getShape()) {
        shape.add(d < 0 ? -1L : d);
      }
      String type = t.type.name().toLowerCase(Locale.ROOT);
      String reason = null;
      if (input && t.type != OnnxJavaType.FLOAT) {
        reason =
            "a "
                + type
                + " tensor; the onnx provider feeds float32 tensors: export the model with float32"
                + " inputs (e.g. skl2onnx FloatTensorType) or add a Cast node in the model";
      } else if (!input && t.type != OnnxJavaType.FLOAT && t.type != OnnxJavaType.DOUBLE) {
        reason =
            "a "
                + type
                + " tensor; the onnx provider reads float or double scores only (a class label"
                + " output can be left out of the node's outputs)";
      }
      return new Tensor(node.getName(), type, shape, reason);
    }
    String kind = node.getInfo() instanceof SequenceInfo ? "sequence" : "map";
    if (!(node.getInfo() instanceof SequenceInfo) && !(node.getInfo() instanceof MapInfo)) {
      kind = String.valueOf(node.getInfo()).toLowerCase(Locale.ROOT);
    }
    return new Tensor(
        node.getName(),
        kind,
        List.of(),
        "a "
            + kind
            + ", not a tensor; the onnx provider supports numeric tensors only (export"
            + " scikit-learn classifiers with zipmap=False)");
  }

  private static boolean startsLikeOnnx(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == IR_VERSION_TAG;
    } catch (IOException e) {
      return false;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
