package dev.streamwright.runtime.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntervalsTest {

  @Test
  void wholeUnitsUseTheLargestExactUnit() {
    assertThat(Intervals.sql(Duration.ofSeconds(10))).isEqualTo("INTERVAL '10' SECOND");
    assertThat(Intervals.sql(Duration.ofSeconds(90))).isEqualTo("INTERVAL '90' SECOND");
    assertThat(Intervals.sql(Duration.ofMinutes(2))).isEqualTo("INTERVAL '2' MINUTE");
    assertThat(Intervals.sql(Duration.ofHours(1))).isEqualTo("INTERVAL '1' HOUR");
    assertThat(Intervals.sql(Duration.ofDays(2))).isEqualTo("INTERVAL '2' DAY");
  }

  @Test
  void threeOrMoreDigitsDeclareTheirPrecision() {
    assertThat(Intervals.sql(Duration.ofMinutes(150))).isEqualTo("INTERVAL '150' MINUTE(3)");
    assertThat(Intervals.sql(Duration.ofSeconds(100))).isEqualTo("INTERVAL '100' SECOND(3)");
  }

  @Test
  void fractionsOfASecondKeepMilliseconds() {
    assertThat(Intervals.sql(Duration.ofMillis(250))).isEqualTo("INTERVAL '0.250' SECOND(1,3)");
    assertThat(Intervals.sql(Duration.ofMillis(121_500)))
        .isEqualTo("INTERVAL '121.500' SECOND(3,3)");
  }

  @Test
  void valuesBeyondSixDigitsUseDayToSecond() {
    assertThat(Intervals.sql(Duration.ofSeconds(1_234_567)))
        .isEqualTo("INTERVAL '14 06:56:07.000' DAY(2) TO SECOND(3)");
  }

  @Test
  void zeroIsZeroSeconds() {
    assertThat(Intervals.sql(Duration.ZERO)).isEqualTo("INTERVAL '0' SECOND");
  }

  @Test
  void optionValuesUseFlinkDurationUnits() {
    assertThat(Intervals.option(Duration.ofSeconds(10))).isEqualTo("10 s");
    assertThat(Intervals.option(Duration.ofMinutes(5))).isEqualTo("5 min");
    assertThat(Intervals.option(Duration.ofHours(3))).isEqualTo("3 h");
    assertThat(Intervals.option(Duration.ofDays(1))).isEqualTo("1 d");
    assertThat(Intervals.option(Duration.ofMillis(1500))).isEqualTo("1500 ms");
  }
}
