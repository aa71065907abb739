package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedCatalogModel;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.ModelProviderFactory;
import org.apache.flink.table.ml.ModelProvider;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * The {@code onnx} model provider: lets Streamwright users score streams with an ONNX file in plain
 * Flink SQL, {@code CREATE MODEL m INPUT (...) OUTPUT (...) WITH ('provider' = 'onnx', 'path' =
 * '/abs/model.onnx')} and {@code ML_PREDICT(TABLE t, MODEL m, DESCRIPTOR(...))}, on the embedded
 * runtime and on any Flink 2.2 cluster that has this jar and ONNX Runtime's.
 *
 * <p>The model file is opened when the query is planned, so a wrong path or a schema that does not
 * match the model fails there with the model and column named.
 */
public final class OnnxModelProviderFactory implements ModelProviderFactory {

  /** The value of {@code 'provider'} in {@code CREATE MODEL ... WITH}. */
  public static final String IDENTIFIER = "onnx";

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(OnnxModelOptions.PATH);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(
        OnnxModelOptions.BATCH_SIZE,
        OnnxModelOptions.BATCH_MAX_WAIT,
        OnnxModelOptions.ON_INVALID_INPUT,
        OnnxModelOptions.INVALID_INPUT_DEFAULT_VALUE);
  }

  @Override
  public ModelProvider createModelProvider(Context context) {
    FactoryUtil.ModelProviderFactoryHelper helper =
        FactoryUtil.createModelProviderFactoryHelper(this, context);
    helper.validate();
    ReadableConfig options = helper.getOptions();
    String model = context.getObjectIdentifier().getObjectName();
    int batchSize = options.get(OnnxModelOptions.BATCH_SIZE);
    if (batchSize < 1) {
      throw new ValidationException(
          "Model '"
              + model
              + "' (provider 'onnx'): 'batch.size' must be at least 1, was "
              + batchSize);
    }
    if (options.get(OnnxModelOptions.BATCH_MAX_WAIT).isNegative()) {
      throw new ValidationException(
          "Model '" + model + "' (provider 'onnx'): 'batch.max-wait' must not be negative");
    }
    ResolvedCatalogModel catalogModel = context.getCatalogModel();
    Path path = Path.of(options.get(OnnxModelOptions.PATH));
    TensorLayout layout;
    try (OrtSession.SessionOptions sessionOptions = OnnxEnvironment.sessionOptions()) {
      layout =
          ModelSignatureCheck.check(
              model,
              path,
              catalogModel.getResolvedInputSchema(),
              catalogModel.getResolvedOutputSchema(),
              OnnxEnvironment.get(),
              sessionOptions);
    } catch (OrtException e) {
      throw new ValidationException(
          "Model '"
              + model
              + "' (provider 'onnx'): ONNX Runtime could not start: "
              + e.getMessage(),
          e);
    }
    ScoringSpec spec =
        new ScoringSpec(
            model,
            path.toString(),
            layout,
            catalogModel.getResolvedInputSchema().getColumnNames(),
            catalogModel.getResolvedInputSchema().getColumns().stream()
                .map(c -> c.getDataType().getLogicalType())
                .toList(),
            catalogModel.getResolvedOutputSchema().getColumns().stream()
                .map(OnnxModelProviderFactory::isDouble)
                .toList(),
            batchSize,
            options.get(OnnxModelOptions.BATCH_MAX_WAIT),
            options.get(OnnxModelOptions.ON_INVALID_INPUT),
            options.get(OnnxModelOptions.INVALID_INPUT_DEFAULT_VALUE));
    int inFlight =
        context
            .getConfiguration()
            .get(ExecutionConfigOptions.TABLE_EXEC_ASYNC_ML_PREDICT_MAX_CONCURRENT_OPERATIONS);
    return new OnnxModelProvider(spec, inFlight);
  }

  private static boolean isDouble(Column column) {
    return column.getDataType().getLogicalType().getTypeRoot() == LogicalTypeRoot.DOUBLE;
  }
}
