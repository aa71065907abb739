package dev.streamwright.runtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Pretty printing the way people write JSON by hand ({@code "key": value}, two-space indent, {@code
 * {}} and {@code []} when empty), so hand-edited and saved pipeline files look alike and diffs stay
 * small.
 */
final class StablePrettyPrinter extends DefaultPrettyPrinter {

  private static final long serialVersionUID = 1L;

  StablePrettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    indentArraysWith(indenter);
    indentObjectsWith(indenter);
  }

  @Override
  public DefaultPrettyPrinter createInstance() {
    return new StablePrettyPrinter();
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    if (!_objectIndenter.isInline()) {
      --_nesting;
    }
    if (entries > 0) {
      _objectIndenter.writeIndentation(g, _nesting);
    }
    g.writeRaw('}');
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    if (!_arrayIndenter.isInline()) {
      --_nesting;
    }
    if (values > 0) {
      _arrayIndenter.writeIndentation(g, _nesting);
    }
    g.writeRaw(']');
  }
}
