package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionTyperTest {

  private static final Schema COLS =
      Schema.of(
          List.of(
              new Column("amount", "DOUBLE"),
              new Column("n", "INT"),
              new Column("big", "BIGINT"),
              new Column("name", "STRING"),
              new Column("ts", "TIMESTAMP(3)")));

  private static String type(String e) {
    return ExpressionTyper.typeOf(e, COLS);
  }

  @Test
  void columnReferencesTakeTheColumnType() {
    assertThat(type("amount")).isEqualTo("DOUBLE");
    assertThat(type("`name`")).isEqualTo("STRING");
    assertThat(type("AMOUNT")).isEqualTo("DOUBLE");
  }

  @Test
  void arithmeticWidens() {
    assertThat(type("n + big")).isEqualTo("BIGINT");
    assertThat(type("amount / n")).isEqualTo("DOUBLE");
    assertThat(type("(n * 2) - 1")).isEqualTo("INT");
  }

  @Test
  void comparisonsAndLogicAreBoolean() {
    assertThat(type("amount > 100")).isEqualTo("BOOLEAN");
    assertThat(type("name LIKE 'a%' OR n = 1")).isEqualTo("BOOLEAN");
    assertThat(type("name IS NOT NULL")).isEqualTo("BOOLEAN");
  }

  @Test
  void castsAndFunctionsHaveTheirTypes() {
    assertThat(type("CAST(n AS STRING)")).isEqualTo("STRING");
    assertThat(type("CAST(amount AS DECIMAL(10, 2))")).isEqualTo("DECIMAL(10,2)");
    assertThat(type("UPPER(name)")).isEqualTo("STRING");
    assertThat(type("ABS(amount)")).isEqualTo("DOUBLE");
    assertThat(type("CONCAT('user-', CAST(n AS STRING))")).isEqualTo("STRING");
  }

  @Test
  void caseWithStringBranchesIsAString() {
    assertThat(type("CASE WHEN n > 1 THEN 'high' ELSE 'low' END")).isEqualTo("STRING");
  }

  @Test
  void literalsHaveTheirTypes() {
    assertThat(type("42")).isEqualTo("INT");
    assertThat(type("'x'")).isEqualTo("STRING");
    assertThat(type("TRUE")).isEqualTo("BOOLEAN");
    assertThat(type("1.25")).isEqualTo("DECIMAL(3,2)");
  }

  @Test
  void whatItCannotTellIsUnknown() {
    assertThat(type("my_udf(amount)")).isEqualTo("UNKNOWN");
    assertThat(type("missing_column")).isEqualTo("UNKNOWN");
    assertThat(type("name + 1")).isEqualTo("UNKNOWN");
  }
}
