package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTypeSyntaxTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "STRING",
        "int",
        "INTEGER",
        "DECIMAL(10, 2)",
        "VARCHAR(20)",
        "TIMESTAMP(3)",
        "TIMESTAMP_LTZ(3)",
        "TIMESTAMP(3) WITH LOCAL TIME ZONE",
        "ARRAY<STRING>",
        "MAP<STRING, DOUBLE>",
        "ROW<a INT, `b c` STRING>",
        "BIGINT NOT NULL"
      })
  void acceptsFlinkTypes(String type) {
    assertThat(SqlTypeSyntax.problem(SqlTypeSyntax.normalize(type))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INTEGR",
        "NUMBER",
        "DECIMAL(10,",
        "INT)",
        "INT, evil STRING",
        "STRING) WITH ('connector' = 'filesystem'",
        "ARRAY<INT",
        "MAP<STRING>",
        "UNKNOWN",
        "INT -- comment",
        "1INT"
      })
  void refusesAnythingElse(String type) {
    assertThat(SqlTypeSyntax.problem(SqlTypeSyntax.normalize(type))).isPresent();
  }
}
