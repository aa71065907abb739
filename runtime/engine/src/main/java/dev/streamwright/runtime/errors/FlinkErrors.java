package dev.streamwright.runtime.errors;

import dev.streamwright.runtime.connectors.ConnectorTables;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.util.SerializedThrowable;

/**
 * Turns Flink's deeply wrapped exceptions into the one sentence a user can act on. Flink wraps a
 * planner or job error in three to six layers ("SQL validation failed.", "Job execution failed.",
 * "Recovery is suppressed by ..."); the innermost message is almost always the useful one.
 */
public final class FlinkErrors {

  /** Prefixes Flink and Calcite put in front of the message that matters. */
  private static final Pattern NOISE_PREFIX =
      Pattern.compile(
          "^(?:(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)?:\\s*"
              + "|SQL validation failed\\.\\s*"
              + "|SQL parse failed\\.\\s*"
              + "|From line \\d+, column \\d+ to line \\d+, column \\d+:\\s*"
              + "|At line \\d+, column \\d+:\\s*)+");

  /**
   * The parser's position points into generated SQL the user never sees; the offending token is
   * what they can find in their own input.
   */
  private static final Pattern ENCOUNTERED =
      Pattern.compile("^Encountered \"(.*?)\" at line \\d+, column \\d+\\.?");

  /** Parser messages list every token Calcite would accept: hundreds of lines of no use. */
  private static final Pattern WAS_EXPECTING = Pattern.compile("(?s)\\s*Was expecting.*$");

  /** Kafka's and the connector's ways of saying a topic is not there. */
  private static final Pattern MISSING_TOPIC =
      Pattern.compile(
          "does not host this topic-partition|not present in metadata|UnknownTopicOrPartition");

  private FlinkErrors() {}

  /** The exception and its causes, outermost first, without cycles. */
  public static List<Throwable> chain(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /**
   * The innermost non-blank message of the cause chain, cleaned up; the class name of the innermost
   * error when no layer has a message.
   */
  public static String rootMessage(Throwable error) {
    List<Throwable> chain = chain(error);
    for (int i = chain.size() - 1; i >= 0; i--) {
      String cleaned = clean(chain.get(i).getMessage());
      if (!cleaned.isEmpty()) {
        return cleaned;
      }
    }
    return chain.isEmpty() ? "unknown error" : chain.get(chain.size() - 1).getClass().getName();
  }

  /**
   * The root cause of a failed job: its message followed by the error's simple class name, since a
   * runtime error's message alone ({@code For input string: "abc"}) rarely says what happened.
   */
  public static String jobFailure(Throwable error) {
    List<Throwable> chain = chain(error);
    if (chain.isEmpty()) {
      return "unknown error";
    }
    Throwable root = chain.get(chain.size() - 1);
    String className =
        root instanceof SerializedThrowable st
            ? st.getOriginalErrorClassName()
            : root.getClass().getName();
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String message = rootMessage(error);
    return message.equals(className) || message.contains(simple)
        ? message
        : message + " (" + simple + ")";
  }

  /**
   * The root cause of a failed job, pinned to the Kafka node it is about: when any layer of the
   * failure names the topic or a broker address of one of the pipeline's Kafka nodes (Flink's
   * connector says {@code Failed to get metadata for topics [orders]} a few layers above Kafka's
   * {@code This server does not host this topic-partition}), the message starts with that node and
   * property ({@code node 'orders', property 'topic': ...}) and names the topic and brokers.
   * Otherwise it is {@link #jobFailure(Throwable)}.
   */
  public static String jobFailure(Throwable error, ConnectorTables connectors) {
    String plain = jobFailure(error);
    if (connectors == null || connectors.kafka().isEmpty()) {
      return plain;
    }
    StringBuilder text = new StringBuilder();
    boolean missingTopic = false;
    for (Throwable t : chain(error)) {
      text.append(t.getMessage()).append('\n');
      String className =
          t instanceof SerializedThrowable st
              ? st.getOriginalErrorClassName()
              : t.getClass().getName();
      missingTopic |= className.endsWith("UnknownTopicOrPartitionException");
    }
    missingTopic |= MISSING_TOPIC.matcher(text).find();
    Optional<ConnectorTables.Blame> blame = connectors.blame(text.toString());
    if (blame.isEmpty()) {
      return plain;
    }
    ConnectorTables.Blame b = blame.get();
    String brokers = b.table().bootstrapServers();
    String what;
    if (b.topic() == null) {
      what = "Kafka at " + brokers + ": " + plain;
    } else if (missingTopic) {
      what =
          "topic '"
              + b.topic()
              + "' does not exist on "
              + brokers
              + "; create it or correct the name";
    } else {
      what = "topic '" + b.topic() + "' on " + brokers + ": " + plain;
    }
    return b.location() + ": " + what;
  }

  /**
   * Strips class-name and "SQL validation failed." prefixes, the parser's list of expected tokens,
   * and folds the message onto one line ("Available factory identifiers are:" followed by one
   * identifier per line becomes a comma-separated list).
   */
  public static String clean(String message) {
    if (message == null) {
      return "";
    }
    String m = WAS_EXPECTING.matcher(message).replaceAll("");
    StringBuilder out = new StringBuilder();
    boolean listing = false;
    boolean afterColon = false;
    for (String raw : m.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(listing && !afterColon ? ", " : " ");
      }
      out.append(line);
      afterColon = line.endsWith(":");
      if (afterColon) {
        listing = true;
      } else if (line.endsWith(".")) {
        listing = false;
      }
    }
    String s = out.toString();
    String stripped;
    do {
      stripped = s;
      s = NOISE_PREFIX.matcher(s).replaceFirst("").strip();
    } while (!s.equals(stripped));
    return ENCOUNTERED.matcher(s).replaceFirst("SQL syntax error at \"$1\".");
  }
}
