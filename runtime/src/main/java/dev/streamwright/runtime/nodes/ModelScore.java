package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.ModelBinding.INPUTS;
import static dev.streamwright.runtime.nodes.ModelBinding.MODEL;
import static dev.streamwright.runtime.nodes.ModelBinding.OUTPUTS;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.runtime.nodes.ModelBinding.Feature;
import dev.streamwright.runtime.nodes.ModelBinding.Score;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores every input row with an ONNX model and appends the model's outputs as columns.
 *
 * <p>The model file ({@code model}) is an absolute path, or relative to the environment setting
 * {@code models.dir} when the environment sets it, else to the working directory of the studio or
 * CLI. The node reads the file while the pipeline is edited, so a wrong path, a file that is not an
 * ONNX model, a model input without a column or a text column fed to a float input show up on the
 * node at once. The compiled SQL names the file by its absolute path, which must also exist on
 * every Flink task manager.
 *
 * <p>Each model input reads the upstream column of the same name unless {@code inputs} maps it to
 * another column. Each model output becomes a {@code DOUBLE} column of its own name unless {@code
 * outputs} picks outputs, names ({@code as}) and types (FLOAT or DOUBLE). DOUBLE is the default
 * because a float32 score widens to DOUBLE exactly, and downstream thresholds such as {@code score
 * > 0.8} then compare as written instead of against the float nearest to 0.8.
 *
 * <p>It renders a {@code CREATE TEMPORARY MODEL} for Streamwright's {@code onnx} model provider and
 * a view over {@code ML_PREDICT}; rows are scored in batches of up to {@code batchSize}, each
 * waiting at most {@code maxWait}, with at most {@code maxInFlight} rows in flight (docs/decisions
 * /0010-onnx-model-provider.md).
 */
public final class ModelScore extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "model-score";

  static final String BATCH_SIZE = "batchSize";
  static final String MAX_WAIT = "maxWait";
  static final String ON_INVALID_INPUT = "onInvalidInput";
  static final String MAX_IN_FLIGHT = "maxInFlight";

  private static final long DEFAULT_BATCH = 64;

  public ModelScore() {
    super(
        ID,
        "Model score",
        NodeCategory.MODEL,
        "Scores each row with an ONNX model and adds the model's outputs as columns.",
        List.of(PortSpec.appendOnlyInput(PortSpec.IN)),
        List.of(PortSpec.output(PortSpec.OUT)),
        List.of(
            PropertySpec.of(MODEL, PropertyKind.PATH)
                .label("Model file")
                .required()
                .description(
                    "The .onnx file: absolute, or relative to the environment's models.dir (else"
                        + " to the working directory)")
                .build(),
            PropertySpec.of(INPUTS, PropertyKind.LIST)
                .label("Inputs")
                .fields(
                    PropertySpec.of("input", PropertyKind.STRING)
                        .required()
                        .description("The model input's name")
                        .build(),
                    PropertySpec.of("column", PropertyKind.COLUMN)
                        .required()
                        .description("The numeric input column that feeds it")
                        .build())
                .description(
                    "Which column feeds which model input; unlisted model inputs read the column"
                        + " of the same name")
                .build(),
            PropertySpec.of(OUTPUTS, PropertyKind.LIST)
                .label("Outputs")
                .fields(
                    PropertySpec.of("output", PropertyKind.STRING)
                        .required()
                        .description("The model output's name")
                        .build(),
                    PropertySpec.of("as", PropertyKind.STRING)
                        .description("The column name; the output's name when empty")
                        .build(),
                    PropertySpec.of("type", PropertyKind.ENUM)
                        .choices("DOUBLE", "FLOAT")
                        .defaultValue("DOUBLE")
                        .description("DOUBLE (exact for float32 scores) or FLOAT")
                        .build())
                .description(
                    "The model outputs to keep; when empty, every output becomes a DOUBLE column"
                        + " of its own name")
                .build(),
            PropertySpec.of(BATCH_SIZE, PropertyKind.INTEGER)
                .label("Batch size")
                .defaultValue(DEFAULT_BATCH)
                .description("Most rows scored in one ONNX Runtime call")
                .build(),
            PropertySpec.of(MAX_WAIT, PropertyKind.DURATION)
                .label("Max wait")
                .defaultValue("5ms")
                .description("Longest a row waits for its batch to fill")
                .build(),
            PropertySpec.of(ON_INVALID_INPUT, PropertyKind.ENUM)
                .label("On invalid input")
                .choices("fail", "skip", "default")
                .defaultValue("fail")
                .description(
                    "A NULL, NaN or infinite feature: fail the job, skip the row, or score it"
                        + " with 0.0 in place of the bad value")
                .build(),
            PropertySpec.of(MAX_IN_FLIGHT, PropertyKind.INTEGER)
                .label("Max in flight")
                .defaultValue(DEFAULT_BATCH)
                .description("Most rows waiting for their score at once; batches never exceed it")
                .build()));
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    Schema input = d.input(PortSpec.IN);
    if (input == null) {
      return Map.of();
    }
    Long batch = d.atLeast(BATCH_SIZE, 1);
    Long inFlight = d.atLeast(MAX_IN_FLIGHT, 1);
    Duration wait = d.duration(MAX_WAIT);
    if (wait != null && wait.isNegative()) {
      d.error(MAX_WAIT, "must not be negative, got '" + d.props().string(MAX_WAIT) + "'");
    }
    if (batch != null && inFlight != null && batch > inFlight) {
      d.warning(
          BATCH_SIZE,
          "batches never hold more than maxInFlight ("
              + inFlight
              + ") rows, because Flink sends no more; raise maxInFlight to "
              + batch
              + " to fill batches of "
              + batch);
    }
    ModelBinding binding = ModelBinding.read(d, input);
    if (binding == null || d.hasErrors()) {
      return Map.of();
    }
    List<Column> columns = new ArrayList<>(input.columns());
    binding.scores().forEach(s -> columns.add(s.column()));
    return d.out(input.withColumns(columns));
  }

  @Override
  public void render(RenderContext context) {
    Derivation d = Derivation.replay(context);
    Schema input = context.input(PortSpec.IN);
    ModelBinding binding = ModelBinding.read(d, input);
    String model = context.table("model");
    List<String> inputs = new ArrayList<>();
    List<String> descriptor = new ArrayList<>();
    for (Feature f : binding.features()) {
      inputs.add(Sql.identifier(f.modelInput()) + " " + f.column().type());
      descriptor.add(Sql.identifier(f.column().name()));
    }
    List<String> outputs = new ArrayList<>();
    boolean renamed = false;
    for (Score s : binding.scores()) {
      outputs.add(Sql.identifier(s.modelOutput()) + " " + s.column().type());
      renamed |= !s.modelOutput().equals(s.column().name());
    }
    Map<String, String> options = new TreeMap<>();
    options.put("provider", "onnx");
    options.put("path", binding.path().toString());
    options.put("batch.size", String.valueOf(context.properties().integer(BATCH_SIZE)));
    options.put("batch.max-wait", context.properties().duration(MAX_WAIT).toMillis() + " ms");
    options.put("on-invalid-input", context.properties().string(ON_INVALID_INPUT));
    context.ddl(
        "CREATE TEMPORARY MODEL "
            + model
            + "\nINPUT ("
            + String.join(", ", inputs)
            + ")\nOUTPUT ("
            + String.join(", ", outputs)
            + ")\n"
            + Sql.withClause(options));
    context.view(
        PortSpec.OUT,
        "SELECT "
            + (renamed ? selectList(input, binding) : "*")
            + "\nFROM ML_PREDICT(\n  TABLE "
            + context.inputRelation(PortSpec.IN)
            + ",\n  MODEL "
            + model
            + ",\n  DESCRIPTOR("
            + String.join(", ", descriptor)
            + "),\n  MAP["
            + Sql.literal("max-concurrent-operations")
            + ", "
            + Sql.literal(String.valueOf(context.properties().integer(MAX_IN_FLIGHT)))
            + "])");
  }

  /** The input's columns, then each score under its chosen name. */
  private static String selectList(Schema input, ModelBinding binding) {
    List<String> items = new ArrayList<>();
    input.names().forEach(n -> items.add(Sql.identifier(n)));
    for (Score s : binding.scores()) {
      String out = Sql.identifier(s.modelOutput());
      String as = Sql.identifier(s.column().name());
      items.add(out.equals(as) ? out : out + " AS " + as);
    }
    return "\n  " + String.join(",\n  ", items);
  }
}
