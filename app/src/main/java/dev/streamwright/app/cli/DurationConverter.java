package dev.streamwright.app.cli;

import dev.streamwright.plugin.api.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as users type them in pipeline files too: {@code 30s}, {@code 5min}, {@code 1h}.
 */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    Duration d;
    try {
      d = Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
    if (d.isZero()) {
      throw new TypeConversionException("'" + value + "' is zero; give a duration such as 30s");
    }
    return d;
  }
}
