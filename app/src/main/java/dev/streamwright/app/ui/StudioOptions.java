package dev.streamwright.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the studio is started with: {@code [--workspace DIR] [--samples DIR]}. Anything else on the
 * command line belongs to the command-line tool, not the studio.
 *
 * @param workspace the workspace folder, or empty for the default one in the data folder
 * @param samples the sample pipelines folder, or empty to find it next to the installation
 */
public record StudioOptions(Optional<Path> workspace, Optional<Path> samples) {

  /** The option naming the workspace folder. */
  public static final String WORKSPACE = "--workspace";

  /** The option naming the samples folder. */
  public static final String SAMPLES = "--samples";

  /** Whether these arguments start the studio: none at all, or only studio options. */
  public static boolean startsStudio(String[] args) {
    if (args.length == 0) {
      return true;
    }
    String first = args[0];
    return first.equals(WORKSPACE)
        || first.startsWith(WORKSPACE + "=")
        || first.equals(SAMPLES)
        || first.startsWith(SAMPLES + "=");
  }

  /**
   * Reads the studio's options.
   *
   * @throws IllegalArgumentException with a usage message for anything else
   */
  public static StudioOptions parse(List<String> args) {
    Path workspace = null;
    Path samples = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException(
            "Missing folder after " + arg + "; usage: streamwright [--workspace DIR]");
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException("Empty folder after " + name);
      }
      switch (name) {
        case WORKSPACE -> workspace = Path.of(value);
        case SAMPLES -> samples = Path.of(value);
        default ->
            throw new IllegalArgumentException(
                "Unknown studio option '"
                    + arg
                    + "'; usage: streamwright [--workspace DIR] (or streamwright --help for the"
                    + " commands)");
      }
    }
    return new StudioOptions(Optional.ofNullable(workspace), Optional.ofNullable(samples));
  }
}
