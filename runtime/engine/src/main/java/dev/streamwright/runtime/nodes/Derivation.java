package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Durations;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.plugin.api.SqlTypes;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link SchemaContext} that remembers whether an error was reported, so a node type can check
 * everything, report every problem at once, and only then decide whether it has a schema to give.
 */
final class Derivation {

  private final SchemaContext context;
  private int errors;

  Derivation(SchemaContext context) {
    this.context = context;
  }

  /**
   * A derivation that reads the properties again while rendering. Rendering only happens after a
   * derivation without errors, so nothing is reported and every expression has passed its check.
   */
  static Derivation replay(RenderContext render) {
    return new Derivation(
        new SchemaContext() {
          @Override
          public String nodeId() {
            return render.nodeId();
          }

          @Override
          public NodeProperties properties() {
            return render.properties();
          }

          @Override
          public Schema input(String port) {
            return render.input(port);
          }

          @Override
          public String environment(String key) {
            return render.environment(key);
          }

          @Override
          public void error(String property, String message) {}

          @Override
          public void warning(String property, String message) {}

          @Override
          public String typeOf(String expression, Schema columns) {
            return SqlTypes.UNKNOWN;
          }

          @Override
          public boolean checkExpression(String property, String expression) {
            return true;
          }
        });
  }

  NodeProperties props() {
    return context.properties();
  }

  String nodeId() {
    return context.nodeId();
  }

  Schema input(String port) {
    return context.input(port);
  }

  /** A setting of the environment the pipeline is compiled for, or null. */
  String environment(String key) {
    return context.environment(key);
  }

  void error(String property, String message) {
    errors++;
    context.error(property, message);
  }

  void warning(String property, String message) {
    context.warning(property, message);
  }

  String typeOf(String expression, Schema columns) {
    return context.typeOf(expression, columns);
  }

  /** Checks an expression through the context, counting a refusal as an error. */
  boolean checkExpression(String property, String expression) {
    boolean ok = context.checkExpression(property, expression);
    if (!ok) {
      errors++;
    }
    return ok;
  }

  boolean hasErrors() {
    return errors > 0;
  }

  /**
   * A positive duration property, or null after reporting why there is none.
   *
   * @param why what the duration is needed for, e.g. "tumble windows need a size"; used when the
   *     property is missing
   */
  Duration requiredDuration(String property, String why) {
    String text = props().string(property);
    if (text == null || text.isBlank()) {
      error(property, why + "; set " + property + " to a duration such as 10s, 5min or 1h");
      return null;
    }
    return positiveDuration(property, text);
  }

  /** A duration property with its default, or null after reporting why it is unusable. */
  Duration duration(String property) {
    String text = props().string(property);
    return text == null || text.isBlank() ? null : durationOf(property, text);
  }

  private Duration positiveDuration(String property, String text) {
    Duration d = durationOf(property, text);
    if (d != null && (d.isZero() || d.isNegative())) {
      error(property, "must be longer than zero, got '" + text + "'");
      return null;
    }
    return d;
  }

  private Duration durationOf(String property, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      error(property, e.getMessage());
      return null;
    }
  }

  /** A whole-number property that must be at least {@code min}, or null when unset or too small. */
  Long atLeast(String property, long min) {
    Long value = props().integer(property);
    if (value != null && value < min) {
      error(property, "must be at least " + min + ", got " + value);
      return null;
    }
    return value;
  }

  /** The derived schema on the {@code out} port, or nothing when an error was reported. */
  Map<String, Schema> out(Schema schema) {
    return hasErrors() || schema == null ? Map.of() : Map.of("out", schema);
  }
}
