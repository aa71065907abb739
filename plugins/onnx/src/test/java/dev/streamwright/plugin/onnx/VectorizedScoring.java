package dev.streamwright.plugin.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * For comparison only, not a Streamwright feature: the scoring a vectorized Flink operator would
 * do, without ML_PREDICT's per-row future and mailbox letter. The benchmark's datagen table turns
 * into a DataStream, an operator gathers each row's features into column arrays, scores a full
 * batch with one ONNX Runtime call and emits the scores; its last partial batch at end of input.
 */
final class VectorizedScoring {

  private VectorizedScoring() {}

  /** Runs datagen -> batch-score -> discarding sink on {@code t}'s cluster, until it ends. */
  static void run(StreamTableEnvironment t, String model, List<String> features, int batch)
      throws Exception {
    DataStream<Row> rows = t.toDataStream(t.from("src"));
    rows.transform("batch-score", Types.FLOAT, new BatchScoreOperator(model, features, batch))
        .sinkTo(new DiscardingSink<>());
    // execute() would not wait: the session's environment is detached.
    rows.getExecutionEnvironment().executeAsync("vectorized scoring").getJobExecutionResult().get();
  }

  /** Gathers rows into batches of {@code batch} and emits one score per row, in order. */
  static final class BatchScoreOperator extends AbstractStreamOperator<Float>
      implements OneInputStreamOperator<Row, Float>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final List<String> features;
    private final int batch;
    private transient OrtEnvironment env;
    private transient OrtSession session;
    private transient float[][] columns;
    private transient int n;
    private transient StreamRecord<Float> out;

    BatchScoreOperator(String model, List<String> features, int batch) {
      this.model = model;
      this.features = List.copyOf(features);
      this.batch = batch;
    }

    @Override
    public void open() throws Exception {
      super.open();
      env = OnnxEnvironment.get();
      session = env.createSession(model, OnnxEnvironment.sessionOptions());
      columns = new float[features.size()][batch];
      out = new StreamRecord<>(0f);
    }

    @Override
    public void processElement(StreamRecord<Row> element) throws Exception {
      Row row = element.getValue();
      for (int f = 0; f < columns.length; f++) {
        columns[f][n] = (Float) row.getField(f);
      }
      if (++n == batch) {
        flush();
      }
    }

    private void flush() throws Exception {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      try {
        for (int f = 0; f < columns.length; f++) {
          inputs.put(
              features.get(f),
              OnnxTensor.createTensor(env, FloatBuffer.wrap(columns[f], 0, n), new long[] {n, 1}));
        }
        try (OrtSession.Result result = session.run(inputs)) {
          FloatBuffer scores = ((OnnxTensor) result.get(0)).getFloatBuffer();
          for (int r = 0; r < n; r++) {
            output.collect(out.replace(scores.get(r)));
          }
        }
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
      n = 0;
    }

    @Override
    public void endInput() throws Exception {
      if (n > 0) {
        flush();
      }
    }

    @Override
    public void close() throws Exception {
      if (session != null) {
        session.close();
      }
      super.close();
    }
  }
}
