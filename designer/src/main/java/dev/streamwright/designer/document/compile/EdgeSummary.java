package dev.streamwright.designer.document.compile;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.model.Edge;
import java.util.Objects;
import java.util.Optional;

/**
 * The schema flowing along an edge, for the tooltip shown when the user hovers it: the columns with
 * their types, the time attributes, and whether the rows form a changelog.
 *
 * @param edge the edge
 * @param schema the schema of the edge's source port, or null when it is not known
 */
public record EdgeSummary(Edge edge, Schema schema) {

  /**
   * Most columns a tooltip lists; a wider schema is summarised, because a tooltip taller than the
   * screen helps nobody and the property sheet shows every column anyway.
   */
  public static final int MAX_LISTED_COLUMNS = 30;

  public EdgeSummary {
    Objects.requireNonNull(edge, "edge");
  }

  /** The summary of an edge; {@code compilation} may be null before the first compile. */
  public static EdgeSummary of(Edge edge, Compilation compilation) {
    Schema schema =
        compilation == null ? null : compilation.schema(edge.from(), edge.fromPort()).orElse(null);
    return new EdgeSummary(edge, schema);
  }

  /** The schema, when known. */
  public Optional<Schema> knownSchema() {
    return Optional.ofNullable(schema);
  }

  /**
   * The tooltip text: one line per column ({@code event_time TIMESTAMP(3) (event time)}), then
   * {@code changelog: rows update earlier rows} when the rows are not append-only.
   */
  public String tooltip() {
    if (schema == null) {
      return "Schema not known yet: fix the problems upstream of '" + edge.from() + "'";
    }
    StringBuilder sb = new StringBuilder();
    int n = schema.columns().size();
    sb.append(n).append(n == 1 ? " column" : " columns");
    if (schema.updating()) {
      sb.append(", changelog: rows update earlier rows");
    }
    for (int i = 0; i < Math.min(n, MAX_LISTED_COLUMNS); i++) {
      Column c = schema.columns().get(i);
      sb.append('\n').append(c.name()).append(' ').append(c.type());
      if (c.name().equals(schema.eventTime())) {
        sb.append(" (event time)");
      } else if (c.name().equals(schema.procTime())) {
        sb.append(" (processing time)");
      }
    }
    if (n > MAX_LISTED_COLUMNS) {
      sb.append("\n... and ").append(n - MAX_LISTED_COLUMNS).append(" more");
    }
    return sb.toString();
  }
}
