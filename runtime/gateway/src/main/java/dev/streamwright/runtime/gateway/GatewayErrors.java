package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.errors.FlinkErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL Gateway's refusals in a user's words. The gateway answers a failed statement with HTTP
 * 500 and the server's whole stack trace as text; the innermost cause is the message that matters
 * (as {@link FlinkErrors} finds it for the embedded runtime), and a missing connector or provider
 * gets the fix appended.
 */
final class GatewayErrors {

  private static final String SERVER_SIDE = "<Exception on server side:";

  private static final Pattern MISSING_FACTORY =
      Pattern.compile("Could not find any factory for identifier '([^']+)'");

  private static final Pattern SINK_TABLE =
      Pattern.compile("sink for writing table '(?:[^'.]+\\.[^'.]+\\.)?([^']+)'");

  private static final Pattern SOURCE_TABLE =
      Pattern.compile("source for reading table '(?:[^'.]+\\.[^'.]+\\.)?([^']+)'");

  private static final Pattern INPUT_STRING = Pattern.compile("For input string: \"([^\"]*)\"");

  private static final String ONNX_FIX =
      " The cluster has no onnx model provider: add streamwright-onnx-provider.jar to the"
          + " environment's jars and ONNX Runtime's jar to Flink's lib/ folder.";

  /** The class of the drift tap function, which the onnx provider jar carries. */
  private static final String DRIFT_TAP = "dev.streamwright.plugin.onnx.tap.DriftTap";

  private GatewayErrors() {}

  /** The innermost message of a server-side stack trace, cleaned up, with a fix where known. */
  static String rootMessage(String serverText) {
    List<String> causes = causes(serverText);
    String root = "";
    for (int i = causes.size() - 1; i >= 0 && root.isEmpty(); i--) {
      root = FlinkErrors.clean(causes.get(i));
      // "For input string: "lots"" says less than the layer above, which names the option.
      if (INPUT_STRING.matcher(root).find() && i > 0) {
        root = FlinkErrors.clean(causes.get(i - 1));
      }
    }
    if (root.isEmpty()) {
      root = FlinkErrors.clean(serverText);
    }
    return withFix(root, serverText);
  }

  /** A message followed by what to do, when the failure is a part the cluster lacks. */
  static String withFix(String message, String fullText) {
    Matcher m = MISSING_FACTORY.matcher(fullText);
    if (m.find()) {
      String id = m.group(1);
      if (id.equals("kafka") || id.equals("upsert-kafka")) {
        return message
            + " The cluster has no Kafka SQL connector: add the flink-sql-connector-kafka jar"
            + " (5.0.0-2.2 for Flink 2.2) to the environment's jars, which the session loads with"
            + " ADD JAR, or put it into Flink's lib/ folder.";
      }
      if (id.equals("onnx")) {
        return message + ONNX_FIX;
      }
    }
    // Flink words a model provider missing altogether differently from a missing connector.
    if (fullText.contains("ModelProviderFactory' in the classpath")
        && fullText.contains("'provider'='onnx'")) {
      return message + ONNX_FIX;
    }
    // A pipeline's drift tap is registered before its model: the same jar is missing.
    if (fullText.contains(DRIFT_TAP)
        && (fullText.contains("ClassNotFoundException")
            || fullText.contains("Could not find class")
            || fullText.contains("Cannot load"))) {
      String head =
          message.strip().equals(DRIFT_TAP)
              ? "The cluster cannot load the drift tap's class " + DRIFT_TAP + "."
              : message;
      return head + ONNX_FIX;
    }
    if (fullText.contains("NoClassDefFoundError") && fullText.contains("DeliveryGuarantee")) {
      return message
          + " The cluster lacks flink-connector-base (Flink's distribution bundles it): put its"
          + " jar into Flink's lib/ folder.";
    }
    return message;
  }

  /** The messages of a stack trace text, outermost first: its first line and each "Caused by". */
  static List<String> causes(String serverText) {
    String text = serverText == null ? "" : serverText;
    int start = text.indexOf(SERVER_SIDE);
    if (start >= 0) {
      text = text.substring(start + SERVER_SIDE.length());
    }
    if (text.endsWith(">]")) {
      text = text.substring(0, text.length() - 2);
    }
    List<String> causes = new ArrayList<>();
    StringBuilder current = null;
    boolean inMessage = false;
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (t.startsWith("Caused by: ")) {
        if (current != null) {
          causes.add(current.toString());
        }
        current = new StringBuilder(t.substring("Caused by: ".length()));
        inMessage = true;
      } else if (t.startsWith("at ")
          || t.matches("\\.\\.\\. \\d+ more")
          || t.startsWith("Suppressed:")) {
        inMessage = false;
      } else if (current == null && !t.isEmpty()) {
        current = new StringBuilder(t);
        inMessage = true;
      } else if (inMessage && current != null) {
        current.append('\n').append(line);
      }
    }
    if (current != null) {
      causes.add(current.toString());
    }
    return causes;
  }

  /**
   * The insert whose sink table a failure names: the statement set is planned as a whole, so
   * Flink's message is the one clue which insert it was.
   */
  static Optional<SqlStatement> tableNamedIn(CompiledPipeline pipeline, String text) {
    Matcher source = SOURCE_TABLE.matcher(text);
    if (source.find()) {
      Pattern ddl =
          Pattern.compile(
              "^\\s*CREATE\\s+(?:TEMPORARY\\s+)?TABLE\\s+(?:[`\\w]+\\.)*`?"
                  + Pattern.quote(source.group(1))
                  + "`?[\\s(]",
              Pattern.CASE_INSENSITIVE);
      Optional<SqlStatement> owner =
          pipeline.statements().stream().filter(s -> ddl.matcher(s.sql()).find()).findFirst();
      if (owner.isPresent()) {
        return owner;
      }
    }
    Matcher m = SINK_TABLE.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    Pattern insert =
        Pattern.compile(
            "^\\s*INSERT\\s+INTO\\s+(?:[`\\w]+\\.)*`?" + Pattern.quote(m.group(1)) + "`?\\s",
            Pattern.CASE_INSENSITIVE);
    return pipeline.inserts().stream().filter(s -> insert.matcher(s.sql()).find()).findFirst();
  }
}
