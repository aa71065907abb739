package dev.streamwright.monitor.alerts.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.monitor.alerts.AlertEvent;
import dev.streamwright.monitor.alerts.Rule;
import dev.streamwright.monitor.alerts.RuleSetJson;
import java.util.Locale;

/**
 * The alert JSON document, version 1: what the webhook posts, what a command reads on its standard
 * input and what the workspace keeps per event in its alert history.
 *
 * <pre>{@code
 * {"version": 1, "kind": "fired", "at": "2026-12-07T23:10:00Z", "notifies": true,
 *  "rule": {"id": "consumer-lag", "description": "...", "severity": "warning",
 *           "condition": "> 1000", "for": "5m", "dedup": "1h"},
 *  "metric": "consumer_lag_records", "unit": "records",
 *  "deployment": "fraud-1", "scope": {"kind": "group", "instance": "fraud-scorer"},
 *  "value": 1500.0,
 *  "summary": "[warning] consumer-lag fired: consumer_lag_records of group 'fraud-scorer' ..."}
 * }</pre>
 *
 * <p>{@code kind} is {@code fired}, {@code reminded}, {@code acknowledged} or {@code resolved};
 * {@code at} is ISO-8601 UTC; {@code value} is null when no value was seen; {@code instance} is
 * empty for a pipeline-wide metric, else the node id, the consumer group or {@code nodeId/column};
 * {@code summary} is the event in words. Receivers should ignore properties they do not know: later
 * versions may add some.
 */
public final class AlertDocument {

  /** The document's version. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertDocument() {}

  /** The event as a JSON object tree. */
  public static ObjectNode tree(AlertEvent e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("version", VERSION);
    n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
    n.put("at", e.at().toString());
    n.put("notifies", e.notifies());
    Rule r = e.rule();
    ObjectNode rule = n.putObject("rule");
    rule.put("id", r.id());
    rule.put("description", r.description());
    rule.put("severity", r.severity().id());
    rule.put("condition", r.condition().toString());
    rule.put("for", RuleSetJson.formatDuration(r.forDuration()));
    rule.put("dedup", RuleSetJson.formatDuration(r.dedupWindow()));
    n.put("metric", r.metric().id());
    n.put("unit", r.metric().unit());
    n.put("deployment", e.series().deployment());
    ObjectNode scope = n.putObject("scope");
    scope.put("kind", r.metric().scope().id());
    scope.put("instance", e.series().instance());
    if (Double.isFinite(e.value())) {
      n.put("value", e.value());
    } else {
      n.putNull("value");
    }
    n.put("summary", e.describe());
    return n;
  }

  /** The event as one line of JSON. */
  public static String json(AlertEvent e) {
    try {
      return MAPPER.writeValueAsString(tree(e));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("a tree of strings and numbers did not write as JSON", ex);
    }
  }
}
