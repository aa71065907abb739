package dev.streamwright.monitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamwright.monitor.alerts.Condition.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "> 1000    | GT | 1000",
        ">=0.25    | GE | 0.25",
        "  <  -1.5 | LT | -1.5",
        "<= .05    | LE | 0.05",
        "== 0      | EQ | 0",
        "!= 3      | NE | 3",
        "> 1e3     | GT | 1000",
        "> +2.     | GT | 2"
      })
  void parsesAComparisonAndANumber(String text, Comparison comparison, double threshold) {
    assertThat(Condition.parse(text)).isEqualTo(new Condition(comparison, threshold));
  }

  @Test
  void testsValuesAndNeverANaN() {
    assertThat(Condition.parse("> 1000").test(1000.5)).isTrue();
    assertThat(Condition.parse("> 1000").test(1000)).isFalse();
    assertThat(Condition.parse(">= 0.25").test(0.25)).isTrue();
    assertThat(Condition.parse("<= 0.05").test(0.06)).isFalse();
    assertThat(Condition.parse("!= 0").test(Double.NaN)).isFalse();
    assertThat(Condition.parse("< 1").test(Double.NaN)).isFalse();
  }

  @Test
  void writesTextThatReadsBack() {
    for (String text : new String[] {"> 1000", ">= 0.25", "< -1.5", "<= 0.05", "== 0", "!= 3"}) {
      assertThat(Condition.parse(text)).hasToString(text);
      assertThat(Condition.parse(Condition.parse(text).toString()))
          .isEqualTo(Condition.parse(text));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''         | the condition is empty",
        "1000       | does not start with a comparison (> >= < <= == !=)",
        "=> 5       | does not start with a comparison",
        "lag > 5    | does not start with a comparison",
        ">          | has no number after '>'",
        ">=         | has no number after '>='",
        "> 1 s      | '1 s' is not a number",
        "> 1,000    | '1,000' is not a number",
        ">> 1000    | '> 1000' is not a number",
        "> NaN      | 'NaN' is not a number",
        "> Infinity | 'Infinity' is not a number",
        "> 1e999    | '1e999' is too large for a number"
      })
  void rejectsBadTextSayingWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> Condition.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void errorsSayWhatToWrite() {
    assertThatThrownBy(() -> Condition.parse("over 9000"))
        .hasMessage(
            "condition 'over 9000' does not start with a comparison (> >= < <= == !=);"
                + " write a comparison and a number, e.g. > 1000 or <= 0.05");
  }
}
