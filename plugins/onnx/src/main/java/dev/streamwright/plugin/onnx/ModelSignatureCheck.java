package dev.streamwright.plugin.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * Checks, when a query is planned, that a model file matches its {@code CREATE MODEL} declaration,
 * so a Streamwright user learns about a wrong path or a column too many from the planner, with the
 * model and column named, rather than from a task manager crash minutes into a run.
 */
final class ModelSignatureCheck {

  /** SQL types the provider turns into float features. */
  static final Set<LogicalTypeRoot> FEATURE_TYPES =
      EnumSet.of(
          LogicalTypeRoot.FLOAT,
          LogicalTypeRoot.DOUBLE,
          LogicalTypeRoot.INTEGER,
          LogicalTypeRoot.BIGINT,
          LogicalTypeRoot.SMALLINT,
          LogicalTypeRoot.TINYINT);

  /** SQL types an ONNX score can be written to. */
  static final Set<LogicalTypeRoot> SCORE_TYPES =
      EnumSet.of(LogicalTypeRoot.FLOAT, LogicalTypeRoot.DOUBLE);

  private final String model;

  private ModelSignatureCheck(String model) {
    this.model = model;
  }

  /**
   * Opens the model once and matches it against the declared columns.
   *
   * @param model the model's name as the user wrote it, for messages
   * @throws ValidationException naming the model, the column or tensor, and what to change
   */
  static TensorLayout check(
      String model,
      Path path,
      ResolvedSchema input,
      ResolvedSchema output,
      OrtEnvironment env,
      OrtSession.SessionOptions options) {
    ModelSignatureCheck check = new ModelSignatureCheck(model);
    check.checkColumnTypes(input.getColumns(), FEATURE_TYPES, "INPUT", "features");
    check.checkColumnTypes(output.getColumns(), SCORE_TYPES, "OUTPUT", "scores");
    check.checkFile(path);
    Map<String, NodeInfo> inputs;
    Map<String, NodeInfo> outputs;
    try (OrtSession session = env.createSession(path.toString(), options)) {
      inputs = new LinkedHashMap<>(session.getInputInfo());
      outputs = new LinkedHashMap<>(session.getOutputInfo());
    } catch (OrtException e) {
      throw check.fail(
          "'"
              + path
              + "' is not a readable ONNX model ("
              + firstLine(e.getMessage())
              + "). Export the model again, or point 'path' at the .onnx file itself.");
    }
    return check.match(path, input, output, inputs, outputs);
  }

  private void checkColumnTypes(
      List<Column> columns, Set<LogicalTypeRoot> allowed, String clause, String what) {
    for (Column c : columns) {
      LogicalTypeRoot root = c.getDataType().getLogicalType().getTypeRoot();
      if (!allowed.contains(root)) {
        throw fail(
            clause
                + " column '"
                + c.getName()
                + "' is "
                + c.getDataType()
                + ", but the onnx provider takes "
                + what
                + " of type "
                + allowed.stream().map(Enum::name).collect(Collectors.joining(", "))
                + ". CAST the column or change its type in CREATE MODEL.");
      }
    }
  }

  private void checkFile(Path path) {
    if (!path.isAbsolute()) {
      throw fail(
          "'path' = '"
              + path
              + "' is relative. Use an absolute path: the query may be planned and run in other"
              + " working directories.");
    }
    if (!Files.exists(path)) {
      throw fail(
          "the model file '"
              + path
              + "' does not exist. Check 'path' in CREATE MODEL; the file must be present where the"
              + " query is planned and on every task manager.");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw fail(
          "the model file '"
              + path
              + "' is not a readable file. Check 'path' and the file's permissions.");
    }
  }

  private TensorLayout match(
      Path path,
      ResolvedSchema input,
      ResolvedSchema output,
      Map<String, NodeInfo> inputs,
      Map<String, NodeInfo> outputs) {
    String file = String.valueOf(path.getFileName());
    List<String> columns = input.getColumnNames();
    for (NodeInfo info : inputs.values()) {
      requireFloatTensor(info, "input", file);
    }
    List<String> featureInputs = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    boolean matrix = false;
    if (inputs.size() == 1 && columns.size() > 1) {
      NodeInfo only = inputs.values().iterator().next();
      long[] shape = shape(only);
      if (shape.length != 2 || (shape[1] > 0 && shape[1] != columns.size())) {
        throw fail(
            "INPUT declares "
                + columns.size()
                + " columns "
                + columns
                + ", but "
                + file
                + " takes one input '"
                + only.getName()
                + "' of shape "
                + describeShape(shape)
                + ". A single model input must be [N,"
                + columns.size()
                + "] (one row per event, one value per column), or the model needs one input per"
                + " column.");
      }
      matrix = true;
      featureInputs.add(only.getName());
      ranks.add(2);
    } else {
      if (inputs.size() != columns.size()) {
        throw fail(
            "INPUT declares "
                + columns.size()
                + " columns "
                + columns
                + ", but "
                + file
                + " takes "
                + inputs.size()
                + " inputs "
                + describe(inputs)
                + ". Declare one INPUT column per model input, in the model's order.");
      }
      for (String name : byNameOrOrder(columns, inputs.keySet())) {
        long[] shape = shape(inputs.get(name));
        if (!isColumnShape(shape)) {
          throw fail(
              "model input '"
                  + name
                  + "' of "
                  + file
                  + " has shape "
                  + describeShape(shape)
                  + "; with one input per INPUT column each must be [N] or [N,1].");
        }
        featureInputs.add(name);
        ranks.add(shape.length);
      }
    }
    List<String> scoreColumns = output.getColumnNames();
    List<String> outputNames;
    if (outputs.keySet().containsAll(scoreColumns)) {
      outputNames = scoreColumns;
    } else if (outputs.size() == scoreColumns.size()) {
      outputNames = new ArrayList<>(outputs.keySet());
    } else {
      throw fail(
          "OUTPUT declares "
              + scoreColumns.size()
              + " columns "
              + scoreColumns
              + ", but "
              + file
              + " has "
              + outputs.size()
              + " outputs "
              + describe(outputs)
              + ". Declare one OUTPUT column per model output, or name the columns after the"
              + " outputs you want.");
    }
    List<Boolean> doubles = new ArrayList<>();
    for (String name : outputNames) {
      NodeInfo info = outputs.get(name);
      TensorInfo tensor = requireTensor(info, "output", file);
      if (tensor.type != OnnxJavaType.FLOAT && tensor.type != OnnxJavaType.DOUBLE) {
        throw fail(
            "model output '"
                + name
                + "' of "
                + file
                + " is a tensor of "
                + tensor.type
                + "; the onnx provider reads float or double scores.");
      }
      if (!isColumnShape(tensor.getShape())) {
        throw fail(
            "model output '"
                + name
                + "' of "
                + file
                + " has shape "
                + describeShape(tensor.getShape())
                + "; each output must be [N] or [N,1], one score per row.");
      }
      doubles.add(tensor.type == OnnxJavaType.DOUBLE);
    }
    return new TensorLayout(featureInputs, matrix, ranks, outputNames, doubles);
  }

  /**
   * Columns named like the model's inputs are matched by name (so the DDL may list them in any
   * order); otherwise by position, since exporters often name inputs {@code input_0, input_1}.
   */
  private static List<String> byNameOrOrder(List<String> columns, Set<String> modelNames) {
    return new HashSet<>(columns).equals(modelNames) ? columns : new ArrayList<>(modelNames);
  }

  private void requireFloatTensor(NodeInfo info, String role, String file) {
    TensorInfo tensor = requireTensor(info, role, file);
    if (tensor.type != OnnxJavaType.FLOAT) {
      throw fail(
          "model "
              + role
              + " '"
              + info.getName()
              + "' of "
              + file
              + " is a tensor of "
              + tensor.type
              + ", but the onnx provider feeds float tensors. Export the model with float32"
              + " inputs (e.g. skl2onnx FloatTensorType) or add a Cast node in the model.");
    }
  }

  private TensorInfo requireTensor(NodeInfo info, String role, String file) {
    if (!(info.getInfo() instanceof TensorInfo tensor)) {
      throw fail(
          "model "
              + role
              + " '"
              + info.getName()
              + "' of "
              + file
              + " is "
              + info.getInfo()
              + ", not a tensor. The onnx provider supports tensor inputs and outputs only"
              + " (for scikit-learn classifiers export with zipmap=False).");
    }
    return tensor;
  }

  private static long[] shape(NodeInfo info) {
    return ((TensorInfo) info.getInfo()).getShape();
  }

  /** {@code [N]} or {@code [N,1]}: one value per row. A symbolic dim is reported as -1. */
  private static boolean isColumnShape(long[] shape) {
    return shape.length == 1 || (shape.length == 2 && (shape[1] == 1 || shape[1] < 0));
  }

  private static String describe(Map<String, NodeInfo> nodes) {
    return nodes.values().stream()
        .map(
            n ->
                n.getName()
                    + (n.getInfo() instanceof TensorInfo t
                        ? " " + describeShape(t.getShape()) + " " + t.type.name().toLowerCase()
                        : ""))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String describeShape(long[] shape) {
    return Arrays.stream(shape)
        .mapToObj(d -> d < 0 ? "N" : Long.toString(d))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }

  private ValidationException fail(String what) {
    return new ValidationException("Model '" + model + "' (provider 'onnx'): " + what);
  }
}
