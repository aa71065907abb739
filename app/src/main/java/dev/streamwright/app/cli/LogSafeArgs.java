package dev.streamwright.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command line as the log may show it: the values of options that can carry secrets ({@code
 * --kafka-property}, {@code --header}, {@code --client-option}) are masked, except {@code
 * ${env:NAME}} references. Streamwright refuses plain secrets there, but a user may still type one,
 * and the log must not keep it.
 */
public final class LogSafeArgs {

  private static final Set<String> SECRET_BEARING =
      Set.of("--kafka-property", "--header", "--client-option");

  private LogSafeArgs() {}

  /** The arguments joined with spaces, secret-bearing values replaced by {@code ***}. */
  public static String of(String[] args) {
    List<String> out = new ArrayList<>(args.length);
    boolean maskNext = false;
    for (String a : args) {
      if (maskNext) {
        out.add(mask(a));
        maskNext = false;
        continue;
      }
      int eq = a.indexOf('=');
      String option = eq < 0 ? a : a.substring(0, eq);
      if (SECRET_BEARING.contains(option)) {
        if (eq < 0) {
          maskNext = true;
          out.add(a);
        } else {
          out.add(option + "=" + mask(a.substring(eq + 1)));
        }
      } else {
        out.add(a);
      }
    }
    return String.join(" ", out);
  }

  /** {@code KEY=***}, or the value itself when it is only an environment variable reference. */
  private static String mask(String keyValue) {
    int eq = keyValue.indexOf('=');
    String key = eq < 0 ? "" : keyValue.substring(0, eq + 1);
    String value = eq < 0 ? keyValue : keyValue.substring(eq + 1);
    return value.strip().matches("\\$\\{env:[A-Za-z_][A-Za-z0-9_]*}") ? keyValue : key + "***";
  }
}
