package dev.streamwright.plugin.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.CatalogModel;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogModel;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.ml.AsyncPredictRuntimeProvider;
import org.apache.flink.table.ml.ModelProvider;
import org.apache.flink.table.runtime.functions.ml.ModelPredictRuntimeProviderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch never waits for more rows than Flink lets into the async operator: batch.size is capped
 * by max-concurrent-operations from the query, else from the session.
 */
class OnnxModelProviderFactoryTest {

  @TempDir Path dir;

  @Test
  void flinksDefaultInFlightLimitCapsTheBatch() {
    assertThat(batchSize(Map.of(), new Configuration(), new Configuration())).isEqualTo(10);
  }

  @Test
  void sessionInFlightLimitCapsTheBatch() {
    Configuration session = new Configuration();
    session.setString("table.exec.async-ml-predict.max-concurrent-operations", "32");
    assertThat(batchSize(Map.of(), session, new Configuration())).isEqualTo(32);
  }

  @Test
  void queryInFlightLimitOverridesTheSession() {
    Configuration session = new Configuration();
    session.setString("table.exec.async-ml-predict.max-concurrent-operations", "32");
    Configuration query = new Configuration();
    query.setString("max-concurrent-operations", "3");
    assertThat(batchSize(Map.of(), session, query)).isEqualTo(3);
  }

  @Test
  void batchSizeBelowTheLimitIsKept() {
    Configuration query = new Configuration();
    query.setString("max-concurrent-operations", "1000");
    assertThat(batchSize(Map.of("batch.size", "8"), new Configuration(), query)).isEqualTo(8);
    assertThat(batchSize(Map.of(), new Configuration(), query)).isEqualTo(64);
  }

  private int batchSize(Map<String, String> extra, Configuration session, Configuration query) {
    Path file =
        OnnxModels.write(
            dir, "m.onnx", OnnxModels.logisticMatrix("x", new float[] {1f, 2f}, 0f, "score"));
    Map<String, String> options = new HashMap<>(extra);
    options.put("provider", "onnx");
    options.put("path", file.toString());
    ResolvedSchema in =
        ResolvedSchema.of(
            Column.physical("a", DataTypes.FLOAT()), Column.physical("b", DataTypes.DOUBLE()));
    ResolvedSchema out = ResolvedSchema.of(Column.physical("score", DataTypes.FLOAT()));
    ResolvedCatalogModel model =
        ResolvedCatalogModel.of(
            CatalogModel.of(
                Schema.newBuilder().fromResolvedSchema(in).build(),
                Schema.newBuilder().fromResolvedSchema(out).build(),
                options,
                null),
            in,
            out);
    ModelProvider provider =
        new OnnxModelProviderFactory()
            .createModelProvider(
                new FactoryUtil.DefaultModelProviderContext(
                    ObjectIdentifier.of("c", "d", "m"),
                    model,
                    session,
                    getClass().getClassLoader(),
                    true));
    OnnxAsyncPredictFunction function =
        (OnnxAsyncPredictFunction)
            ((AsyncPredictRuntimeProvider) provider)
                .createAsyncPredictFunction(new ModelPredictRuntimeProviderContext(model, query));
    return function.batchSize();
  }
}
