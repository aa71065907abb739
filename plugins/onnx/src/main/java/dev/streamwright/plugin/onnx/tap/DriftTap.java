package dev.streamwright.plugin.onnx.tap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.FunctionDefinition;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.functions.SpecializedFunction;
import org.apache.flink.table.functions.UserDefinedFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.inference.ArgumentCount;
import org.apache.flink.table.types.inference.CallContext;
import org.apache.flink.table.types.inference.ConstantArgumentCount;
import org.apache.flink.table.types.inference.InputTypeStrategy;
import org.apache.flink.table.types.inference.Signature;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * The in-job drift tap: a SQL filter that is always TRUE and, as a side effect, profiles columns of
 * the rows it sees per processing-time window, published as Flink gauges ({@link TapMetrics},
 * {@link TapWire}).
 *
 * <pre>
 * WHERE SW_DRIFT_TAP('fraud_score', 60000, 'amount,fraud_score', amount, fraud_score)
 * </pre>
 *
 * The first three arguments are literals: the id of the node whose rows are profiled, the window
 * length in milliseconds and the monitored columns' names (comma-separated, in the order of the
 * values that follow). The values may be of any numeric type, CHAR/VARCHAR/STRING or BOOLEAN (see
 * {@link TapKind}); the node id and names reach the tap as Flink's internal strings, so nothing is
 * decoded per row. Numeric columns may instead come first as one {@code ARRAY<DOUBLE>}, handed over
 * in Flink's internal form without boxing (it measured no cheaper than separate arguments, since
 * the generated code builds the array per row, so Streamwright's compiler does not emit it):
 *
 * <pre>
 * WHERE SW_DRIFT_TAP('fraud_score', 60000, 'amount,fraud_score,country',
 *     ARRAY[CAST(amount AS DOUBLE), CAST(fraud_score AS DOUBLE)], country)
 * </pre>
 *
 * The names then name the array's elements first. The planner specializes the function per call
 * with those literals, so each task's instance registers its gauges when it opens. Not
 * deterministic, so the planner keeps the call; the filter fuses into the calculation that produces
 * the rows. It keeps no Flink state: a restarted task starts a new window and loses the open one.
 */
public final class DriftTap extends ScalarFunction implements SpecializedFunction {

  /** The SQL name Streamwright registers the function under. */
  public static final String NAME = "SW_DRIFT_TAP";

  private static final long serialVersionUID = 1L;

  private final String nodeId;
  private final long windowMillis;
  private final String[] columns;
  private final TapKind[] kinds;
  private final int arrayColumns;
  private transient TapRecorder recorder;

  /** The unspecialized function, as {@code CREATE FUNCTION ... AS} instantiates it. */
  public DriftTap() {
    this(null, 0, List.of(), List.of());
  }

  /**
   * A tap for known columns (what the planner's specialization makes).
   *
   * @param nodeId the id of the node whose rows are profiled
   * @param windowMillis the window length in milliseconds
   * @param columns the monitored columns' names, in argument order
   * @param kinds how each is profiled
   */
  public DriftTap(String nodeId, long windowMillis, List<String> columns, List<TapKind> kinds) {
    this(nodeId, windowMillis, columns, kinds, 0);
  }

  private DriftTap(
      String nodeId, long windowMillis, List<String> columns, List<TapKind> kinds, int array) {
    this.arrayColumns = array;
    this.nodeId = nodeId;
    this.windowMillis = windowMillis;
    this.columns = columns.toArray(String[]::new);
    this.kinds = kinds.toArray(TapKind[]::new);
  }

  @Override
  public UserDefinedFunction specialize(SpecializedContext context) {
    Call call = Call.read(context.getCallContext());
    return new DriftTap(
        call.nodeId(), call.windowMillis(), call.columns(), call.kinds(), call.arrayColumns());
  }

  @Override
  public void open(FunctionContext context) throws Exception {
    if (nodeId == null) {
      throw new IllegalStateException(NAME + " was not specialized for its call");
    }
    long seed = nodeId.hashCode() * 31L + windowMillis;
    try {
      seed = seed * 1_000_003L + context.getTaskInfo().getIndexOfThisSubtask();
    } catch (RuntimeException outsideATask) {
      // e.g. constant folding in the planner: one seed is as good as another
    }
    recorder = new TapRecorder(windowMillis, Arrays.asList(kinds), System::currentTimeMillis, seed);
    MetricGroup group =
        context.getMetricGroup().addGroup(TapMetrics.GROUP).addGroup(TapMetrics.TAP_KEY, nodeId);
    for (int i = 0; i < columns.length; i++) {
      int column = i;
      group.gauge(columns[i], (Gauge<String>) () -> recorder.text(column));
    }
  }

  /** Profiles the row's monitored values and keeps the row. */
  public boolean eval(Object... args) {
    if (arrayColumns == 0) {
      recorder.record(args, Call.FIXED);
    } else {
      ArrayData numbers = (ArrayData) args[Call.FIXED];
      if (numbers != null && numbers.size() != arrayColumns) {
        throw new IllegalStateException(
            NAME
                + " on node '"
                + nodeId
                + "': the array holds "
                + numbers.size()
                + " values but the names give "
                + arrayColumns
                + " for it");
      }
      recorder.record(numbers, args, Call.FIXED + 1);
    }
    return true;
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public TypeInference getTypeInference(DataTypeFactory typeFactory) {
    return TypeInference.newBuilder()
        .inputTypeStrategy(new Arguments())
        .outputTypeStrategy(TypeStrategies.explicit(DataTypes.BOOLEAN().notNull()))
        .build();
  }

  /** The literals of one call and the kinds of its values, checked. */
  private record Call(
      String nodeId,
      long windowMillis,
      List<String> columns,
      List<TapKind> kinds,
      int arrayColumns) {

    static final int FIXED = 3;

    static Call read(CallContext call) {
      List<DataType> types = call.getArgumentDataTypes();
      String nodeId = literal(call, 0, "the node id").orElse("");
      if (nodeId.isBlank()) {
        throw call.newValidationError(NAME + ": the node id (argument 1) must not be empty");
      }
      Long window = null;
      if (call.isArgumentLiteral(1)) {
        window =
            call.getArgumentValue(1, Long.class)
                .or(() -> call.getArgumentValue(1, Integer.class).map(Integer::longValue))
                .orElse(null);
      }
      if (window == null || window <= 0) {
        throw call.newValidationError(
            NAME + ": the window (argument 2) must be a positive integer literal of milliseconds");
      }
      String names = literal(call, 2, "the column names").orElse("");
      List<String> columns = new ArrayList<>();
      for (String n : names.split(",", -1)) {
        columns.add(n.trim());
      }
      boolean array = types.size() > FIXED && isArray(types.get(FIXED));
      int arrayColumns = array ? columns.size() - (types.size() - FIXED - 1) : 0;
      if (array && !isDoubleArray(types.get(FIXED))) {
        throw call.newValidationError(
            NAME
                + ": the array (argument 4) is "
                + types.get(FIXED)
                + "; it must be ARRAY<DOUBLE>: cast its elements AS DOUBLE");
      }
      if (array ? arrayColumns < 1 : columns.size() != types.size() - FIXED) {
        throw call.newValidationError(
            NAME
                + ": names '"
                + names
                + "' (argument 3) must name each of the "
                + (array ? "array's values and the " + (types.size() - FIXED - 1) : "")
                + (array ? "" : String.valueOf(types.size() - FIXED))
                + " values that follow it, comma-separated");
      }
      if (columns.stream().anyMatch(String::isEmpty)) {
        throw call.newValidationError(
            NAME + ": names '" + names + "' (argument 3) must not have an empty name");
      }
      List<TapKind> kinds = new ArrayList<>();
      for (int i = 0; i < arrayColumns; i++) {
        kinds.add(TapKind.NUMERIC);
      }
      for (int i = FIXED + (array ? 1 : 0); i < types.size(); i++) {
        DataType type = types.get(i);
        Optional<TapKind> kind = TapKind.of(type.getLogicalType());
        if (kind.isEmpty()) {
          throw call.newValidationError(
              NAME
                  + ": column '"
                  + columns.get(i - FIXED - (array ? 1 : 0) + arrayColumns)
                  + "' is "
                  + type
                  + ", which the drift tap cannot profile (numbers, text and booleans only)");
        }
        kinds.add(kind.get());
      }
      return new Call(nodeId, window, columns, kinds, arrayColumns);
    }

    private static boolean isArray(DataType type) {
      return type.getLogicalType().is(LogicalTypeRoot.ARRAY);
    }

    private static boolean isDoubleArray(DataType type) {
      return ((ArrayType) type.getLogicalType()).getElementType().is(LogicalTypeRoot.DOUBLE);
    }

    private static Optional<String> literal(CallContext call, int i, String what) {
      if (!call.isArgumentLiteral(i) || call.isArgumentNull(i)) {
        throw call.newValidationError(
            NAME + ": " + what + " (argument " + (i + 1) + ") must be a string literal");
      }
      return call.getArgumentValue(i, String.class);
    }
  }

  /** Three literals, then at least one value of a kind the tap profiles; types stay as they are. */
  private static final class Arguments implements InputTypeStrategy {

    @Override
    public ArgumentCount getArgumentCount() {
      return ConstantArgumentCount.from(Call.FIXED + 1);
    }

    @Override
    public Optional<List<DataType>> inferInputTypes(CallContext call, boolean throwOnFailure) {
      Call read;
      try {
        read = Call.read(call);
      } catch (RuntimeException e) {
        if (throwOnFailure) {
          throw e;
        }
        return Optional.empty();
      }
      // The literals and the array arrive in Flink's internal form: no conversion per row.
      List<DataType> types = new ArrayList<>(call.getArgumentDataTypes());
      types.set(0, types.get(0).bridgedTo(StringData.class));
      types.set(2, types.get(2).bridgedTo(StringData.class));
      if (read.arrayColumns() > 0) {
        types.set(Call.FIXED, types.get(Call.FIXED).bridgedTo(ArrayData.class));
      }
      return Optional.of(types);
    }

    @Override
    public List<Signature> getExpectedSignatures(FunctionDefinition definition) {
      return List.of(
          Signature.of(
              Signature.Argument.of("nodeId", "STRING"),
              Signature.Argument.of("windowMillis", "BIGINT"),
              Signature.Argument.of("columns", "STRING"),
              Signature.Argument.ofVarying("<ANY>")));
    }
  }
}
