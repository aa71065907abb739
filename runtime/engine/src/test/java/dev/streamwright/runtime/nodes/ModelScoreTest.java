package dev.streamwright.runtime.nodes;

import static dev.streamwright.runtime.nodes.NodeHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelScoreTest {

  /** The repository's sample models, from the runtime module (Maven runs tests there). */
  static final Path SAMPLES = Path.of("..", "..", "samples", "models").toAbsolutePath().normalize();

  static final String FRAUD = "fraud-scorer/fraud-scorer.onnx";

  /** This module's tiny test models (see src/test/resources/models/README.md). */
  static final Path TEST_MODELS = Path.of("src", "test", "resources", "models").toAbsolutePath();

  @TempDir Path dir;

  /** The fraud sample's features, a user and an event time. */
  static Schema transactions() {
    return new Schema(
        List.of(
            new Column("user_id", "STRING"),
            new Column("amount", "DOUBLE"),
            new Column("avg_1min_spend", "DOUBLE"),
            new Column("tx_count_1min", "BIGINT"),
            new Column("amount_ratio", "DOUBLE"),
            new Column("transaction_time", "TIMESTAMP(3)")),
        "transaction_time",
        null,
        false);
  }

  private static NodeHarness fraud() {
    return NodeHarness.of(new ModelScore())
        .environment("models.dir", SAMPLES.toString())
        .input(transactions())
        .set("model", FRAUD);
  }

  @Test
  void describesItselfAsAModelNodeWithAnAppendOnlyInput() {
    ModelScore m = new ModelScore();
    assertThat(m.id()).isEqualTo("model-score");
    assertThat(m.category()).isEqualTo(NodeCategory.MODEL);
    assertThat(m.inputs()).containsExactly(PortSpec.appendOnlyInput("in"));
    assertThat(m.outputs()).containsExactly(PortSpec.output("out"), PortSpec.output("invalid"));
  }

  @Test
  void appendsEachModelOutputAsADoubleColumnKeepingTheEventTime() {
    Schema out = fraud().derive().out();
    assertThat(out.names())
        .containsExactly(
            "user_id",
            "amount",
            "avg_1min_spend",
            "tx_count_1min",
            "amount_ratio",
            "transaction_time",
            "fraud_score");
    assertThat(out.column("fraud_score")).contains(new Column("fraud_score", "DOUBLE"));
    assertThat(out.eventTime()).isEqualTo("transaction_time");
  }

  @Test
  void theInvalidOutputGivesRowsOnlyInDeadLetterModeWhichIsTheDefault() {
    for (String mode : List.of("fail", "skip", "default")) {
      assertThat(fraud().set("onInvalidInput", mode).derive().outputs())
          .as(mode)
          .containsOnlyKeys("out");
    }
    NodeHarness.Derived d = fraud().derive();
    assertThat(d.errors()).isEmpty();
    Schema invalid = d.outputs().get("invalid");
    assertThat(invalid.names()).endsWith("transaction_time", "dlq_reason");
    assertThat(invalid.column("dlq_reason")).contains(new Column("dlq_reason", "STRING"));
    assertThat(invalid.eventTime()).isEqualTo("transaction_time");
    assertThat(d.outputs().get("out").names()).endsWith("fraud_score");
  }

  @Test
  void connectingTheInvalidOutputOutsideDeadLetterModeSaysWhichPropertyToSet() {
    Node source =
        Node.of(
            "tx",
            "datagen",
            Map.of(
                "columns",
                List.of(
                    row("name", "amount", "type", "DOUBLE"),
                    row("name", "avg_1min_spend", "type", "DOUBLE"),
                    row("name", "tx_count_1min", "type", "INT"),
                    row("name", "amount_ratio", "type", "DOUBLE"))));
    Node scored =
        Node.of("scored", "model-score", Map.of("model", FRAUD, "onInvalidInput", "skip"));
    Node dlq = Node.of("dlq", "print-sink", Map.of());
    Pipeline p =
        new Pipeline(
            "p",
            "p",
            "",
            1,
            List.of(),
            List.of(source, scored, dlq),
            List.of(Edge.of("tx", "scored"), new Edge("scored", "invalid", "dlq", "in")));
    Compilation c =
        new PipelineCompiler(NodeTypeRegistry.load())
            .compile(p, Map.of("models.dir", SAMPLES.toString()));
    assertThat(c.problemsOf("scored"))
        .extracting(pr -> pr.message())
        .containsExactly("output 'out' is not connected; its rows are dropped");
    assertThat(c.problemsOf("dlq"))
        .anySatisfy(
            pr ->
                assertThat(pr.message())
                    .contains("output 'invalid' of 'scored', which gives no rows")
                    .contains("'invalid' output On invalid input = dead-letter"));
  }

  @Test
  void deadLetterModeRefusesAnInputWithADlqReasonColumn() {
    List<Column> columns = new ArrayList<>(transactions().columns());
    columns.add(new Column("dlq_reason", "STRING"));
    String message =
        fraud()
            .input(transactions().withColumns(columns))
            .set("onInvalidInput", "dead-letter")
            .derive()
            .onlyError("onInvalidInput");
    assertThat(message).contains("already has a column 'dlq_reason'");
  }

  @Test
  void deadLetterModeScoresOnlyValidRowsAndSendsTheOthersWithTheFirstBadColumn() {
    FakeRenderContext r = fraud().set("onInvalidInput", "dead-letter").render();
    String valid =
        """
        COALESCE(ABS(`amount`) <= 3.4028234663852886E38, FALSE)
          AND COALESCE(ABS(`avg_1min_spend`) <= 3.4028234663852886E38, FALSE)
          AND `tx_count_1min` IS NOT NULL
          AND COALESCE(ABS(`amount_ratio`) <= 3.4028234663852886E38, FALSE)""";
    assertThat(r.ddl.get(0))
        .isEqualTo(
            "CREATE TEMPORARY VIEW `node1__scorable` AS\nSELECT *\nFROM `upstream_in`\nWHERE "
                + valid);
    assertThat(r.ddl.get(1)).contains("'on-invalid-input' = 'fail'");
    assertThat(r.views.get(0))
        .isEqualTo(
            """
            CREATE TEMPORARY VIEW `node1__invalid` AS
            SELECT
              *,
              CAST(CASE
                WHEN `amount` IS NULL THEN 'amount: is null'
                WHEN NOT COALESCE(ABS(`amount`) <= 3.4028234663852886E38, FALSE) \
            THEN 'amount: NaN, infinite or too large for a float'
                WHEN `avg_1min_spend` IS NULL THEN 'avg_1min_spend: is null'
                WHEN NOT COALESCE(ABS(`avg_1min_spend`) <= 3.4028234663852886E38, FALSE) \
            THEN 'avg_1min_spend: NaN, infinite or too large for a float'
                WHEN `tx_count_1min` IS NULL THEN 'tx_count_1min: is null'
                WHEN `amount_ratio` IS NULL THEN 'amount_ratio: is null'
                WHEN NOT COALESCE(ABS(`amount_ratio`) <= 3.4028234663852886E38, FALSE) \
            THEN 'amount_ratio: NaN, infinite or too large for a float'
              END AS STRING) AS `dlq_reason`
            FROM `upstream_in`
            WHERE NOT (
            """
                + "  "
                + valid
                + ")");
    assertThat(r.views.get(1)).contains("TABLE `node1__scorable`,");
  }

  @Test
  void anAbsolutePathNeedsNoModelsDir() {
    NodeHarness h =
        NodeHarness.of(new ModelScore())
            .input(transactions())
            .set("model", SAMPLES.resolve(FRAUD).toString());
    assertThat(h.derive().errors()).isEmpty();
  }

  @Test
  void aRelativePathWithoutModelsDirStartsAtTheWorkingDirectory() {
    NodeHarness h =
        NodeHarness.of(new ModelScore())
            .input(transactions())
            .set("model", "../../samples/models/" + FRAUD);
    assertThat(h.derive().errors()).isEmpty();
  }

  @Test
  void aMissingFileIsReportedOnTheModelProperty() {
    String message = fraud().set("model", "fraud-scorer/nope.onnx").derive().onlyError("model");
    assertThat(message)
        .contains(SAMPLES.resolve("fraud-scorer/nope.onnx").toString())
        .contains("does not exist")
        .contains("relative paths start at the environment's models.dir");
  }

  @Test
  void aFileThatIsNotOnnxIsReportedOnTheModelProperty() throws Exception {
    Path text = Files.writeString(dir.resolve("model.onnx"), "id,score\n1,0.5\n");
    String message = fraud().set("model", text.toString()).derive().onlyError("model");
    assertThat(message).contains("is not an ONNX model").doesNotContain("models.dir");
  }

  @Test
  void aTruncatedFileIsReportedOnTheModelProperty() throws Exception {
    byte[] whole = Files.readAllBytes(SAMPLES.resolve(FRAUD));
    Path half = Files.write(dir.resolve("half.onnx"), Arrays.copyOf(whole, whole.length / 2));
    assertThat(fraud().set("model", half.toString()).derive().onlyError("model"))
        .contains("is truncated, damaged or not a valid model");
  }

  @Test
  void aRegisteredModelWhoseFileChangedIsRefusedOnTheModelProperty() throws Exception {
    // A copy of the registry; the copied model is changed as a re-export would, still loading.
    Path folder = Files.createDirectories(dir.resolve("fraud-scorer"));
    Files.copy(SAMPLES.resolve("fraud-scorer/card.json"), folder.resolve("card.json"));
    Files.copy(TEST_MODELS.resolve("matrix4-input.onnx"), folder.resolve("fraud-scorer.onnx"));

    List<String> onModel =
        fraud().environment("models.dir", dir.toString()).derive().errors().stream()
            .filter(r -> "model".equals(r.property()))
            .map(r -> r.message())
            .toList();

    assertThat(onModel).hasSize(1);
    assertThat(onModel.get(0))
        .contains("fraud-scorer.onnx changed since it was registered")
        .contains("register the new one as a new version");
  }

  @Test
  void aModelInputWithoutAColumnNamesTheInputAndHowToMapIt() {
    Schema input = transactions().withColumns(transactions().columns().subList(0, 4));
    String message = fraud().input(input).derive().onlyError("inputs");
    assertThat(message)
        .startsWith("model input 'amount_ratio' has no column")
        .contains("{input: amount_ratio, column: <column>}");
  }

  @Test
  void mappedInputsReadOtherColumns() {
    List<Column> renamed = new ArrayList<>(transactions().columns());
    renamed.set(4, new Column("ratio", "DOUBLE"));
    NodeHarness h =
        fraud()
            .set("onInvalidInput", "fail")
            .input(transactions().withColumns(renamed))
            .set("inputs", List.of(row("input", "amount_ratio", "column", "ratio")));
    assertThat(h.derive().errors()).isEmpty();
    assertThat(h.render().views.get(0))
        .contains("DESCRIPTOR(`amount`, `avg_1min_spend`, `tx_count_1min`, `ratio`)");
  }

  @Test
  void aMappedColumnMissingUpstreamIsReported() {
    String message =
        fraud()
            .set("inputs", List.of(row("input", "amount", "column", "amt")))
            .derive()
            .onlyError("inputs");
    assertThat(message)
        .contains("model input 'amount' is mapped to 'amt', which is not a column of the input")
        .contains("user_id STRING, amount DOUBLE");
  }

  @Test
  void mappingAnInputTheModelDoesNotHaveListsTheModelsInputs() {
    String message =
        fraud()
            .set("inputs", List.of(row("input", "velocity", "column", "amount")))
            .derive()
            .onlyError("inputs");
    assertThat(message)
        .contains("input 1 'velocity': fraud-scorer.onnx has no input 'velocity'")
        .contains("it takes 4 inputs: amount [N,1] float, avg_1min_spend [N,1] float");
  }

  @Test
  void aTextColumnIntoAFloatInputIsReported() {
    String message =
        fraud()
            .set("inputs", List.of(row("input", "amount", "column", "user_id")))
            .derive()
            .onlyError("inputs");
    assertThat(message)
        .contains("column 'user_id' is STRING, but model input 'amount' is a float tensor")
        .contains("compute a number from it in a project node");
  }

  @Test
  void aDecimalColumnMustBeCastFirst() {
    List<Column> columns = new ArrayList<>(transactions().columns());
    columns.set(1, new Column("amount", "DECIMAL(10,2)"));
    assertThat(fraud().input(transactions().withColumns(columns)).derive().onlyError("inputs"))
        .contains("CAST it to DOUBLE in a project node");
  }

  @Test
  void aStringModelInputIsUnsupported() {
    Schema input = Schema.of(List.of(new Column("merchant", "STRING")));
    NodeHarness.Derived d =
        NodeHarness.of(new ModelScore())
            .input(input)
            .set("model", TEST_MODELS.resolve("text-input.onnx").toString())
            .derive();
    assertThat(d.outputs()).isEmpty();
    assertThat(d.errors())
        .extracting(FakeSchemaContext.Reported::property)
        .as("the string output is a second problem; the column is not blamed")
        .containsOnly("model");
    assertThat(d.errors().get(0).message())
        .contains("model input 'merchant' of text-input.onnx is a string tensor")
        .contains("export the model with float32 inputs");
    assertThat(d.errors().get(1).message())
        .contains("text-input.onnx has no float or double output of shape [N] or [N,1]");
  }

  private static NodeHarness matrix(String... columns) {
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (String c : columns) {
      inputs.add(row("input", "float_input", "column", c));
    }
    return NodeHarness.of(new ModelScore())
        .environment("models.dir", TEST_MODELS.toString())
        .input(transactions())
        .set("model", "matrix4-input.onnx")
        .set("inputs", inputs);
  }

  @Test
  void aMatrixInputReadsItsMappedColumnsInOrder() {
    NodeHarness h =
        matrix("tx_count_1min", "amount", "amount_ratio", "avg_1min_spend")
            .set("onInvalidInput", "fail");
    assertThat(h.derive().errors()).isEmpty();
    assertThat(h.derive().out().names()).endsWith("transaction_time", "risk");
    FakeRenderContext r = h.render();
    assertThat(r.ddl.get(0))
        .startsWith(
            "CREATE TEMPORARY MODEL `node1__model`\n"
                + "INPUT (`float_input_0` BIGINT, `float_input_1` DOUBLE, `float_input_2` DOUBLE,"
                + " `float_input_3` DOUBLE)\n"
                + "OUTPUT (`risk` DOUBLE)\n");
    assertThat(r.views.get(0))
        .contains("DESCRIPTOR(`tx_count_1min`, `amount`, `amount_ratio`, `avg_1min_spend`)");
  }

  @Test
  void deadLetterModeChecksEveryColumnOfAMatrixInput() {
    FakeRenderContext r =
        matrix("tx_count_1min", "amount", "amount_ratio", "avg_1min_spend").render();
    assertThat(r.ddl.get(0))
        .contains("`tx_count_1min` IS NOT NULL")
        .contains("COALESCE(ABS(`amount`) <= ")
        .contains("COALESCE(ABS(`amount_ratio`) <= ")
        .contains("COALESCE(ABS(`avg_1min_spend`) <= ");
    assertThat(r.views.get(0))
        .contains("'tx_count_1min: is null'")
        .contains("'avg_1min_spend: NaN, infinite or too large for a float'");
  }

  @Test
  void aMatrixInputWithTooFewColumnsSaysHowManyItTakes() {
    assertThat(matrix("amount", "amount_ratio").derive().onlyError("inputs"))
        .isEqualTo(
            "model input 'float_input' takes 4 values per row ([N,4]); map 4 columns to it, in"
                + " order; got 2");
  }

  @Test
  void anUnmappedMatrixInputSaysHowToMapIt() {
    assertThat(matrix().derive().onlyError("inputs"))
        .startsWith(
            "model input 'float_input' takes 4 values per row ([N,4]); map 4 columns to it, in"
                + " order: add {input: float_input, column: <column>} to inputs once per column")
        .contains("amount DOUBLE");
  }

  @Test
  void aTextColumnIntoAMatrixInputNamesTheValue() {
    assertThat(
            matrix("amount", "user_id", "amount_ratio", "tx_count_1min")
                .derive()
                .onlyError("inputs"))
        .contains(
            "column 'user_id' is STRING, but value 2 of model input 'float_input' is a float"
                + " tensor");
  }

  @Test
  void aColumnReadTwiceByAMatrixInputIsRefused() {
    assertThat(
            matrix("amount", "amount", "amount_ratio", "tx_count_1min")
                .derive()
                .onlyError("inputs"))
        .contains("value 2 of model input 'float_input' reads column 'amount' again");
  }

  @Test
  void aMatrixInputBesideOtherInputsIsRefusedWithTheReason() {
    Schema input = Schema.of(List.of(new Column("a", "DOUBLE"), new Column("y", "DOUBLE")));
    String message =
        NodeHarness.of(new ModelScore())
            .input(input)
            .set("model", TEST_MODELS.resolve("matrix-and-column-input.onnx").toString())
            .derive()
            .onlyError("model");
    assertThat(message)
        .contains("model input 'x' of matrix-and-column-input.onnx has shape [N,2] beside other")
        .contains("only when it is the model's only input");
  }

  @Test
  void aDynamicWidthInputTakesOneColumnOnly() {
    Schema input = Schema.of(List.of(new Column("a", "DOUBLE"), new Column("b", "DOUBLE")));
    NodeHarness h =
        NodeHarness.of(new ModelScore())
            .input(input)
            .set("model", TEST_MODELS.resolve("dynamic-width-input.onnx").toString());
    assertThat(
            h.set(
                    "inputs",
                    List.of(row("input", "x", "column", "a"), row("input", "x", "column", "b")))
                .derive()
                .onlyError("inputs"))
        .contains("model input 'x' has shape [N,N], whose width is not fixed")
        .contains("export the model with a fixed width [N,k]");
  }

  @Test
  void anOutputNamedLikeAnInputColumnClashes() {
    List<Column> columns = new ArrayList<>(transactions().columns());
    columns.add(new Column("risk", "DOUBLE"));
    String message =
        fraud()
            .input(transactions().withColumns(columns))
            .set("outputs", List.of(row("output", "fraud_score", "as", "risk")))
            .derive()
            .onlyError("outputs");
    assertThat(message).contains("output column 'risk' clashes with the input column");
  }

  @Test
  void aModelOutputNamedLikeAnInputColumnIsRefusedEvenWhenRenamed() {
    List<Column> columns = new ArrayList<>(transactions().columns());
    columns.add(new Column("fraud_score", "DOUBLE"));
    String message =
        fraud()
            .input(transactions().withColumns(columns))
            .set("outputs", List.of(row("output", "fraud_score", "as", "new_score")))
            .derive()
            .onlyError("outputs");
    assertThat(message)
        .contains("model output 'fraud_score' has the name of an input column")
        .contains("rename or drop the input column upstream");
  }

  @Test
  void anUnknownOutputListsTheModelsOutputs() {
    assertThat(
            fraud()
                .set("outputs", List.of(row("output", "probability")))
                .derive()
                .onlyError("outputs"))
        .contains("has no output 'probability'; its outputs are: fraud_score [N,1] float");
  }

  @Test
  void batchesLargerThanMaxInFlightWarn() {
    String message = fraud().set("batchSize", 256L).derive().onlyWarning("batchSize");
    assertThat(message).contains("raise maxInFlight to 256");
  }

  @Test
  void rendersTheModelAndAViewOverMlPredictInModelInputOrder() {
    FakeRenderContext r = fraud().set("onInvalidInput", "fail").render();
    assertThat(r.ddl)
        .containsExactly(
            "CREATE TEMPORARY MODEL `node1__model`\n"
                + "INPUT (`amount` DOUBLE, `avg_1min_spend` DOUBLE, `tx_count_1min` BIGINT,"
                + " `amount_ratio` DOUBLE)\n"
                + "OUTPUT (`fraud_score` DOUBLE)\n"
                + "WITH (\n"
                + "  'batch.max-wait' = '5 ms',\n"
                + "  'batch.size' = '64',\n"
                + "  'on-invalid-input' = 'fail',\n"
                + "  'path' = '"
                + SAMPLES.resolve(FRAUD)
                + "',\n"
                + "  'provider' = 'onnx'\n"
                + ")");
    assertThat(r.views)
        .containsExactly(
            """
            CREATE TEMPORARY VIEW `node1` AS
            SELECT *
            FROM ML_PREDICT(
              TABLE `upstream_in`,
              MODEL `node1__model`,
              DESCRIPTOR(`amount`, `avg_1min_spend`, `tx_count_1min`, `amount_ratio`),
              MAP['max-concurrent-operations', '64'])""");
  }

  @Test
  void rendersRenamedFloatOutputsAndTheTuningProperties() {
    FakeRenderContext r =
        fraud()
            .set("outputs", List.of(row("output", "fraud_score", "as", "risk", "type", "FLOAT")))
            .set("batchSize", 32L)
            .set("maxWait", "20ms")
            .set("onInvalidInput", "skip")
            .set("maxInFlight", 128L)
            .render();
    assertThat(r.ddl.get(0))
        .contains("OUTPUT (`fraud_score` FLOAT)")
        .contains("'batch.max-wait' = '20 ms'")
        .contains("'batch.size' = '32'")
        .contains("'on-invalid-input' = 'skip'");
    assertThat(r.views.get(0))
        .contains("SELECT\n  `user_id`,\n")
        .contains("  `transaction_time`,\n  `fraud_score` AS `risk`\nFROM ML_PREDICT(")
        .endsWith("MAP['max-concurrent-operations', '128'])");
  }
}
