package dev.streamwright.runtime.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${data}} placeholder of folder properties: a path that starts with it is written under
 * the data folder of the environment the pipeline is compiled for ({@value #ENVIRONMENT_KEY}), so a
 * pipeline file names its output folders without knowing where it will run. The studio sets the
 * data folder to its workspace's {@code data} folder, the command line to {@code data} in
 * Streamwright's own data folder. The substitution is a plain prefix, so a data folder given as a
 * URI (e.g. {@code s3://bucket/streamwright}) works the same way.
 */
public final class DataFolder {

  /** The environment setting {@link #PLACEHOLDER} stands for. */
  public static final String ENVIRONMENT_KEY = "data.dir";

  /** The placeholder a path starts with to be written under the data folder. */
  public static final String PLACEHOLDER = "${data}";

  private static final Pattern ANY = Pattern.compile("\\$\\{([^}]*)}");

  private static final String EXAMPLE = PLACEHOLDER + "/features";

  /**
   * A path with its placeholder replaced, or why it cannot be.
   *
   * @param path the path to use; null when there is a problem
   * @param problem what is wrong with the path and what to do; null when there is none
   */
  public record Resolved(String path, String problem) {

    /** Whether the path could be resolved. */
    public boolean ok() {
      return problem == null;
    }
  }

  private DataFolder() {}

  /**
   * Replaces a leading {@link #PLACEHOLDER} with the data folder; a path without it is returned as
   * it is.
   *
   * @param path the property's value
   * @param dataFolder the environment's {@value #ENVIRONMENT_KEY}, or null when it sets none
   */
  public static Resolved resolve(String path, String dataFolder) {
    String p = path.trim();
    Matcher m = ANY.matcher(p);
    int found = 0;
    while (m.find()) {
      if (!m.group().equals(PLACEHOLDER)) {
        return problem(
            "'"
                + m.group()
                + "' is not a placeholder Streamwright knows; the only one is "
                + PLACEHOLDER
                + ", the data folder, as in "
                + EXAMPLE
                + " (else write an absolute path or a URI such as file:///data/features)");
      }
      if (m.start() != 0 || ++found > 1) {
        return problem(
            PLACEHOLDER + " can only start the path, as in " + EXAMPLE + "; remove it from within");
      }
    }
    int open = p.indexOf("${", found == 0 ? 0 : PLACEHOLDER.length());
    if (open >= 0) {
      return problem(
          "the placeholder opened at position "
              + (open + 1)
              + " is not closed; write "
              + PLACEHOLDER
              + " at the start, as in "
              + EXAMPLE);
    }
    if (found == 0) {
      return new Resolved(p, null);
    }
    String rest = p.substring(PLACEHOLDER.length());
    if (!rest.isEmpty() && !rest.startsWith("/")) {
      return problem("write a / after " + PLACEHOLDER + ", as in " + EXAMPLE);
    }
    if (dataFolder == null || dataFolder.isBlank()) {
      return problem(
          PLACEHOLDER
              + " stands for the data folder, which this environment does not set ("
              + ENVIRONMENT_KEY
              + "); set it, or write an absolute path or a URI such as file:///data/features");
    }
    String base = dataFolder.trim();
    while (base.length() > 1 && (base.endsWith("/") || base.endsWith("\\"))) {
      base = base.substring(0, base.length() - 1);
    }
    return new Resolved(base.equals("/") && !rest.isEmpty() ? rest : base + rest, null);
  }

  private static Resolved problem(String message) {
    return new Resolved(null, message);
  }
}
