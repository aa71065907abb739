package dev.streamwright.plugin.onnx.tap;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The text a drift tap publishes per monitored column as a Flink gauge, read back by the monitor
 * from Flink's REST API (so it works on any cluster the studio reaches). One line, fields separated
 * by {@code |}:
 *
 * <pre>
 * N|start|length|count|missing|sum|sumOfSquares|min|max|v1,v2,...
 * C|start|length|count|missing|other|category=n,category=n,...
 * </pre>
 *
 * Numbers are Java's {@code Long.toString} and {@code Double.toString} (sample values as the
 * shortest text of their {@code float}, which keeps a 2,000-value sample near 16 KB, well under the
 * 64 KB a Flink gauge string may carry); categories are percent-encoded (UTF-8, as in a URL query)
 * so {@code | , =} in a category cannot break the line. The empty string means no window closed
 * yet.
 */
public final class TapWire {

  /** The text of a gauge before the first window closed (Flink refuses null gauge values). */
  public static final String NONE = "";

  private TapWire() {}

  /** The gauge text of {@code window}. */
  public static String encode(TapWindow window) {
    StringBuilder b = new StringBuilder(64);
    if (window instanceof NumericWindow n) {
      b.append("N|");
      head(b, n);
      b.append(n.sum()).append('|').append(n.sumOfSquares()).append('|');
      b.append(n.min()).append('|').append(n.max()).append('|');
      double[] sample = n.sample();
      for (int i = 0; i < sample.length; i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append((float) sample[i]);
      }
    } else {
      CategoricalWindow c = (CategoricalWindow) window;
      b.append("C|");
      head(b, c);
      b.append(c.other()).append('|');
      boolean first = true;
      for (Map.Entry<String, Long> e : c.counts().entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        b.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(e.getValue());
      }
    }
    return b.toString();
  }

  /**
   * The window in a gauge's text; empty for {@link #NONE}.
   *
   * @throws IllegalArgumentException if the text is not a tap's gauge text
   */
  public static Optional<TapWindow> decode(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String[] f = text.split("\\|", -1);
    try {
      return Optional.of(
          switch (f[0]) {
            case "N" -> numeric(f);
            case "C" -> categorical(f);
            default -> throw new IllegalArgumentException("unknown kind '" + f[0] + "'");
          });
    } catch (RuntimeException e) {
      String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
      throw new IllegalArgumentException(
          "Not a drift tap's window (" + e.getMessage() + "): " + shown, e);
    }
  }

  private static void head(StringBuilder b, TapWindow w) {
    b.append(w.start()).append('|').append(w.length()).append('|');
    b.append(w.count()).append('|').append(w.missing()).append('|');
  }

  private static NumericWindow numeric(String[] f) {
    fields(f, 10);
    String[] values = f[9].isEmpty() ? new String[0] : f[9].split(",", -1);
    double[] sample = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      sample[i] = Float.parseFloat(values[i]);
    }
    return new NumericWindow(
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Long.parseLong(f[3]),
        Long.parseLong(f[4]),
        Double.parseDouble(f[5]),
        Double.parseDouble(f[6]),
        Double.parseDouble(f[7]),
        Double.parseDouble(f[8]),
        sample);
  }

  private static CategoricalWindow categorical(String[] f) {
    fields(f, 7);
    Map<String, Long> counts = new LinkedHashMap<>();
    if (!f[6].isEmpty()) {
      for (String pair : f[6].split(",", -1)) {
        int eq = pair.lastIndexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("category without a count: '" + pair + "'");
        }
        String category = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        if (counts.put(category, Long.parseLong(pair.substring(eq + 1))) != null) {
          throw new IllegalArgumentException("category '" + category + "' twice");
        }
      }
    }
    return new CategoricalWindow(
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Long.parseLong(f[3]),
        Long.parseLong(f[4]),
        Long.parseLong(f[5]),
        counts);
  }

  private static void fields(String[] f, int expected) {
    if (f.length != expected) {
      throw new IllegalArgumentException(expected + " fields expected, found " + f.length);
    }
  }

  static void checkWindow(long start, long length, long count, long missing) {
    if (length <= 0 || start % length != 0) {
      throw new IllegalArgumentException(
          "A window of " + length + " ms cannot start at " + start + " ms");
    }
    if (count < 0 || missing < 0) {
      throw new IllegalArgumentException("Negative counts: " + count + ", " + missing);
    }
  }
}
