package dev.streamwright.monitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetJsonTest {

  @Test
  void aRuleSetReadsBackEqual() {
    RuleSet set =
        DefaultRules.ruleSet(2500.5)
            .with(
                Rule.of("bp-score", Metric.BACKPRESSURE_RATIO, "> 0.5")
                    .withScope(Scope.only(ScopeKind.NODE, "score").inDeployment("fraud-1"))
                    .withFor(Duration.ofMillis(1500))
                    .withSeverity(Severity.CRITICAL)
                    .withDedupWindow(Duration.ofMinutes(90))
                    .withChannels(List.of("in-app", "ops-webhook"))
                    .withEnabled(false));

    String json = RuleSetJson.write(set);

    assertThat(RuleSetJson.read(json)).isEqualTo(set);
    assertThat(json)
        .contains("\"metric\" : \"backpressure_ratio\"")
        .contains("\"condition\" : \"> 0.5\"")
        .contains("\"for\" : \"1500ms\"")
        .contains("\"dedup\" : \"90m\"")
        .contains("\"instance\" : \"score\"");
  }

  @Test
  void onlyIdMetricAndConditionAreRequired() {
    RuleSet set =
        RuleSetJson.read(
            "{\"version\": 1, \"rules\": [{\"id\": \"lag\", \"metric\": \"CONSUMER_LAG_RECORDS\","
                + " \"condition\": \"> 1000\"}]}");
    assertThat(set).isEqualTo(RuleSet.of(Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000")));
    Rule r = set.rules().get(0);
    assertThat(r.scope()).isEqualTo(Scope.every(ScopeKind.GROUP));
    assertThat(r.dedupWindow()).isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"rules\": []}" + " | \"version\" is null; this Streamwright reads version 1",
        "{\"version\": 1}" + " | need a \"rules\" array",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"lagg\", \"condition\": \"> 1\"}]}"
            + " | rule 1 ('a'): 'lagg' is not a metric; write one of consumer_lag_records,",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\"}]}"
            + " | rule 1 ('a'): \"condition\" is missing",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\", \"condition\": \"1\"}]}"
            + " | rule 1 ('a'): condition '1' does not start with a comparison",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\", \"condition\": \"> 0\","
            + " \"for\": \"5\"}]}"
            + " | rule 1 ('a'): \"for\": '5' is not a duration; write a number and a unit",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\", \"condition\": \"> 0\","
            + " \"severity\": \"major\"}]}"
            + " | rule 1 ('a'): 'major' is not a severity; write info, warning or critical",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\", \"condition\": \"> 0\","
            + " \"scope\": {\"kind\": \"node\"}}]}"
            + " | rule 1 ('a'): rule 'a': restarts is measured per pipeline, so the scope must be"
            + " pipeline, not node",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\", \"condition\": \"> 0\","
            + " \"threshold\": 3}]}"
            + " | rule 1 ('a'): unknown property \"threshold\"; known are channels, condition,",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\", \"condition\": \"> 0\","
            + " \"channels\": \"in-app\"}]}"
            + " | rule 1 ('a'): \"channels\" must be a list of names",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\", \"condition\": \"> 0\"},"
            + " {\"id\": \"a\", \"metric\": \"restarts\", \"condition\": \"> 1\"}]}"
            + " | rule id 'a' is used twice",
        "{\"version\": 1, \"rules\": [{\"metric\": \"restarts\", \"condition\": \"> 0\"}]}"
            + " | rule 1: \"id\" is missing",
        "{\"version\": 1, \"rules\": [{\"id\": \"a b\", \"metric\": \"restarts\", \"condition\": \"> 0\"}]}"
            + " | rule 1 ('a b'): rule id 'a b' is not valid",
        "{\"version\": 1, \"rules\": [{\"id\": \"a\", \"metric\": \"restarts\", \"condition\": 5}]}"
            + " | rule 1 ('a'): \"condition\" must be text in quotes, not 5",
        "{\"version\": 1, \"rules\": [ | the alert rules are not valid JSON"
      })
  void aBadFileSaysWhichRuleAndPropertyIsWrong(String json, String message) {
    assertThatThrownBy(() -> RuleSetJson.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message.strip());
  }
}
