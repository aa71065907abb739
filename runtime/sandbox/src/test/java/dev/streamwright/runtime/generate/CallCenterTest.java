package dev.streamwright.runtime.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallCenterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = GeneratorConfig.DEFAULT_START;

  private static CallCenter calls(long seed, double rate, Duration d, Scenario s) {
    return new CallCenter(GeneratorConfig.of(seed, rate, d, s));
  }

  private static List<Event> all(Generator g) {
    List<Event> out = new ArrayList<>();
    g.events().forEachRemaining(out::add);
    return out;
  }

  private static JsonNode json(Event e) {
    try {
      return JSON.readTree(e.value());
    } catch (Exception ex) {
      throw new AssertionError("not JSON: " + e.value(), ex);
    }
  }

  @Test
  void sameSeedSameEventsDifferentSeedDifferentEvents() {
    Scenario s = CallCenter.defaultScenario();
    List<Event> a = all(calls(42, 10, Duration.ofMinutes(8), s));
    assertThat(a).hasSize(4800).isEqualTo(all(calls(42, 10, Duration.ofMinutes(8), s)));
    CallCenter g = calls(42, 10, Duration.ofMinutes(8), s);
    assertThat(all(g)).isEqualTo(all(g));
    List<Event> c = all(calls(43, 10, Duration.ofMinutes(8), s));
    long different = 0;
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).value().equals(c.get(i).value())) {
        different++;
      }
    }
    assertThat(different).isEqualTo(a.size());
  }

  @Test
  void valuesHaveExactlyTheSampleColumnsAndTypes() {
    Set<String> customers = new HashSet<>();
    Set<String> agents = new HashSet<>();
    Set<String> callIds = new HashSet<>();
    Set<Boolean> resolved = new HashSet<>();
    for (Event e : all(calls(7, 20, Duration.ofMinutes(5), Scenario.EMPTY))) {
      JsonNode n = json(e);
      List<String> fields = new ArrayList<>();
      n.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactly(
              "call_id",
              "customer_id",
              "agent_id",
              "queue",
              "duration_sec",
              "sentiment_score",
              "resolved",
              "event_time");
      assertThat(callIds.add(n.get("call_id").asText())).isTrue();
      assertThat(n.get("customer_id").asText()).matches("cust-\\d{4}");
      String agent = n.get("agent_id").asText();
      assertThat(agent).matches("agent-\\d{2}");
      assertThat(e.key()).isEqualTo("{\"agent_id\":\"" + agent + "\"}");
      assertThat(CallCenter.QUEUES).contains(n.get("queue").asText());
      assertThat(n.get("duration_sec").isInt()).isTrue();
      assertThat(n.get("duration_sec").asInt()).isBetween(10, 7200);
      assertThat(n.get("sentiment_score").isNumber()).isTrue();
      assertThat(n.get("sentiment_score").asDouble()).isBetween(-1.0, 1.0);
      assertThat(n.get("resolved").isBoolean()).isTrue();
      String time = n.get("event_time").asText();
      assertThat(time).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
      assertThat(LocalDateTime.parse(time.replace(' ', 'T')).toInstant(ZoneOffset.UTC))
          .isEqualTo(e.eventTime());
      customers.add(n.get("customer_id").asText());
      agents.add(agent);
      resolved.add(n.get("resolved").asBoolean());
    }
    assertThat(agents).hasSize(CallCenter.AGENTS);
    assertThat(customers.size()).isGreaterThan(490);
    assertThat(resolved).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void durationsAreLogNormalAroundEachQueuesMedian() {
    Map<String, List<Double>> logs = new HashMap<>();
    Map<String, Set<String>> agentsOfQueue = new HashMap<>();
    long negative = 0;
    long total = 0;
    for (Event e : all(calls(42, 50, Duration.ofMinutes(10), Scenario.EMPTY))) {
      JsonNode n = json(e);
      String queue = n.get("queue").asText();
      logs.computeIfAbsent(queue, q -> new ArrayList<>())
          .add(Math.log(n.get("duration_sec").asInt()));
      agentsOfQueue.computeIfAbsent(queue, q -> new HashSet<>()).add(n.get("agent_id").asText());
      total++;
      if (n.get("sentiment_score").asDouble() < -0.3) {
        negative++;
      }
    }
    Map<String, Double> medianSec =
        Map.of("billing", 240.0, "technical", 420.0, "sales", 180.0, "cancellations", 300.0);
    for (String queue : CallCenter.QUEUES) {
      double[] x = logs.get(queue).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = Math.exp(x[x.length / 2]);
      double mean = Arrays.stream(x).average().orElseThrow();
      double sd =
          Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
      // Agents' pace (x0.8 to x1.25) widens and moves the queue's spread a little.
      assertThat(median)
          .as(queue)
          .isBetween(0.8 * medianSec.get(queue), 1.25 * medianSec.get(queue));
      assertThat(sd).as(queue).isBetween(0.45, 0.62);
      // Each agent works a single queue.
      agentsOfQueue.forEach(
          (q, agents) -> {
            if (!q.equals(queue)) {
              assertThat(agents).doesNotContainAnyElementsOf(agentsOfQueue.get(queue));
            }
          });
    }
    assertThat(agentsOfQueue.get("billing")).hasSize(14);
    assertThat(agentsOfQueue.get("cancellations")).hasSize(6);
    assertThat((double) negative / total).isBetween(0.08, 0.25);
  }

  @Test
  void outageShiftDoublesDurationsAndDropsSentiment() {
    Scenario s = CallCenter.defaultScenario();
    assertThat(s.steps())
        .containsExactly(
            new Scenario.Shift(Duration.ofMinutes(4), "duration_sec", 2, 0),
            new Scenario.Shift(Duration.ofMinutes(4), "sentiment_score", 1, -0.5));
    List<Event> plain = all(calls(42, 50, Duration.ofMinutes(8), Scenario.EMPTY));
    List<Event> outage = all(calls(42, 50, Duration.ofMinutes(8), s));
    assertThat(outage).hasSameSizeAs(plain);
    double[] sentiment = new double[4];
    long[] n = new long[2];
    long[] resolved = new long[2];
    for (int i = 0; i < plain.size(); i++) {
      JsonNode before = json(plain.get(i));
      JsonNode after = json(outage.get(i));
      assertThat(after.get("call_id")).isEqualTo(before.get("call_id"));
      int during = outage.get(i).eventTime().isBefore(T0.plusSeconds(240)) ? 0 : 1;
      int d0 = before.get("duration_sec").asInt();
      int d1 = after.get("duration_sec").asInt();
      if (during == 0) {
        assertThat(after).isEqualTo(before);
      } else if (d0 > 10 && d0 < 3600) {
        // Doubled before rounding to whole seconds.
        assertThat(d1).isBetween(2 * d0 - 1, 2 * d0 + 1);
      }
      sentiment[2 * during] += before.get("sentiment_score").asDouble();
      sentiment[2 * during + 1] += after.get("sentiment_score").asDouble();
      n[during]++;
      if (after.get("resolved").asBoolean()) {
        resolved[during]++;
      }
    }
    assertThat(sentiment[0]).isEqualTo(sentiment[1]);
    double drop = (sentiment[2] - sentiment[3]) / n[1];
    // -0.5 offset and the overrun term, less what clipping at -1 takes back.
    assertThat(drop).isBetween(0.45, 0.65);
    assertThat((double) resolved[1] / n[1]).isLessThan((double) resolved[0] / n[0] - 0.05);
  }

  @Test
  void shiftOfAColumnCallsDoNotHaveNamesTheStepAndTheColumns() {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"4min\",\"kind\":\"shift\",\"column\":\"duration\","
                + "\"factor\":2}]}");
    assertThatThrownBy(() -> calls(1, 10, Duration.ofMinutes(1), s))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("step 1 (shift)")
        .hasMessageContaining("\"duration\"")
        .hasMessageContaining("duration_sec, sentiment_score");
  }

  @Test
  void theSandboxFindsTheCallCenterGeneratorByItsTopic() {
    Generators.Entry entry = Generators.forTopic("call-center-events").orElseThrow();
    assertThat(entry.name()).isEqualTo(CallCenter.NAME);
    assertThat(entry.scenario()).isEqualTo(CallCenter.defaultScenario());
    assertThat(Generators.topics())
        .containsExactly("transactions", "vehicle-telemetry", "call-center-events");
  }
}
