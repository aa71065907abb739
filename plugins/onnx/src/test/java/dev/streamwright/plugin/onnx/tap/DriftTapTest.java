package dev.streamwright.plugin.onnx.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tap in Flink's planner: validation of its call, and where the plan puts it. */
class DriftTapTest {

  private TableEnvironment env;

  @BeforeEach
  void session() {
    env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    env.executeSql(
        "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS "
            + DriftTap.NAME
            + " AS '"
            + DriftTap.class.getName()
            + "' LANGUAGE JAVA");
    env.executeSql(
        "CREATE TEMPORARY TABLE src (id BIGINT, amount DOUBLE, price DECIMAL(10, 2),"
            + " country STRING, flag BOOLEAN, ts TIMESTAMP(3))"
            + " WITH ('connector' = 'datagen')");
    env.executeSql(
        "CREATE TEMPORARY TABLE snk (id BIGINT, twice DOUBLE) WITH ('connector' = 'blackhole')");
  }

  @Test
  void theTapFusesIntoTheExistingCalc() {
    env.executeSql(
        "CREATE TEMPORARY VIEW scored AS SELECT id, amount * 2 AS twice, country FROM src");
    env.executeSql(
        "CREATE TEMPORARY VIEW tapped AS SELECT * FROM scored WHERE SW_DRIFT_TAP('scored', 60000,"
            + " 'twice,country', twice, country)");
    String plan = env.explainSql("INSERT INTO snk SELECT id, twice FROM tapped WHERE id > 0");
    String physical = plan.substring(plan.indexOf("== Optimized Physical Plan =="));
    physical = physical.substring(0, physical.indexOf("== Optimized Execution Plan =="));
    assertThat(physical).contains("SW_DRIFT_TAP(");
    // One Calc does the projection, the user's filter and the tap: no extra operator.
    assertThat(physical.split("Calc\\(", -1)).hasSize(2);
    assertThat(physical).contains("TableSourceScan");
  }

  @Test
  void everyKindOfColumnIsAccepted() {
    String plan =
        env.explainSql(
            "SELECT id FROM src WHERE SW_DRIFT_TAP('n', 1000, 'id,amount,price,country,flag',"
                + " id, amount, price, country, flag)");
    assertThat(plan).contains("SW_DRIFT_TAP(");
  }

  @Test
  void numbersMayComeAsOneArrayOfDoublesBeforeTheOtherValues() {
    String plan =
        env.explainSql(
            "SELECT id FROM src WHERE SW_DRIFT_TAP('n', 1000, 'amount,price,country',"
                + " ARRAY[amount, CAST(price AS DOUBLE)], country)");
    assertThat(plan).contains("SW_DRIFT_TAP(");
  }

  @Test
  void anArrayOfAnotherTypeIsRefused() {
    assertThatThrownBy(
            () ->
                env.explainSql(
                    "SELECT id FROM src WHERE SW_DRIFT_TAP('n', 1000, 'a,b', ARRAY[id, id])"))
        .hasStackTraceContaining("must be ARRAY<DOUBLE>");
  }

  @Test
  void namesMustLeaveAtLeastOneForTheArray() {
    assertThatThrownBy(
            () ->
                env.explainSql(
                    "SELECT id FROM src WHERE SW_DRIFT_TAP('n', 1000, 'country',"
                        + " ARRAY[amount], country)"))
        .hasStackTraceContaining("must name each of the array's values and the 1 values");
  }

  @Test
  void aColumnOfAnotherTypeIsRefused() {
    assertThatThrownBy(
            () -> env.explainSql("SELECT id FROM src WHERE SW_DRIFT_TAP('n', 1000, 'ts', ts)"))
        .hasStackTraceContaining("column 'ts' is TIMESTAMP(3)")
        .hasStackTraceContaining("cannot profile");
  }

  @Test
  void namesMustMatchTheValues() {
    assertThatThrownBy(
            () ->
                env.explainSql(
                    "SELECT id FROM src WHERE SW_DRIFT_TAP('n', 1000, 'id', id, amount)"))
        .hasStackTraceContaining("must name each of the 2 values");
  }

  @Test
  void theWindowMustBeAPositiveLiteral() {
    assertThatThrownBy(
            () -> env.explainSql("SELECT id FROM src WHERE SW_DRIFT_TAP('n', id, 'id', id)"))
        .hasStackTraceContaining("positive integer literal");
  }
}
