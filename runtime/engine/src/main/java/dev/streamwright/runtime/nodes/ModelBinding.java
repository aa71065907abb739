package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SqlTypes;
import dev.streamwright.plugin.onnx.OnnxModelException;
import dev.streamwright.plugin.onnx.OnnxModelInspector;
import dev.streamwright.plugin.onnx.OnnxModelSignature;
import dev.streamwright.plugin.onnx.OnnxModelSignature.Tensor;
import dev.streamwright.runtime.models.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a Model score node ties a model file to its input: the file, the upstream column each model
 * input reads (in the model's input order) and the columns the chosen model outputs become. Built
 * by {@link #read}, which reports every problem on the property the user has to change.
 *
 * @param path the model file, absolute
 * @param features one entry per model input (k for an {@code [N,k]} input), in the model's order
 * @param scores one entry per chosen model output
 */
record ModelBinding(Path path, List<Feature> features, List<Score> scores) {

  /** The environment setting that relative model paths are resolved against. */
  static final String MODELS_DIR = "models.dir";

  static final String MODEL = "model";
  static final String INPUTS = "inputs";
  static final String OUTPUTS = "outputs";

  /** SQL types the onnx provider turns into float features (docs/decisions/0010). */
  private static final Set<String> FEATURE_TYPES =
      Set.of("FLOAT", "DOUBLE", "INT", "BIGINT", "SMALLINT", "TINYINT");

  /**
   * A model input and the upstream column that feeds it; an {@code [N,k]} input has k features, one
   * per value in order.
   *
   * @param sqlInput the column name in CREATE MODEL's INPUT: the model input's own name, or for the
   *     k values of an {@code [N,k]} input {@code <name>_0} to {@code <name>_<k-1>} (the provider
   *     feeds a single matrix input all INPUT columns in order, whatever their names)
   */
  record Feature(String modelInput, String sqlInput, Column column) {}

  /** A model output and the column it becomes. */
  record Score(String modelOutput, Column column) {}

  /**
   * The model file a {@code model} property names: absolute as written, else relative to the
   * environment's {@value #MODELS_DIR} when set, else to the working directory.
   */
  static Path resolve(String model, String modelsDir) {
    Path p = Path.of(model.trim());
    if (!p.isAbsolute() && modelsDir != null && !modelsDir.isBlank()) {
      p = Path.of(modelsDir.trim()).resolve(p);
    }
    return p.toAbsolutePath().normalize();
  }

  /** Reads and checks the binding, or returns null after reporting why there is none. */
  static ModelBinding read(Derivation d, Schema input) {
    String model = d.props().string(MODEL, "").trim();
    if (model.isEmpty()) {
      d.error(MODEL, "set the path of the .onnx file, e.g. fraud-scorer/fraud-scorer.onnx");
      return null;
    }
    Path path;
    try {
      path = resolve(model, d.environment(MODELS_DIR));
    } catch (RuntimeException e) { // InvalidPathException: characters the file system refuses
      d.error(MODEL, "'" + model + "' is not a valid path: " + e.getMessage());
      return null;
    }
    OnnxModelSignature signature;
    try {
      signature = OnnxModelInspector.inspect(path);
    } catch (OnnxModelException e) {
      String where =
          Path.of(model).isAbsolute() || d.environment(MODELS_DIR) == null
              ? ""
              : " (relative paths start at the environment's " + MODELS_DIR + ")";
      d.error(MODEL, e.getMessage() + where);
      return null;
    }
    // A registered model (a card beside it) scores only with the bytes it was registered with.
    ModelRegistry.registrationProblem(path).ifPresent(problem -> d.error(MODEL, problem));
    String file = String.valueOf(path.getFileName());
    List<Feature> features = features(d, input, signature, file);
    List<Score> scores = scores(d, input, signature, file);
    return d.hasErrors() ? null : new ModelBinding(path, features, scores);
  }

  private static List<Feature> features(
      Derivation d, Schema input, OnnxModelSignature signature, String file) {
    boolean only = signature.inputs().size() == 1;
    for (Tensor t : signature.inputs()) {
      if (!t.supported()) {
        d.error(
            MODEL, "model input '" + t.name() + "' of " + file + " is " + t.unsupportedReason());
      } else if (t.matrix() && !only) {
        d.error(
            MODEL,
            "model input '"
                + t.name()
                + "' of "
                + file
                + " has shape "
                + t.describeShape()
                + " beside other inputs ("
                + names(signature.inputs())
                + "); a Model score node feeds an [N,k] input only when it is the model's only"
                + " input. Export the model with one [N,k] input, or with one [N,1] input per"
                + " feature");
      } else if (!t.matrix() && !t.oneValuePerRow()) {
        d.error(
            MODEL,
            "model input '"
                + t.name()
                + "' of "
                + file
                + " has shape "
                + t.describeShape()
                + "; a Model score node feeds one column into each [N] or [N,1] input, or k"
                + " columns into a model's only [N,k] input");
      }
    }
    Map<String, List<String>> mapped = mapped(d, signature, file);
    List<Feature> features = new ArrayList<>();
    for (Tensor t : signature.inputs()) {
      if (!t.supported() || (t.matrix() ? !only : !t.oneValuePerRow())) {
        continue; // reported on the model above; a column check would only add noise
      }
      List<String> columns = mapped.get(t.name());
      if (t.matrix() && (columns == null || columns.size() != t.width())) {
        d.error(
            INPUTS,
            "model input '"
                + t.name()
                + "' takes "
                + t.width()
                + " values per row ("
                + t.describeShape()
                + "); map "
                + t.width()
                + " columns to it, in order"
                + (columns == null
                    ? ": add {input: "
                        + t.name()
                        + ", column: <column>} to inputs once per column. Columns: "
                        + Columns.describe(input)
                    : "; got " + columns.size()));
        continue;
      }
      Set<String> seen = new TreeSet<>();
      for (int i = 0; i < t.width(); i++) {
        String what =
            t.matrix()
                ? "value " + (i + 1) + " of model input '" + t.name() + "'"
                : "model input '" + t.name() + "'";
        String columnName = columns == null ? t.name() : columns.get(i);
        Column c = input.column(columnName).orElse(null);
        if (c == null) {
          d.error(
              INPUTS,
              columns != null
                  ? what
                      + " is mapped to '"
                      + columnName
                      + "', which is not a column of the input; pick one of: "
                      + Columns.describe(input)
                  : what
                      + " has no column: the input has no column of that name; add"
                      + " {input: "
                      + t.name()
                      + ", column: <column>} to inputs, or name the column so upstream. Columns: "
                      + Columns.describe(input));
        } else if (!seen.add(c.name())) {
          d.error(
              INPUTS,
              what
                  + " reads column '"
                  + c.name()
                  + "' again; Flink's DESCRIPTOR takes each column once, so copy it under"
                  + " another name in a project node");
        } else {
          checkFeatureType(d, what, c);
          String sqlInput = t.matrix() ? t.name() + "_" + i : t.name();
          features.add(new Feature(t.name(), sqlInput, c));
        }
      }
    }
    return features;
  }

  /** The columns {@code inputs} lists per model input, in order; reports malformed entries. */
  private static Map<String, List<String>> mapped(
      Derivation d, OnnxModelSignature signature, String file) {
    Map<String, List<String>> mapped = new LinkedHashMap<>();
    List<NodeProperties> records = d.props().records(INPUTS);
    for (int i = 0; i < records.size(); i++) {
      String name = records.get(i).string("input", "").trim();
      String column = records.get(i).string("column", "").trim();
      String label = Columns.item("input", i, name);
      Tensor t = signature.input(name).orElse(null);
      if (name.isEmpty() || column.isEmpty()) {
        d.error(INPUTS, label + " needs both a model input and a column");
      } else if (t == null) {
        d.error(
            INPUTS,
            label
                + ": "
                + file
                + " has no input '"
                + name
                + "'; it takes "
                + signature.inputs().size()
                + " inputs: "
                + names(signature.inputs()));
      } else if (mapped.containsKey(name) && !t.matrix()) {
        d.error(
            INPUTS,
            t.shape().size() == 2 && t.shape().get(1) < 0
                ? label
                    + ": model input '"
                    + name
                    + "' has shape "
                    + t.describeShape()
                    + ", whose width is not fixed, so the node cannot tell how many columns it"
                    + " takes; map one column to it, or export the model with a fixed width"
                    + " [N,k]"
                : label + " is mapped twice; map each model input once");
      } else {
        mapped.computeIfAbsent(name, n -> new ArrayList<>()).add(column);
      }
    }
    return mapped;
  }

  private static void checkFeatureType(Derivation d, String what, Column c) {
    if (SqlTypes.isUnknown(c.type())) {
      d.warning(
          INPUTS,
          "column '"
              + c.name()
              + "' ("
              + what
              + ") has a type only the Flink planner knows; set its type upstream so this node"
              + " can check it is numeric");
    } else if (!FEATURE_TYPES.contains(SqlTypes.base(c.type()))) {
      d.error(
          INPUTS,
          "column '"
              + c.name()
              + "' is "
              + c.type()
              + ", but "
              + what
              + " is a float tensor; feed a FLOAT, DOUBLE, INT, BIGINT, SMALLINT or TINYINT column"
              + (SqlTypes.isNumeric(c.type())
                  ? " (CAST it to DOUBLE in a project node)"
                  : " (compute a number from it in a project node)"));
    }
  }

  private static List<Score> scores(
      Derivation d, Schema input, OnnxModelSignature signature, String file) {
    List<Score> scores = new ArrayList<>();
    List<NodeProperties> records = d.props().records(OUTPUTS);
    if (records.isEmpty()) {
      for (Tensor t : signature.outputs()) {
        if (!t.supported() || !t.oneValuePerRow()) {
          d.warning(
              OUTPUTS,
              "model output '"
                  + t.name()
                  + "' of "
                  + file
                  + " is left out: "
                  + (t.supported()
                      ? "its shape " + t.describeShape() + " is not [N] or [N,1]"
                      : "it is " + t.unsupportedReason()));
          continue;
        }
        scores.add(new Score(t.name(), new Column(t.name(), "DOUBLE")));
      }
      if (scores.isEmpty()) {
        d.error(MODEL, file + " has no float or double output of shape [N] or [N,1] to score with");
      }
    } else {
      Set<String> seen = new TreeSet<>();
      for (int i = 0; i < records.size(); i++) {
        NodeProperties r = records.get(i);
        String name = r.string("output", "").trim();
        String as = r.string("as", name).trim();
        String type = r.string("type", "DOUBLE").trim().toUpperCase(Locale.ROOT);
        String label = Columns.item("output", i, name);
        Tensor t = signature.output(name).orElse(null);
        if (t == null) {
          d.error(
              OUTPUTS,
              label
                  + ": "
                  + file
                  + " has no output '"
                  + name
                  + "'; its outputs are: "
                  + names(signature.outputs()));
        } else if (!t.supported()) {
          d.error(OUTPUTS, label + ": it is " + t.unsupportedReason());
        } else if (!t.oneValuePerRow()) {
          d.error(
              OUTPUTS,
              label
                  + ": its shape "
                  + t.describeShape()
                  + " is not [N] or [N,1], one score per row");
        } else if (!seen.add(name)) {
          d.error(OUTPUTS, label + " is listed twice; list each model output once");
        } else if (!type.equals("FLOAT") && !type.equals("DOUBLE")) {
          d.error(OUTPUTS, label + ": type must be FLOAT or DOUBLE, got '" + type + "'");
        } else {
          scores.add(new Score(name, new Column(as.isEmpty() ? name : as, type)));
        }
      }
    }
    checkNames(d, input, scores);
    return scores;
  }

  /** Output columns must not repeat each other or the input's columns. */
  private static void checkNames(Derivation d, Schema input, List<Score> scores) {
    Set<String> names = new TreeSet<>();
    for (Score s : scores) {
      String name = s.column().name();
      if (input.has(name)) {
        d.error(
            OUTPUTS,
            "output column '"
                + name
                + "' clashes with the input column of that name; give the output another name"
                + " with 'as', e.g. "
                + name
                + "_score");
      } else if (input.has(s.modelOutput())) {
        // ML_PREDICT appends the model's own output names to the input row before 'as' renames,
        // and Flink 2.2 then silently calls the score '<name>0': refuse rather than guess that.
        d.error(
            OUTPUTS,
            "model output '"
                + s.modelOutput()
                + "' has the name of an input column, so ML_PREDICT would add it under another"
                + " name even when renamed with 'as'; rename or drop the input column upstream");
      } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
        d.error(OUTPUTS, "output column '" + name + "' is used twice; give each its own name");
      }
    }
  }

  private static String names(List<Tensor> tensors) {
    List<String> out = new ArrayList<>();
    for (Tensor t : tensors) {
      out.add(t.name() + " " + t.describeShape() + " " + t.elementType());
    }
    return String.join(", ", out);
  }
}
