package dev.streamwright.runtime.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void parsesTheFourKinds() {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"3min\",\"kind\":\"burst\",\"users\":20,\"duration\":\"1min\","
                + "\"factor\":10}, {\"at\":\"6min\",\"kind\":\"shift\",\"column\":\"amount\","
                + "\"factor\":1.4}, {\"at\":\"2min\",\"kind\":\"late\",\"fraction\":0.02,"
                + "\"maxDelay\":\"20s\"}, {\"at\":\"1min\",\"kind\":\"malformed\",\"count\":5}]}");
    assertThat(s.steps())
        .containsExactly(
            new Scenario.Burst(Duration.ofMinutes(3), 20, Duration.ofMinutes(1), 10, List.of()),
            new Scenario.Shift(Duration.ofMinutes(6), "amount", 1.4),
            new Scenario.Late(
                Duration.ofMinutes(2), 0.02, Duration.ofSeconds(20), Optional.empty()),
            new Scenario.Malformed(Duration.ofMinutes(1), 5, Duration.ofSeconds(10)));
  }

  @Test
  void parsesRampsAndShiftsWithAnOffset() {
    Scenario s =
        Scenario.parse(
            "{\"steps\":[{\"at\":\"2min\",\"kind\":\"ramp\",\"column\":\"vibration\","
                + "\"keys\":1,\"perMinute\":0.4},"
                + "{\"at\":\"1min\",\"kind\":\"ramp\",\"column\":\"speed\","
                + "\"keyIds\":[\"veh-001\",\"veh-002\"],\"perMinute\":-1.5},"
                + "{\"at\":\"4min\",\"kind\":\"shift\",\"column\":\"sentiment_score\","
                + "\"offset\":-0.5},"
                + "{\"at\":\"4min\",\"kind\":\"shift\",\"column\":\"duration_sec\","
                + "\"factor\":2,\"offset\":30}]}");
    assertThat(s.steps())
        .containsExactly(
            new Scenario.Ramp(Duration.ofMinutes(2), "vibration", 1, 0.4, List.of()),
            new Scenario.Ramp(
                Duration.ofMinutes(1), "speed", 2, -1.5, List.of("veh-001", "veh-002")),
            new Scenario.Shift(Duration.ofMinutes(4), "sentiment_score", 1, -0.5),
            new Scenario.Shift(Duration.ofMinutes(4), "duration_sec", 2, 30));
    // A shift written before offsets existed reads as before.
    assertThat(new Scenario.Shift(Duration.ofMinutes(6), "amount", 1.4).offset()).isZero();
  }

  @Test
  void rampAndShiftErrorsSayWhatToWrite() {
    fails(
        "{\"at\":\"4min\",\"kind\":\"shift\",\"column\":\"duration_sec\"}",
        "step 1 (shift)",
        "give \"factor\"",
        "\"offset\"");
    fails(
        "{\"at\":\"4min\",\"kind\":\"shift\",\"column\":\"duration_sec\",\"offset\":\"-0.5\"}",
        "step 1 (shift)",
        "\"offset\" must be a number");
    fails(
        "{\"at\":\"2min\",\"kind\":\"ramp\",\"column\":\"vibration\",\"perMinute\":0.4}",
        "step 1 (ramp)",
        "\"keys\" is required",
        "\"keyIds\"");
    fails(
        "{\"at\":\"2min\",\"kind\":\"ramp\",\"column\":\"vibration\",\"keys\":1}",
        "step 1 (ramp)",
        "missing \"perMinute\"");
    fails(
        "{\"at\":\"2min\",\"kind\":\"ramp\",\"column\":\"vibration\",\"keys\":1,"
            + "\"perMinute\":0}",
        "\"perMinute\" must be a non-zero number");
    fails(
        "{\"at\":\"2min\",\"kind\":\"ramp\",\"column\":\"vibration\",\"keys\":2,"
            + "\"keyIds\":[\"veh-001\"],\"perMinute\":0.4}",
        "\"keys\" is 2 but \"keyIds\" lists 1");
    fails(
        "{\"at\":\"2min\",\"kind\":\"ramp\",\"keys\":1,\"perMinute\":0.4,\"rate\":1}",
        "step 1 (ramp)",
        "unknown field \"rate\"",
        "perMinute");
    fails(
        "{\"at\":\"2min\",\"kind\":\"ramp\",\"keys\":1,\"perMinute\":0.4}",
        "step 1 (ramp)",
        "missing \"column\"");
  }

  @Test
  void durations() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("20s")).isEqualTo(Duration.ofSeconds(20));
    assertThat(Durations.parse("1.5min")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.format(Duration.ofMinutes(3))).isEqualTo("3min");
    assertThatThrownBy(() -> Durations.parse("3 minutes")).hasMessageContaining("3 minutes");
  }

  private static void fails(String stepsJson, String... fragments) {
    assertThatThrownBy(() -> Scenario.parse("{\"steps\":[" + stepsJson + "]}"))
        .isInstanceOf(ScenarioException.class)
        .satisfies(
            e -> {
              for (String f : fragments) {
                assertThat(e.getMessage()).contains(f);
              }
            });
  }

  @Test
  void errorsNameTheStepAndWhatIsWrong() {
    fails(
        "{\"at\":\"1min\",\"kind\":\"malformed\",\"count\":5},"
            + "{\"at\":\"2min\",\"kind\":\"spike\"}",
        "step 2",
        "unknown kind \"spike\"",
        "burst, shift, ramp, late or malformed");
    fails(
        "{\"at\":\"3min\",\"kind\":\"burst\",\"users\":20,\"duration\":\"1 minute\",\"factor\":10}",
        "step 1 (burst)",
        "\"duration\"",
        "bad duration \"1 minute\"");
    fails(
        "{\"at\":\"soon\",\"kind\":\"shift\",\"column\":\"amount\",\"factor\":1.4}",
        "step 1 (shift)",
        "\"at\"",
        "soon");
    fails("{\"kind\":\"malformed\",\"count\":5}", "step 1 (malformed)", "missing \"at\"");
    fails("{\"at\":\"1min\",\"kind\":\"malformed\",\"count\":-2}", "\"count\"", "positive");
    fails(
        "{\"at\":\"1min\",\"kind\":\"late\",\"fraction\":2,\"maxDelay\":\"20s\"}",
        "step 1 (late)",
        "\"fraction\"");
    fails("{\"at\":\"1min\",\"kind\":\"late\",\"fraction\":0.1}", "missing \"maxDelay\"");
    fails(
        "{\"at\":\"1min\",\"kind\":\"shift\",\"column\":\"amount\",\"factr\":1.4}",
        "unknown field \"factr\"");
    fails("{\"at\":\"1min\"}", "step 1", "missing \"kind\"");
    assertThatThrownBy(() -> Scenario.parse("{\"steps\": ["))
        .hasMessage(
            "line 1, column 12: the file ends inside the \"steps\" list that opens at line 1,"
                + " column 11");
    assertThatThrownBy(() -> Scenario.parse("[]")).hasMessageContaining("\"steps\"");
  }
}
