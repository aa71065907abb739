package dev.streamwright.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.util.SerializedThrowable;
import org.junit.jupiter.api.Test;

class FlinkErrorsTest {

  @Test
  void rootMessageIsTheInnermostWithoutPlannerPrefixes() {
    Exception inner = new IllegalStateException("Column 'x' not found in any table");
    Exception middle =
        new RuntimeException(
            "From line 1, column 8 to line 1, column 8: Column 'x' not found in any table", inner);
    Exception outer = new RuntimeException("SQL validation failed. From line 1 ...", middle);

    assertThat(FlinkErrors.rootMessage(outer)).isEqualTo("Column 'x' not found in any table");
  }

  @Test
  void listsAfterAColonFoldOntoOneLine() {
    String flink =
        "Could not find any factory for identifier 'nope' that implements"
            + " 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.\n\n"
            + "Available factory identifiers are:\n\nblackhole\ndatagen\nprint";

    assertThat(FlinkErrors.clean(flink))
        .isEqualTo(
            "Could not find any factory for identifier 'nope' that implements"
                + " 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath."
                + " Available factory identifiers are: blackhole, datagen, print");
  }

  @Test
  void parserErrorsNameTheTokenWithoutTheExpectedTokenList() {
    String flink =
        "SQL parse failed. Encountered \"FORM\" at line 1, column 10.\nWas expecting one of:\n"
            + "    <EOF>\n    \"FROM\" ...";

    assertThat(FlinkErrors.clean(flink)).isEqualTo("SQL syntax error at \"FORM\".");
  }

  @Test
  void jobFailureNamesTheRuntimeErrorKind() {
    Throwable failure =
        new SerializedThrowable(
            new RuntimeException(
                "org.apache.flink.runtime.JobException: Recovery is suppressed",
                new NumberFormatException("For input string: 'x1'")));

    assertThat(FlinkErrors.jobFailure(failure))
        .isEqualTo("For input string: 'x1' (NumberFormatException)");
  }
}
