package dev.streamwright.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.ResultRow;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a Kafka sink topic's JSON record becomes a row of its preview table. */
class TopicPollerTest {

  private static final TopicPoller.Sink SCORED =
      new TopicPoller.Sink(
          "scored", "scored-transactions", List.of("user_id", "amount", "tx_count", "flagged"));

  @Test
  void aRecordBecomesARowInTheSinksColumnOrder() {
    ResultRow row =
        TopicPoller.row(
            SCORED, "{\"flagged\":true,\"tx_count\":7,\"amount\":12.5,\"user_id\":\"user-0001\"}");
    assertThat(row.sink()).isEqualTo("scored");
    assertThat(row.kind()).isEqualTo("+I");
    assertThat(row.values()).containsExactly("user-0001", 12.5, 7L, true);
  }

  @Test
  void nullsAndNestedValuesAreShownAsTheyAre() {
    ResultRow row =
        TopicPoller.row(
            SCORED, "{\"user_id\":null,\"amount\":{\"v\":1},\"tx_count\":1,\"flagged\":false}");
    assertThat(row.values()).isEqualTo(Arrays.asList(null, "{\"v\":1}", 1L, false));
  }

  @Test
  void recordsOfAnotherShapeOnTheSameTopicAreLeftToTheirOwnSink() {
    // A dead-letter topic gets rows from two sinks with different columns.
    assertThat(TopicPoller.row(SCORED, "{\"original_record\":\"x\",\"dlq_reason\":\"y\"}"))
        .isNull();
  }

  @Test
  void tombstonesAndUnreadableRecordsAreSkipped() {
    assertThat(TopicPoller.row(SCORED, null)).isNull();
    assertThat(TopicPoller.row(SCORED, "{\"user_id\":")).isNull();
    assertThat(TopicPoller.row(SCORED, "[1,2]")).isNull();
  }
}
