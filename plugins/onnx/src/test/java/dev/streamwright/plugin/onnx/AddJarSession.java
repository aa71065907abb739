package dev.streamwright.plugin.onnx;

import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * The child JVM of {@link OnnxProviderJarIT}: starts its own MiniCluster, then, in a SQL session
 * whose classpath lacks the provider, runs {@code ADD JAR} and an ML_PREDICT query, and prints each
 * score as {@code score <id> <value>}.
 *
 * <p>Arguments: the jars to add (separated like a classpath), the model file.
 */
public final class AddJarSession {

  private AddJarSession() {}

  public static void main(String[] args) throws Exception {
    try {
      Class.forName("dev.streamwright.plugin.onnx.OnnxModelProviderFactory");
      System.out.println("provider-on-classpath");
    } catch (ClassNotFoundException expected) {
      System.out.println("provider-not-on-classpath");
    }
    FlinkSqlCluster cluster = new FlinkSqlCluster();
    cluster.beforeAll(null);
    try {
      TableEnvironment t = cluster.newSession();
      for (String jar : args[0].split(java.io.File.pathSeparator)) {
        t.executeSql("ADD JAR '" + jar + "'");
      }
      t.executeSql(OnnxModelProviderIT.valuesTable());
      t.executeSql(OnnxModelProviderIT.createModel("m", java.nio.file.Path.of(args[1]), ""));
      try (CloseableIterator<Row> rows =
          t.executeSql(
                  "SELECT id, fraud_score FROM ML_PREDICT(TABLE tx, MODEL m,"
                      + " DESCRIPTOR(amount, velocity, distance))")
              .collect()) {
        while (rows.hasNext()) {
          Row row = rows.next();
          System.out.println("score " + row.getField(0) + " " + row.getField(1));
        }
      }
    } finally {
      cluster.afterAll(null);
    }
  }
}
