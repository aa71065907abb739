package dev.streamwright.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.ResultRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One JSON object per row: {@code sink} first, then {@code kind} only when the row is not an insert
 * ({@code -U}, {@code +U}, {@code -D}), then the columns in order. Easy to filter with {@code jq}
 * and to append to a file.
 */
final class JsonLinesPrinter implements RowPrinter {

  private static final String INSERT = "+I";

  private final ObjectMapper mapper =
      new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private final PrintWriter out;

  JsonLinesPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void print(List<ResultRow> rows) {
    for (ResultRow row : rows) {
      out.println(line(row));
    }
    out.flush();
  }

  /** The row as one line of JSON, without the line break. */
  String line(ResultRow row) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = mapper.getFactory().createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("sink", row.sink());
      if (row.kind() != null && !INSERT.equals(row.kind())) {
        json.writeStringField("kind", row.kind());
      }
      for (int i = 0; i < row.columns().size(); i++) {
        json.writeFieldName(row.columns().get(i));
        mapper.writeValue(json, i < row.values().size() ? row.values().get(i) : null);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a preview row could not be written as JSON", e);
    }
    return text.toString();
  }
}
