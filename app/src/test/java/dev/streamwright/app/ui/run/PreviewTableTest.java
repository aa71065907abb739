package dev.streamwright.app.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.ResultRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class PreviewTableTest {

  private static List<ResultRow> rows(int from, int to) {
    List<ResultRow> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(new ResultRow("preview", "+I", List.of("n"), List.of((long) i)));
    }
    return out;
  }

  @Test
  void keepsOnlyTheNewestRowsNewestFirst() {
    PreviewTable table = new PreviewTable("preview", "Live", 5, List.of("n"));

    table.append(rows(0, 4));
    table.append(rows(4, 8));

    assertThat(table.rows()).extracting(r -> r.value(0)).containsExactly(7L, 6L, 5L, 4L, 3L);
    assertThat(table.receivedProperty().get()).isEqualTo(8);
  }

  @Test
  void aBatchLargerThanTheTableKeepsItsNewestRows() {
    PreviewTable table = new PreviewTable("preview", "Live", 3, List.of("n"));

    table.append(rows(0, 100));

    assertThat(table.rows()).extracting(r -> r.value(0)).containsExactly(99L, 98L, 97L);
  }

  @Test
  void aBatchIsOneChangeOfTheListWhateverItsSize() {
    PreviewTable table = new PreviewTable("preview", "Live", 1000, List.of("n"));
    table.append(rows(0, 10));
    AtomicInteger changes = new AtomicInteger();
    table.rows().addListener((ListChangeListener<PreviewTable.Row>) c -> changes.incrementAndGet());

    table.append(rows(10, 510));

    assertThat(changes).hasValue(1);
  }

  @Test
  void updatesTurnOnTheChangeKindColumn() {
    PreviewTable table = new PreviewTable("preview", "Live", 10, List.of("n"));
    table.append(rows(0, 2));
    assertThat(table.changelogProperty().get()).isFalse();

    table.append(List.of(new ResultRow("preview", "-U", List.of("n"), List.of(1L))));

    assertThat(table.changelogProperty().get()).isTrue();
  }

  @Test
  void columnsComeFromTheFirstRowWhenTheSchemaWasUnknown() {
    PreviewTable table = new PreviewTable("preview", "Live", 10, List.of());

    table.append(rows(0, 1));

    assertThat(table.columns()).containsExactly("n");
  }
}
