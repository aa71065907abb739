package dev.streamwright.monitor.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link PriceProfile} as JSON and reads it back, for the workspace to keep edited
 * profiles:
 *
 * <pre>{@code
 * {"name": "Our cluster", "currency": "EUR", "cpuCoreHour": 0.03, "memoryGibHour": 0.004,
 *  "kafkaReadGb": 0, "kafkaWrittenGb": 0, "checkpointGbMonth": 0.02,
 *  "pricesTakenOn": "2026-12-07", "source": "our 2027 contract", "estimate": false}
 * }</pre>
 *
 * <p>Every field is required. Reading fails with every problem of the profile at once, each naming
 * its field, so an edited file can be fixed in one go.
 */
public final class PriceProfileJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> RATES =
      List.of("cpuCoreHour", "memoryGibHour", "kafkaReadGb", "kafkaWrittenGb", "checkpointGbMonth");
  private static final List<String> ORDER =
      List.of(
          "name",
          "currency",
          "cpuCoreHour",
          "memoryGibHour",
          "kafkaReadGb",
          "kafkaWrittenGb",
          "checkpointGbMonth",
          "pricesTakenOn",
          "source",
          "estimate");
  private static final Set<String> FIELDS = Set.copyOf(ORDER);

  private PriceProfileJson() {}

  /** The profile as indented JSON. */
  public static String write(PriceProfile p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", p.name());
    n.put("currency", p.currency());
    n.put("cpuCoreHour", p.cpuCoreHour());
    n.put("memoryGibHour", p.memoryGibHour());
    n.put("kafkaReadGb", p.kafkaReadGb());
    n.put("kafkaWrittenGb", p.kafkaWrittenGb());
    n.put("checkpointGbMonth", p.checkpointGbMonth());
    n.put("pricesTakenOn", p.pricesTakenOn() == null ? null : p.pricesTakenOn().toString());
    n.put("source", p.source());
    n.put("estimate", p.estimate());
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values did not write as JSON", e);
    }
  }

  /**
   * Reads a profile written by {@link #write} (or by hand) and checks it.
   *
   * @throws IllegalArgumentException listing every field that is missing, unknown or wrong
   */
  public static PriceProfile read(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the price profile is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(
          "a price profile must be a JSON object with the fields " + String.join(", ", ORDER));
    }
    List<String> problems = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        problems.add("\"" + f + "\" is not a field; write one of " + String.join(", ", ORDER));
      }
    }
    String name = text(n, "name", problems);
    String currency = text(n, "currency", problems);
    double[] rates = new double[RATES.size()];
    for (int i = 0; i < rates.length; i++) {
      rates[i] = number(n, RATES.get(i), problems);
    }
    LocalDate day = null;
    String dayText = text(n, "pricesTakenOn", problems);
    if (!dayText.isEmpty()) {
      try {
        day = LocalDate.parse(dayText);
      } catch (DateTimeParseException e) {
        problems.add("pricesTakenOn must be a day written 2026-12-07, not '" + dayText + "'");
      }
    }
    String source = text(n, "source", problems);
    JsonNode estimate = n.get("estimate");
    if (estimate == null || !estimate.isBoolean()) {
      problems.add("estimate must be true or false, not " + estimate);
    }
    PriceProfile p =
        new PriceProfile(
            name,
            currency,
            rates[0],
            rates[1],
            rates[2],
            rates[3],
            rates[4],
            day,
            source,
            estimate != null && estimate.booleanValue());
    for (String problem : p.problems()) {
      if (problems.stream().noneMatch(q -> q.startsWith(firstWord(problem)))) {
        problems.add(problem);
      }
    }
    if (!problems.isEmpty()) {
      String label = name.isEmpty() ? "the price profile" : "price profile '" + name + "'";
      throw new IllegalArgumentException(label + ": " + String.join("; ", problems));
    }
    return p;
  }

  private static String text(JsonNode n, String field, List<String> problems) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      problems.add(field + " is missing");
      return "";
    }
    if (!v.isTextual()) {
      problems.add(field + " must be text in quotes, not " + v);
      return "";
    }
    return v.textValue();
  }

  private static double number(JsonNode n, String field, List<String> problems) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      problems.add(field + " is missing");
      return 0;
    }
    if (!v.isNumber()) {
      problems.add(field + " must be a number without quotes, not " + v);
      return 0;
    }
    return v.doubleValue();
  }

  private static String firstWord(String problem) {
    int space = problem.indexOf(' ');
    return space < 0 ? problem : problem.substring(0, space + 1);
  }
}
