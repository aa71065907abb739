package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.api.ResultRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

  private final StringWriter text = new StringWriter();
  private final TablePrinter printer = new TablePrinter(new PrintWriter(text));

  private static ResultRow row(String sink, String kind, Object... values) {
    return new ResultRow(sink, kind, List.of("user_id", "clicks"), Arrays.asList(values));
  }

  @Test
  void printsAHeaderNamingTheSinkAndAlignsColumns() {
    printer.print(
        List.of(row("preview", "+I", "user-1", 3L), row("preview", "+I", "user-12", 12L)));

    assertThat(text.toString())
        .isEqualTo(
            "[preview]\n"
                + "user_id  clicks\n"
                + "-------  ------\n"
                + "user-1        3\n"
                + "user-12      12\n");
  }

  @Test
  void aWiderValueLaterReprintsTheHeaderSoRowsStillLineUp() {
    printer.print(List.of(row("p", "+I", "u1", 1L)));
    printer.print(List.of(row("p", "+I", "a-much-longer-user", 2L)));

    List<String> lines = text.toString().lines().toList();
    assertThat(lines).filteredOn(l -> l.equals("[p]")).hasSize(2);
    String header = lines.get(lines.size() - 3);
    String last = lines.get(lines.size() - 1);
    assertThat(header.indexOf("clicks") + "clicks".length()).isEqualTo(last.length());
  }

  @Test
  void anOpColumnAppearsOnceASinkSendsUpdates() {
    printer.print(List.of(row("p", "+I", "u1", 1L)));
    printer.print(List.of(row("p", "-U", "u1", 1L), row("p", "+U", "u1", 2L)));

    List<String> lines = text.toString().lines().toList();
    assertThat(lines).contains("op  user_id  clicks");
    assertThat(lines.get(lines.size() - 1)).startsWith("+U  u1");
  }

  @Test
  void eachSinkGetsItsOwnHeaderWhenRowsInterleave() {
    printer.print(List.of(row("a", "+I", "u1", 1L)));
    printer.print(List.of(row("b", "+I", "u2", 2L)));
    printer.print(List.of(row("a", "+I", "u3", 3L)));

    assertThat(text.toString().lines().filter(l -> l.startsWith("[")).toList())
        .containsExactly("[a]", "[b]", "[a]");
  }

  @Test
  void nullsAndLineBreaksStayOnOneLine() {
    assertThat(TablePrinter.format(null)).isEqualTo("NULL");
    assertThat(TablePrinter.format("two\nlines")).isEqualTo("two\\nlines");
  }
}
