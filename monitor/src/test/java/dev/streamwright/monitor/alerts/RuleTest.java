package dev.streamwright.monitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTest {

  private static final Rule LAG = Rule.of("lag", Metric.CONSUMER_LAG_RECORDS, "> 1000");

  @Test
  void defaultsAreEveryInstanceNoForWarningOneHourWindow() {
    assertThat(LAG.scope()).isEqualTo(Scope.every(ScopeKind.GROUP));
    assertThat(LAG.forDuration()).isZero();
    assertThat(LAG.severity()).isEqualTo(Severity.WARNING);
    assertThat(LAG.dedupWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(LAG.channels()).isEmpty();
    assertThat(LAG.enabled()).isTrue();
  }

  @Test
  void invalidRulesSayWhatIsWrong() {
    assertThatThrownBy(() -> LAG.withFor(Duration.ofSeconds(-1)))
        .hasMessage("rule 'lag': the for duration is negative");
    assertThatThrownBy(() -> LAG.withDedupWindow(Duration.ofSeconds(-1)))
        .hasMessage("rule 'lag': the de-duplication window is negative");
    assertThatThrownBy(() -> LAG.withChannels(List.of("a", "a")))
        .hasMessage("rule 'lag': channel 'a' is named twice");
    assertThatThrownBy(() -> LAG.withChannels(List.of(" ")))
        .hasMessage("rule 'lag': a channel name is blank");
    assertThatThrownBy(() -> LAG.withScope(Scope.every(ScopeKind.NODE)))
        .hasMessage(
            "rule 'lag': consumer_lag_records is measured per group, so the scope must be group,"
                + " not node");
    assertThatThrownBy(() -> Rule.of("", Metric.RESTARTS, "> 0"))
        .hasMessageContaining("rule id '' is not valid");
    assertThatThrownBy(() -> Scope.only(ScopeKind.GROUP, " "))
        .hasMessage("scope: the group is blank; leave it out for every group");
    assertThatThrownBy(
            () ->
                new Scope(
                    ScopeKind.PIPELINE, java.util.Optional.empty(), java.util.Optional.of("x")))
        .hasMessageContaining("a pipeline scope has no instance");
  }

  @Test
  void aRuleSetIsEditedByValue() {
    RuleSet set = RuleSet.of(LAG);
    RuleSet edited =
        set.with(LAG.withSeverity(Severity.CRITICAL)).with(Rule.of("r", Metric.RESTARTS, "> 0"));

    assertThat(set.rules()).containsExactly(LAG);
    assertThat(edited.rules()).extracting(Rule::id).containsExactly("lag", "r");
    assertThat(edited.rule("lag")).get().extracting(Rule::severity).isEqualTo(Severity.CRITICAL);
    assertThat(edited.without("lag").rules()).extracting(Rule::id).containsExactly("r");
    assertThat(edited.without("none")).isEqualTo(edited);
  }

  @Test
  void seriesKeysFitTheirMetricsScope() {
    assertThat(SeriesKey.column(Metric.DRIFT_PSI, "fraud", "score", "amount").instance())
        .isEqualTo("score/amount");
    assertThatThrownBy(() -> new SeriesKey(Metric.RESTARTS, "fraud", "x"))
        .hasMessageContaining("restarts is measured per pipeline");
    assertThatThrownBy(() -> new SeriesKey(Metric.DRIFT_PSI, "fraud", ""))
        .hasMessageContaining("drift_psi is measured per column: name the column");
  }

  @Test
  void defaultRulesAreTheCommonPlatformsThresholds() {
    RuleSet set = DefaultRules.ruleSet(800);
    assertThat(set.rules())
        .extracting(
            r ->
                r.id()
                    + " "
                    + r.metric().id()
                    + " "
                    + r.condition()
                    + " for "
                    + r.forDuration().toSeconds()
                    + "s")
        .containsExactly(
            "consumer-lag consumer_lag_records > 1000 for 300s",
            "p99-latency p99_latency_seconds > 1 for 300s",
            "drift-psi drift_psi >= 0.25 for 0s",
            "checkpoint-failures checkpoint_failures > 0 for 0s",
            "projected-cost projected_monthly_cost > 800 for 900s");
    assertThat(set.rules()).allMatch(r -> r.channels().equals(List.of(DefaultRules.IN_APP)));
    assertThat(DefaultRules.ruleSet().rule("projected-cost")).isEmpty();
    assertThatThrownBy(() -> DefaultRules.projectedCost(0))
        .hasMessageContaining("budget must be a number greater than 0");
  }
}
