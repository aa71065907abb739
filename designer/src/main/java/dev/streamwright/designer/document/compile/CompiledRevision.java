package dev.streamwright.designer.document.compile;

import dev.streamwright.runtime.compile.Compilation;
import java.util.Objects;

/**
 * A compilation together with the document revision it was made from, so views can tell how fresh
 * their problems, schemas and SQL are.
 *
 * @param revision the document revision that was compiled
 * @param compilation the result
 */
public record CompiledRevision(long revision, Compilation compilation) {

  public CompiledRevision {
    Objects.requireNonNull(compilation, "compilation");
  }
}
