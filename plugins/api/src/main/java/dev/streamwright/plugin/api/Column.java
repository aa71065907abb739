package dev.streamwright.plugin.api;

import java.util.Objects;

/**
 * One typed column of a schema.
 *
 * @param name the column name as users wrote it
 * @param type the Flink SQL type, normalised by {@link SqlTypes#normalize(String)}
 */
public record Column(String name, String type) {

  public Column {
    Objects.requireNonNull(name, "name");
    type = SqlTypes.normalize(Objects.requireNonNull(type, "type"));
  }

  @Override
  public String toString() {
    return name + " " + type;
  }
}
