package dev.streamwright.app.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts as the workspace history tells them: one row per alert (a rule on one series), in the
 * state its last event left it, for {@code streamwright alerts} and {@code alerts ack}. Built from
 * the alert JSON documents the history keeps; a document that does not read is skipped.
 */
public final class AlertLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SEVERITIES = List.of("info", "warning", "critical");

  /** An alert's state after its last event. */
  public enum State {
    /** It fired (or was reminded) and has not resolved. */
    FIRING,
    /** It is firing and someone acknowledged it. */
    ACKNOWLEDGED,
    /** It resolved. */
    RESOLVED
  }

  /**
   * One alert.
   *
   * @param id 8 hex digits naming the alert (its rule and series), for {@code alerts ack}
   * @param state its state after its last event
   * @param severity its rule's severity
   * @param rule its rule's id
   * @param metric the metric
   * @param deployment the deployment id
   * @param instance the scope instance (node, group, {@code node/column}); empty for a pipeline
   * @param value the last value seen; null when none
   * @param unit the metric's unit
   * @param since when it last began firing
   * @param last when its last event happened
   * @param summary its last event in words
   * @param lastDocument its last event's alert JSON document
   */
  public record Row(
      String id,
      State state,
      String severity,
      String rule,
      String metric,
      String deployment,
      String instance,
      Double value,
      String unit,
      Instant since,
      Instant last,
      String summary,
      ObjectNode lastDocument) {

    /** Whether it is firing, acknowledged or not. */
    public boolean firing() {
      return state != State.RESOLVED;
    }
  }

  private final List<Row> rows;

  private AlertLog(List<Row> rows) {
    this.rows = rows;
  }

  /** The alerts told by these documents (oldest first). */
  public static AlertLog of(List<String> documents) {
    Map<String, Row> byId = new LinkedHashMap<>();
    for (String text : documents) {
      ObjectNode d;
      try {
        JsonNode n = JSON.readTree(text);
        if (!(n instanceof ObjectNode o) || !o.path("rule").isObject()) {
          continue;
        }
        d = o;
      } catch (JsonProcessingException e) {
        continue;
      }
      String rule = d.path("rule").path("id").asText();
      String metric = d.path("metric").asText();
      String deployment = d.path("deployment").asText();
      String instance = d.path("scope").path("instance").asText();
      String kind = d.path("kind").asText();
      Instant at;
      try {
        at = Instant.parse(d.path("at").asText());
      } catch (RuntimeException e) {
        continue;
      }
      String id = id(rule, metric, deployment, instance);
      Row before = byId.get(id);
      boolean newEpisode = before == null || before.state() == State.RESOLVED;
      State state =
          switch (kind) {
            case "resolved" -> State.RESOLVED;
            case "acknowledged" -> State.ACKNOWLEDGED;
            default ->
                !newEpisode && before.state() == State.ACKNOWLEDGED
                    ? State.ACKNOWLEDGED
                    : State.FIRING;
          };
      if (newEpisode && state != State.FIRING) {
        if (before == null) {
          continue; // a resolution or acknowledgement whose firing the history no longer holds
        }
        state = before.state();
      }
      Instant since = newEpisode ? at : before.since();
      JsonNode v = d.get("value");
      byId.remove(id);
      byId.put(
          id,
          new Row(
              id,
              state,
              d.path("rule").path("severity").asText(),
              rule,
              metric,
              deployment,
              instance,
              v == null || !v.isNumber() ? null : v.doubleValue(),
              d.path("unit").asText(),
              since,
              at,
              d.path("summary").asText(),
              d));
    }
    List<Row> out = new ArrayList<>(byId.values());
    out.sort(AlertLog::order);
    return new AlertLog(List.copyOf(out));
  }

  private static int order(Row a, Row b) {
    if (a.firing() != b.firing()) {
      return a.firing() ? -1 : 1;
    }
    if (!a.firing()) {
      return b.last().compareTo(a.last());
    }
    int severity =
        Integer.compare(SEVERITIES.indexOf(b.severity()), SEVERITIES.indexOf(a.severity()));
    return severity != 0 ? severity : a.since().compareTo(b.since());
  }

  /** The id of an alert: 8 hex digits of the SHA-256 of its rule and series. */
  public static String id(String rule, String metric, String deployment, String instance) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (rule + '\0' + metric + '\0' + deployment + '\0' + instance)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Firing alerts first (most severe, then longest firing), then resolved ones, newest first. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * The alert with this id or unique id prefix.
   *
   * @throws IllegalArgumentException when the prefix names more than one alert
   */
  public Optional<Row> find(String idOrPrefix) {
    List<Row> hits = rows.stream().filter(r -> r.id().startsWith(idOrPrefix)).toList();
    if (hits.size() > 1) {
      throw new IllegalArgumentException(
          "'"
              + idOrPrefix
              + "' names "
              + hits.size()
              + " alerts ("
              + String.join(", ", hits.stream().map(Row::id).toList())
              + "); give more of the id");
    }
    return hits.stream().findFirst();
  }

  /** The document recording that someone acknowledged a firing alert at {@code at}. */
  public static String acknowledgement(Row row, Instant at) {
    ObjectNode d = row.lastDocument().deepCopy();
    d.put("kind", "acknowledged");
    d.put("at", at.toString());
    d.put("notifies", false);
    String summary = row.summary();
    int verb = summary.indexOf(' ' + row.rule() + ' ');
    int colon = summary.indexOf(": ");
    if (verb >= 0 && colon > verb) {
      summary =
          summary.substring(0, verb + row.rule().length() + 2)
              + "acknowledged"
              + summary.substring(colon);
    }
    d.put("summary", summary);
    return d.toString();
  }
}
