package dev.streamwright.plugin.api;

/**
 * The kind of value a node property holds; it decides the editor the property sheet shows and the
 * JSON shape of the value in pipeline files.
 */
public enum PropertyKind {
  /** Free text. JSON string. */
  STRING,
  /** A whole number. JSON number. */
  INTEGER,
  /** A decimal number. JSON number. */
  NUMBER,
  /** JSON boolean. */
  BOOLEAN,
  /** One of {@link PropertySpec#choices()}. JSON string. */
  ENUM,
  /** A duration such as {@code 10s}, {@code 5 min}, {@code 1h}, {@code 250ms}. JSON string. */
  DURATION,
  /** A boolean or scalar Flink SQL expression over the input columns. JSON string. */
  EXPRESSION,
  /** A whole Flink SQL query. JSON string. */
  SQL,
  /** The name of one input column. JSON string. */
  COLUMN,
  /** Names of input columns. JSON array of strings. */
  COLUMNS,
  /** A file or folder path. JSON string. */
  PATH,
  /**
   * A list of records whose fields {@link PropertySpec#fields()} describes. JSON array of objects.
   */
  LIST,
  /** Free key/value options, e.g. extra connector options. JSON object of strings. */
  MAP
}
