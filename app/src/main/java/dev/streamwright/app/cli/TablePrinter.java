package dev.streamwright.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.ResultRow;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows as aligned text columns under a header naming the sink. Rows stream in, so column widths
 * come from the header and the first batch; when a later value is wider the column grows and the
 * header is printed again, so every row under a header lines up. Numbers are right-aligned. An
 * {@code op} column appears once a sink sends its first update or delete.
 */
final class TablePrinter implements RowPrinter {

  /** Between columns: wide enough to see the gap, narrow enough for many columns. */
  private static final String GAP = "  ";

  private static final String INSERT = "+I";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final Map<String, Layout> layouts = new HashMap<>();
  private String lastSink;

  /** What is known about one sink's columns. */
  private static final class Layout {
    final List<String> columns;
    final int[] widths;
    boolean showKind;

    Layout(List<String> columns) {
      this.columns = columns;
      this.widths = new int[columns.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = columns.get(i).length();
      }
    }
  }

  TablePrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void print(List<ResultRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    String sink = rows.get(0).sink();
    boolean fresh = !layouts.containsKey(sink);
    Layout layout = layouts.computeIfAbsent(sink, s -> new Layout(rows.get(0).columns()));
    boolean changed = fresh || !sink.equals(lastSink);
    List<String[]> cells = new ArrayList<>(rows.size());
    for (ResultRow row : rows) {
      String[] text = new String[layout.columns.size()];
      for (int i = 0; i < text.length; i++) {
        text[i] = format(i < row.values().size() ? row.values().get(i) : null);
        if (text[i].length() > layout.widths[i]) {
          layout.widths[i] = text[i].length();
          changed = true;
        }
      }
      if (!layout.showKind && row.kind() != null && !INSERT.equals(row.kind())) {
        layout.showKind = true;
        changed = true;
      }
      cells.add(text);
    }
    if (changed) {
      header(sink, layout);
    }
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder();
      if (layout.showKind) {
        line.append(pad(rows.get(r).kind(), 2, false)).append(GAP);
      }
      String[] text = cells.get(r);
      List<Object> values = rows.get(r).values();
      for (int i = 0; i < text.length; i++) {
        boolean number = i < values.size() && values.get(i) instanceof Number;
        line.append(pad(text[i], layout.widths[i], number));
        if (i < text.length - 1) {
          line.append(GAP);
        }
      }
      out.println(line.toString().stripTrailing());
    }
    lastSink = sink;
    out.flush();
  }

  private void header(String sink, Layout layout) {
    if (lastSink != null) {
      out.println();
    }
    out.println("[" + sink + "]");
    StringBuilder names = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    if (layout.showKind) {
      names.append("op").append(GAP);
      rule.append("--").append(GAP);
    }
    for (int i = 0; i < layout.columns.size(); i++) {
      names.append(pad(layout.columns.get(i), layout.widths[i], false));
      rule.append("-".repeat(layout.widths[i]));
      if (i < layout.columns.size() - 1) {
        names.append(GAP);
        rule.append(GAP);
      }
    }
    out.println(names.toString().stripTrailing());
    out.println(rule);
  }

  /** A value as table text: NULL for null, plain decimals, JSON for nested values. */
  static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof List<?> || value instanceof Map<?, ?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        return value.toString();
      }
    }
    String s = value.toString();
    // One row per line: a line break inside a value would break the table.
    return s.indexOf('\n') < 0 && s.indexOf('\r') < 0
        ? s
        : s.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String pad(String s, int width, boolean right) {
    if (s.length() >= width) {
      return s;
    }
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }
}
