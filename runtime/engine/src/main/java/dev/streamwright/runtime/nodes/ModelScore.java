package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.ModelBinding.INPUTS;
import static dev.streamwright.runtime.nodes.ModelBinding.MODEL;
import static dev.streamwright.runtime.nodes.ModelBinding.OUTPUTS;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeState;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import dev.streamwright.runtime.compile.DriftColumnSource;
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
 * another column. A model whose only input is {@code [N,k]} (as scikit-learn exports them) reads k
 * columns: {@code inputs} lists that input k times, one column per value in order. Each model
 * output becomes a {@code DOUBLE} column of its own name unless {@code outputs} picks outputs,
 * names ({@code as}) and types (FLOAT or DOUBLE). DOUBLE is the default because a float32 score
 * widens to DOUBLE exactly, and downstream thresholds such as {@code score > 0.8} then compare as
 * written instead of against the float nearest to 0.8.
 *
 * <p>A NULL, NaN or infinite feature (or one too large for the model's float32 input) fails the
 * job, skips the row, or is scored as 0.0, as {@code onInvalidInput} says. With {@code
 * dead-letter}, such rows are not scored but go to the {@code invalid} output with a {@code
 * dlq_reason} naming the first bad column; that output gives no rows in the other modes.
 *
 * <p>It renders a {@code CREATE TEMPORARY MODEL} for Streamwright's {@code onnx} model provider and
 * a view over {@code ML_PREDICT}; rows are scored in batches of up to {@code batchSize}, each
 * waiting at most {@code maxWait}, with at most {@code maxInFlight} rows in flight (docs/decisions
 * /0010-onnx-model-provider.md).
 */
public final class ModelScore extends BuiltinNodeType implements DriftColumnSource {

  /** The node type id. */
  public static final String ID = "model-score";

  static final String BATCH_SIZE = "batchSize";
  static final String MAX_WAIT = "maxWait";
  static final String ON_INVALID_INPUT = "onInvalidInput";
  static final String MAX_IN_FLIGHT = "maxInFlight";

  /** The dead-letter output of rows with an invalid feature. */
  public static final String INVALID = "invalid";

  /** The column the invalid rows carry with the first bad feature in words. */
  public static final String REASON = "dlq_reason";

  private static final String DEAD_LETTER = "dead-letter";

  /**
   * The largest float32 as a double: a feature beyond it becomes infinite when the provider narrows
   * it to the model's float input, which the provider treats as invalid.
   */
  private static final String FLOAT_MAX = Double.toString(Float.MAX_VALUE);

  private static final long DEFAULT_BATCH = 64;

  public ModelScore() {
    super(
        ID,
        "Model score",
        NodeCategory.MODEL,
        "Scores each row with an ONNX model and adds the model's outputs as columns.",
        List.of(PortSpec.appendOnlyInput(PortSpec.IN)),
        List.of(PortSpec.output(PortSpec.OUT), PortSpec.output(INVALID)),
        List.of(
            PropertySpec.of(MODEL, PropertyKind.PATH)
                .label("Model file")
                .example("fraud-scorer/fraud-scorer.onnx")
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
                        .example("amount")
                        .build(),
                    PropertySpec.of("column", PropertyKind.COLUMN)
                        .required()
                        .description("The numeric input column that feeds it")
                        .example("amount_eur")
                        .build())
                .description(
                    "Which column feeds which model input; unlisted model inputs read the column"
                        + " of the same name. A model's only [N,k] input is listed k times, one"
                        + " column per value in order")
                .example(List.of(Map.of("input", "amount", "column", "amount_eur")))
                .build(),
            PropertySpec.of(OUTPUTS, PropertyKind.LIST)
                .label("Outputs")
                .fields(
                    PropertySpec.of("output", PropertyKind.STRING)
                        .required()
                        .description("The model output's name")
                        .example("probability")
                        .build(),
                    PropertySpec.of("as", PropertyKind.STRING)
                        .description("The column name; the output's name when empty")
                        .example("fraud_score")
                        .build(),
                    PropertySpec.of("type", PropertyKind.ENUM)
                        .choices("DOUBLE", "FLOAT")
                        .defaultValue("DOUBLE")
                        .description("DOUBLE (exact for float32 scores) or FLOAT")
                        .build())
                .description(
                    "The model outputs to keep; when empty, every output becomes a DOUBLE column"
                        + " of its own name")
                .example(List.of(Map.of("output", "probability", "as", "fraud_score")))
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
                .choices("fail", "skip", "default", DEAD_LETTER)
                .defaultValue(DEAD_LETTER)
                .description(
                    "A NULL, NaN or infinite feature: fail the job, skip the row, score it"
                        + " with 0.0 in place of the bad value, or send the row to the invalid"
                        + " output (dead-letter)")
                .build(),
            PropertySpec.of(MAX_IN_FLIGHT, PropertyKind.INTEGER)
                .label("Max in flight")
                .defaultValue(DEFAULT_BATCH)
                .description("Most rows waiting for their score at once; batches never exceed it")
                .build()));
  }

  /**
   * The rows waiting for their score when the job stops; they are scored on resume by whatever
   * model the node then names.
   */
  @Override
  public NodeState state(NodeProperties properties) {
    return NodeState.kept("rows waiting for their score");
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
    Schema out = input.withColumns(columns);
    if (!deadLetter(context)) {
      return d.out(out);
    }
    if (input.has(REASON)) {
      d.error(
          ON_INVALID_INPUT,
          "the input already has a column '"
              + REASON
              + "', which the invalid output adds; rename it upstream");
      return Map.of();
    }
    List<Column> invalid = new ArrayList<>(input.columns());
    invalid.add(new Column(REASON, "STRING"));
    return Map.of(PortSpec.OUT, out, INVALID, input.withColumns(invalid));
  }

  /**
   * The columns a drift tap monitors on this node's output by default: the input columns bound to
   * the model's inputs, then the score columns, each once. Empty when the node does not derive.
   *
   * @param context the node's context, as when deriving its schema
   */
  @Override
  public List<String> driftColumns(SchemaContext context) {
    Schema input = context.input(PortSpec.IN);
    if (input == null) {
      return List.of();
    }
    ModelBinding binding = ModelBinding.read(new Derivation(context), input);
    if (binding == null) {
      return List.of();
    }
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
    binding.features().forEach(f -> columns.add(f.column().name()));
    binding.scores().forEach(s -> columns.add(s.column().name()));
    return List.copyOf(columns);
  }

  private static boolean deadLetter(SchemaContext context) {
    return DEAD_LETTER.equals(context.properties().string(ON_INVALID_INPUT));
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
      inputs.add(Sql.identifier(f.sqlInput()) + " " + f.column().type());
      descriptor.add(Sql.identifier(f.column().name()));
    }
    List<String> outputs = new ArrayList<>();
    boolean renamed = false;
    for (Score s : binding.scores()) {
      outputs.add(Sql.identifier(s.modelOutput()) + " " + s.column().type());
      renamed |= !s.modelOutput().equals(s.column().name());
    }
    boolean deadLetter = DEAD_LETTER.equals(context.properties().string(ON_INVALID_INPUT));
    String scored = context.inputRelation(PortSpec.IN);
    if (deadLetter) {
      scored = context.table("scorable");
      renderDeadLetter(context, scored, binding);
    }
    Map<String, String> options = new TreeMap<>();
    options.put("provider", "onnx");
    options.put("path", binding.path().toString());
    options.put("batch.size", String.valueOf(context.properties().integer(BATCH_SIZE)));
    options.put("batch.max-wait", context.properties().duration(MAX_WAIT).toMillis() + " ms");
    // Under dead-letter only valid rows reach the model; should the checks ever disagree with the
    // provider's, the job fails loudly instead of dropping rows.
    options.put(
        "on-invalid-input", deadLetter ? "fail" : context.properties().string(ON_INVALID_INPUT));
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
        "SELECT"
            + (renamed ? selectList(input, binding) : " *")
            + "\nFROM ML_PREDICT(\n  TABLE "
            + scored
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

  /**
   * A view of the rows whose features are all valid (the ones the model sees) and the invalid
   * output with the rest. A feature is valid when it is not NULL and, for FLOAT and DOUBLE columns,
   * {@code ABS(x) <= } the largest float32: false for NaN and infinity, which Flink's SQL cannot
   * test directly ({@code x = x} is simplified to TRUE).
   */
  private static void renderDeadLetter(
      RenderContext context, String scorable, ModelBinding binding) {
    List<String> valid = new ArrayList<>();
    StringBuilder reason = new StringBuilder("CAST(CASE");
    for (Feature f : binding.features()) {
      String c = Sql.identifier(f.column().name());
      String name = f.column().name();
      reason.append("\n    WHEN ").append(c).append(" IS NULL THEN ");
      reason.append(Sql.literal(name + ": is null"));
      if (SqlTypes.isIntegral(f.column().type())) {
        valid.add(c + " IS NOT NULL");
      } else {
        // Not "NOT (ABS(x) <= max)": Calcite turns that into "ABS(x) > max", false for NaN.
        String finite = "COALESCE(ABS(" + c + ") <= " + FLOAT_MAX + ", FALSE)";
        valid.add(finite);
        reason.append("\n    WHEN NOT ").append(finite).append(" THEN ");
        reason.append(Sql.literal(name + ": NaN, infinite or too large for a float"));
      }
    }
    reason.append("\n  END AS STRING) AS ").append(Sql.identifier(REASON));
    String all = String.join("\n  AND ", valid);
    String from = "\nFROM " + context.inputRelation(PortSpec.IN);
    context.ddl("CREATE TEMPORARY VIEW " + scorable + " AS\nSELECT *" + from + "\nWHERE " + all);
    context.view(INVALID, "SELECT\n  *,\n  " + reason + from + "\nWHERE NOT (\n  " + all + ")");
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
