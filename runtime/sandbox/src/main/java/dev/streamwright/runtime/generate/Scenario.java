package dev.streamwright.runtime.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamwright.runtime.codec.JsonDocument;
import dev.streamwright.runtime.codec.JsonSyntaxException;
import dev.streamwright.runtime.codec.StrictJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario script: timed steps that a generator injects into its steady traffic.
 *
 * <pre>{@code
 * {"steps":[
 *   {"at":"3min","kind":"burst","users":20,"duration":"1min","factor":10},
 *   {"at":"6min","kind":"shift","column":"amount","factor":1.4},
 *   {"at":"4min","kind":"shift","column":"sentiment_score","offset":-0.5},
 *   {"at":"2min","kind":"ramp","column":"vibration","keys":1,"perMinute":0.4},
 *   {"at":"2min","kind":"late","fraction":0.02,"maxDelay":"20s"},
 *   {"at":"1min","kind":"malformed","count":5}]}
 * }</pre>
 *
 * <p>Steps whose {@code at} is at or after the end of the run have no effect.
 */
public record Scenario(List<Step> steps) {

  public static final Scenario EMPTY = new Scenario(List.of());

  /** The step kinds, as error messages list them. */
  private static final String KINDS = "burst, shift, ramp, late or malformed";

  public Scenario {
    steps = List.copyOf(steps);
  }

  /** One timed step; {@link #at()} is scenario time from the start of the run. */
  public sealed interface Step permits Burst, Shift, Ramp, Late, Malformed {
    Duration at();

    String kind();
  }

  /**
   * During {@code [at, at + duration)}, {@code users} keys (chosen from the seed, or {@code
   * userIds} when given) send {@code factor} times their normal rate, with high values.
   */
  public record Burst(
      Duration at, int users, Duration duration, double factor, List<String> userIds)
      implements Step {
    public Burst {
      userIds = List.copyOf(userIds);
    }

    @Override
    public String kind() {
      return "burst";
    }
  }

  /**
   * From {@code at} on, values of {@code column} are multiplied by {@code factor}, then {@code
   * offset} is added: a change of distribution for every key, e.g. an outage that doubles call
   * durations ({@code factor} 2) and lowers sentiment ({@code offset} -0.5).
   */
  public record Shift(Duration at, String column, double factor, double offset) implements Step {

    /** A purely multiplicative shift. */
    public Shift(Duration at, String column, double factor) {
      this(at, column, factor, 0);
    }

    @Override
    public String kind() {
      return "shift";
    }
  }

  /**
   * From {@code at} on, {@code keys} keys (chosen from the seed, or {@code keyIds} when given) get
   * {@code perMinute} times the minutes since {@code at} added to {@code column}: a slow drift of a
   * few keys, e.g. one vehicle whose vibration climbs steadily.
   */
  public record Ramp(Duration at, String column, int keys, double perMinute, List<String> keyIds)
      implements Step {
    public Ramp {
      keyIds = List.copyOf(keyIds);
    }

    @Override
    public String kind() {
      return "ramp";
    }
  }

  /**
   * During {@code [at, at + duration)} (to the end of the run when no duration), each record is,
   * with probability {@code fraction}, emitted up to {@code maxDelay} after its event time.
   */
  public record Late(Duration at, double fraction, Duration maxDelay, Optional<Duration> duration)
      implements Step {
    @Override
    public String kind() {
      return "late";
    }
  }

  /**
   * Exactly {@code count} malformed records, spread evenly over {@code [at, at + duration)}
   * (default 10 s), in addition to the steady traffic.
   */
  public record Malformed(Duration at, int count, Duration duration) implements Step {
    @Override
    public String kind() {
      return "malformed";
    }
  }

  /**
   * Reads a scenario script.
   *
   * @throws ScenarioException when the text is not JSON or a step is wrong, with the line and
   *     column, the step and what to change
   */
  public static Scenario parse(String json) {
    JsonDocument doc;
    try {
      doc = StrictJson.parse(json == null ? "" : json);
    } catch (JsonSyntaxException e) {
      throw new ScenarioException(e.getMessage(), e);
    }
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw new ScenarioException(
          doc.valueAt("").prefix()
              + "a scenario is a JSON object with a \"steps\" array, not "
              + JsonDocument.describe(root));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("steps")) {
        throw new ScenarioException(
            doc.nameAt(f).prefix()
                + "a scenario has one field, \"steps\"; remove the unknown field \""
                + f
                + "\"");
      }
    }
    JsonNode steps = root.get("steps");
    if (steps == null || !steps.isArray()) {
      throw new ScenarioException(
          doc.valueAt(steps == null ? "" : "steps").prefix()
              + "a scenario must have a \"steps\" array"
              + (steps == null ? "" : ", not " + JsonDocument.describe(steps)));
    }
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      out.add(parseStep(i + 1, steps.get(i), doc, JsonDocument.item("steps", i)));
    }
    return new Scenario(out);
  }

  private static Step parseStep(int index, JsonNode node, JsonDocument doc, String path) {
    if (!node.isObject()) {
      throw new ScenarioException(
          doc.valueAt(path).prefix()
              + "step "
              + index
              + ": must be a JSON object, not "
              + JsonDocument.describe(node));
    }
    JsonNode kindNode = node.get("kind");
    if (kindNode == null || !kindNode.isTextual()) {
      throw new ScenarioException(
          doc.valueAt(path).prefix()
              + "step "
              + index
              + ": missing \"kind\" (expected "
              + KINDS
              + ")");
    }
    String kind = kindNode.asText();
    StepReader r = new StepReader(index, kind, node, doc, path);
    Step step =
        switch (kind) {
          case "burst" -> {
            r.allow("at", "kind", "users", "duration", "factor", "userIds");
            List<String> ids = r.strings("userIds");
            int users = r.has("users") ? r.positiveInt("users") : ids.size();
            if (users <= 0) {
              throw r.error("\"users\" is required (a positive number of users)");
            }
            if (!ids.isEmpty() && ids.size() != users) {
              throw r.error("\"users\" is " + users + " but \"userIds\" lists " + ids.size());
            }
            double factor = r.number("factor");
            if (!(factor > 1)) {
              throw r.error("\"factor\" must be greater than 1, got " + factor);
            }
            yield new Burst(r.duration("at"), users, r.positiveDuration("duration"), factor, ids);
          }
          case "shift" -> {
            r.allow("at", "kind", "column", "factor", "offset");
            if (!r.has("factor") && !r.has("offset")) {
              throw r.error(
                  "give \"factor\" (multiplies the column, e.g. 2 to double it) and/or"
                      + " \"offset\" (added after the factor, e.g. -0.5)");
            }
            double factor = r.has("factor") ? r.number("factor") : 1;
            if (!(factor > 0)) {
              throw r.error("\"factor\" must be positive, got " + factor);
            }
            double offset = r.has("offset") ? r.number("offset") : 0;
            yield new Shift(r.duration("at"), r.text("column"), factor, offset);
          }
          case "ramp" -> {
            r.allow("at", "kind", "column", "keys", "perMinute", "keyIds");
            List<String> ids = r.strings("keyIds");
            int keys = r.has("keys") ? r.positiveInt("keys") : ids.size();
            if (keys <= 0) {
              throw r.error(
                  "\"keys\" is required (how many keys ramp, e.g. 1), or list them in \"keyIds\"");
            }
            if (!ids.isEmpty() && ids.size() != keys) {
              throw r.error("\"keys\" is " + keys + " but \"keyIds\" lists " + ids.size());
            }
            double perMinute = r.number("perMinute");
            if (perMinute == 0 || !Double.isFinite(perMinute)) {
              throw r.error(
                  "\"perMinute\" must be a non-zero number (added per minute since \"at\"), got "
                      + perMinute);
            }
            yield new Ramp(r.duration("at"), r.text("column"), keys, perMinute, ids);
          }
          case "late" -> {
            r.allow("at", "kind", "fraction", "maxDelay", "duration");
            double fraction = r.number("fraction");
            if (!(fraction > 0 && fraction <= 1)) {
              throw r.error("\"fraction\" must be in (0, 1], got " + fraction);
            }
            Optional<Duration> window =
                r.has("duration") ? Optional.of(r.positiveDuration("duration")) : Optional.empty();
            yield new Late(r.duration("at"), fraction, r.positiveDuration("maxDelay"), window);
          }
          case "malformed" -> {
            r.allow("at", "kind", "count", "duration");
            Duration window =
                r.has("duration") ? r.positiveDuration("duration") : Duration.ofSeconds(10);
            yield new Malformed(r.duration("at"), r.positiveInt("count"), window);
          }
          default ->
              throw new ScenarioException(
                  doc.valueAt(JsonDocument.field(path, "kind")).prefix()
                      + "step "
                      + index
                      + ": unknown kind \""
                      + kind
                      + "\" (expected "
                      + KINDS
                      + ")");
        };
    return step;
  }

  /** Field access that reports errors as {@code line L, column C: step N (kind): ...}. */
  private record StepReader(int index, String kind, JsonNode node, JsonDocument doc, String path) {

    ScenarioException error(String what) {
      return error(null, what);
    }

    /** An error placed at the field's value, or at the step when the field is absent. */
    ScenarioException error(String field, String what) {
      boolean present = field != null && node.has(field);
      JsonDocument.Place place = doc.valueAt(present ? JsonDocument.field(path, field) : path);
      return new ScenarioException(place.prefix() + "step " + index + " (" + kind + "): " + what);
    }

    boolean has(String field) {
      return node.hasNonNull(field);
    }

    void allow(String... fields) {
      Set<String> allowed = Set.of(fields);
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) {
          throw new ScenarioException(
              doc.nameAt(JsonDocument.field(path, f)).prefix()
                  + "step "
                  + index
                  + " ("
                  + kind
                  + "): unknown field \""
                  + f
                  + "\" (allowed: "
                  + String.join(", ", fields)
                  + ")");
        }
      }
    }

    JsonNode required(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        throw error(field, "missing \"" + field + "\"");
      }
      return v;
    }

    String text(String field) {
      JsonNode v = required(field);
      if (!v.isTextual() || v.asText().isBlank()) {
        throw error(field, "\"" + field + "\" must be a non-empty string, not " + describe(v));
      }
      return v.asText();
    }

    double number(String field) {
      JsonNode v = required(field);
      if (!v.isNumber()) {
        throw error(field, "\"" + field + "\" must be a number, not " + describe(v));
      }
      return v.asDouble();
    }

    int positiveInt(String field) {
      JsonNode v = required(field);
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() <= 0) {
        throw error(
            field,
            "\""
                + field
                + "\" must be a positive whole number up to "
                + Integer.MAX_VALUE
                + ", not "
                + describe(v));
      }
      return v.asInt();
    }

    Duration duration(String field) {
      JsonNode v = required(field);
      if (!v.isTextual()) {
        throw error(
            field, "\"" + field + "\" must be a duration such as \"20s\", not " + describe(v));
      }
      try {
        return Durations.parse(v.asText());
      } catch (IllegalArgumentException e) {
        throw error(field, "\"" + field + "\": " + e.getMessage());
      }
    }

    Duration positiveDuration(String field) {
      Duration d = duration(field);
      if (d.isZero()) {
        throw error(field, "\"" + field + "\" must be longer than zero");
      }
      return d;
    }

    List<String> strings(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        throw error(field, "\"" + field + "\" must be a list of text, not " + describe(v));
      }
      List<String> out = new ArrayList<>();
      for (JsonNode e : v) {
        if (!e.isTextual()) {
          throw error(
              field, "\"" + field + "\" must be a list of text, not one holding " + describe(e));
        }
        out.add(e.asText());
      }
      return out;
    }

    private static String describe(JsonNode v) {
      return JsonDocument.describe(v);
    }
  }
}
