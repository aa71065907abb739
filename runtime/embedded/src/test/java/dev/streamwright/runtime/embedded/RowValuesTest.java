package dev.streamwright.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class RowValuesTest {

  @Test
  void timesHaveTheColumnsPrecisionWhateverTheirValue() {
    Row row =
        Row.of(
            LocalDateTime.parse("2026-11-23T07:40:36.190"),
            LocalDateTime.parse("2026-11-23T10:05:00"),
            LocalDateTime.parse("2026-11-23T10:05:00.123456"),
            LocalDateTime.parse("2026-11-23T10:05:07.900"),
            Instant.parse("2026-11-23T10:05:00Z"),
            LocalTime.parse("07:40"));
    List<Integer> digits =
        RowValues.fractionDigits(
            List.of(
                DataTypes.TIMESTAMP(3),
                DataTypes.TIMESTAMP(3),
                DataTypes.TIMESTAMP(6),
                DataTypes.TIMESTAMP(0),
                DataTypes.TIMESTAMP_LTZ(3),
                DataTypes.TIME(0)));

    assertThat(RowValues.of(row, digits))
        .containsExactly(
            "2026-11-23T07:40:36.190",
            "2026-11-23T10:05:00.000",
            "2026-11-23T10:05:00.123456",
            "2026-11-23T10:05:07",
            "2026-11-23T10:05:00.000Z",
            "07:40:00");
  }

  @Test
  void withoutTypesTimesHaveMilliseconds() {
    assertThat(RowValues.of(Row.of(LocalDateTime.parse("2026-11-23T10:05"), 7, "x")))
        .containsExactly("2026-11-23T10:05:00.000", 7L, "x");
  }

  @Test
  void onlyTimeColumnsHaveDigits() {
    assertThat(
            RowValues.fractionDigits(
                List.of(DataTypes.STRING(), DataTypes.TIMESTAMP(9), DataTypes.DOUBLE())))
        .containsExactly(-1, 9, -1);
  }
}
