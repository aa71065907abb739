package dev.streamwright.monitor.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.plugin.api.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link RuleSet} as JSON and reads it back, with the values as users write them:
 *
 * <pre>{@code
 * {"version": 1, "rules": [
 *   {"id": "consumer-lag", "description": "...", "metric": "consumer_lag_records",
 *    "scope": {"kind": "group", "deployment": "fraud-1", "instance": "fraud-scorer"},
 *    "condition": "> 1000", "for": "5m", "severity": "warning", "dedup": "1h",
 *    "channels": ["in-app"], "enabled": true}]}
 * }</pre>
 *
 * <p>Only {@code id}, {@code metric} and {@code condition} are required: the scope defaults to
 * every instance of the metric's scope, {@code for} to 0, the severity to warning, {@code dedup} to
 * 1 h, channels to none, {@code enabled} to true. Durations are a number and a unit ({@code 250ms},
 * {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d}). A file that does not read fails with a message
 * naming the rule, the property and what to write instead.
 */
public final class RuleSetJson {

  /** The format version written; reading accepts it only. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> RULE_FIELDS =
      Set.of(
          "id",
          "description",
          "metric",
          "scope",
          "condition",
          "for",
          "severity",
          "dedup",
          "channels",
          "enabled");
  private static final Set<String> SCOPE_FIELDS = Set.of("kind", "deployment", "instance");

  private RuleSetJson() {}

  /** The rule set as indented JSON. */
  public static String write(RuleSet set) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    ArrayNode rules = root.putArray("rules");
    for (Rule r : set.rules()) {
      ObjectNode n = rules.addObject();
      n.put("id", r.id());
      if (!r.description().isEmpty()) {
        n.put("description", r.description());
      }
      n.put("metric", r.metric().id());
      ObjectNode scope = n.putObject("scope");
      scope.put("kind", r.scope().kind().id());
      r.scope().deployment().ifPresent(d -> scope.put("deployment", d));
      r.scope().instance().ifPresent(i -> scope.put("instance", i));
      n.put("condition", r.condition().toString());
      n.put("for", formatDuration(r.forDuration()));
      n.put("severity", r.severity().id());
      n.put("dedup", formatDuration(r.dedupWindow()));
      ArrayNode channels = n.putArray("channels");
      r.channels().forEach(channels::add);
      n.put("enabled", r.enabled());
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings did not write as JSON", e);
    }
  }

  /**
   * Reads a rule set written by {@link #write} (or by hand).
   *
   * @throws IllegalArgumentException saying which rule and property is wrong and what to write
   */
  public static RuleSet read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the alert rules are not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "the alert rules must be a JSON object with \"version\" and \"rules\"");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != VERSION) {
      throw new IllegalArgumentException(
          "the alert rules' \"version\" is "
              + version
              + "; this Streamwright reads version "
              + VERSION);
    }
    JsonNode rules = root.get("rules");
    if (rules == null || !rules.isArray()) {
      throw new IllegalArgumentException("the alert rules need a \"rules\" array");
    }
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      out.add(readRule(rules.get(i), i + 1));
    }
    return new RuleSet(out);
  }

  private static Rule readRule(JsonNode n, int number) {
    String where = "rule " + number;
    if (!n.isObject()) {
      throw new IllegalArgumentException(where + " is not a JSON object");
    }
    JsonNode idNode = n.get("id");
    if (idNode != null && idNode.isTextual()) {
      where += " ('" + idNode.textValue() + "')";
    }
    unknown(n, RULE_FIELDS, where);
    try {
      String id = text(n, "id").orElseThrow(() -> missing("id"));
      Metric metric = Metric.parse(text(n, "metric").orElseThrow(() -> missing("metric")));
      Condition condition =
          Condition.parse(text(n, "condition").orElseThrow(() -> missing("condition")));
      Scope scope = scope(n.get("scope"), metric);
      Duration forDuration = text(n, "for").map(d -> duration(d, "for")).orElse(Duration.ZERO);
      Severity severity = text(n, "severity").map(Severity::parse).orElse(Severity.WARNING);
      Duration dedup = text(n, "dedup").map(d -> duration(d, "dedup")).orElse(Rule.DEFAULT_DEDUP);
      List<String> channels = new ArrayList<>();
      JsonNode cs = n.get("channels");
      if (cs != null && !cs.isNull()) {
        if (!cs.isArray()) {
          throw new IllegalArgumentException("\"channels\" must be a list of names");
        }
        for (JsonNode c : cs) {
          if (!c.isTextual()) {
            throw new IllegalArgumentException("\"channels\" must hold names in quotes, not " + c);
          }
          channels.add(c.textValue());
        }
      }
      JsonNode enabled = n.get("enabled");
      if (enabled != null && !enabled.isBoolean()) {
        throw new IllegalArgumentException("\"enabled\" must be true or false, not " + enabled);
      }
      String description = text(n, "description").orElse("");
      return new Rule(
          id,
          description,
          metric,
          scope,
          condition,
          forDuration,
          severity,
          dedup,
          channels,
          enabled == null || enabled.booleanValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static Scope scope(JsonNode n, Metric metric) {
    if (n == null || n.isNull()) {
      return Scope.every(metric.scope());
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException(
          "\"scope\" must be an object such as {\"kind\": \"" + metric.scope().id() + "\"}");
    }
    unknown(n, SCOPE_FIELDS, "the scope");
    ScopeKind kind = text(n, "kind").map(ScopeKind::parse).orElse(metric.scope());
    return new Scope(kind, text(n, "deployment"), text(n, "instance"));
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be text in quotes, not " + v);
    }
    return Optional.of(v.textValue());
  }

  private static void unknown(JsonNode n, Set<String> known, String where) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new IllegalArgumentException(
            where
                + ": unknown property \""
                + f
                + "\"; known are "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static IllegalArgumentException missing(String field) {
    return new IllegalArgumentException("\"" + field + "\" is missing");
  }

  private static Duration duration(String text, String field) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + field + "\": " + e.getMessage(), e);
    }
  }

  /** A duration in the largest unit that holds it exactly, e.g. {@code 5m}, {@code 250ms}. */
  public static String formatDuration(Duration d) {
    long ms = d.toMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (ms != 0 && ms % units[i] == 0) {
        return ms / units[i] + names[i];
      }
    }
    return ms == 0 ? "0s" : ms + "ms";
  }
}
