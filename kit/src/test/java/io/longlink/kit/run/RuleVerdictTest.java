package io.longlink.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.longlink.kit.testing.FixedTokens;
import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleVerdictTest {

  private static final RuleCatalog CATALOG = RuleCatalog.load();
  private static final Rule HB2 = CATALOG.find("LL-HB-2").orElseThrow();
  private static final Rule AUTH12 = CATALOG.find("LL-AUTH-12").orElseThrow();
  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  private static ScenarioRef scenario(int line) {
    return new ScenarioRef("scenario " + line, new ScenarioLocation("features/x.feature", line), Set.of("@LL-HB-2"),
        List.of("LL-HB-2"));
  }

  private static ScenarioResult passed(int line) {
    return ScenarioResult.passed(scenario(line), T0.plusMillis(line), Duration.ofMillis(100));
  }

  private static ScenarioResult failed(int line) {
    return ScenarioResult.failed(scenario(line), T0.plusMillis(line), Duration.ofMillis(100),
        new Failure("expected a; saw b", "a", "b", null, null));
  }

  private static ScenarioResult skipped(int line) {
    return ScenarioResult.skipped(scenario(line), T0, Duration.ZERO, "not here " + line);
  }

  @Test
  void anyFailureFailsTheRule() {
    assertEquals(RuleStatus.FAILED, RuleVerdict.of(HB2, List.of(passed(1), skipped(2), failed(3))).status());
  }

  @Test
  void passedAndSkippedScenariosPassTheRule() {
    assertEquals(RuleStatus.PASSED, RuleVerdict.of(HB2, List.of(skipped(1), passed(2))).status());
  }

  @Test
  void onlySkippedScenariosSkipTheRuleWithTheFirstReason() {
    RuleVerdict verdict = RuleVerdict.of(HB2, List.of(skipped(7), skipped(3)));
    assertEquals(RuleStatus.SKIPPED, verdict.status());
    assertEquals("not here 3", verdict.skipReason().orElseThrow());
  }

  @Test
  void theFirstFailureIsTheEarliestInTheFeatures() {
    RuleVerdict verdict = RuleVerdict.of(HB2, List.of(failed(30), passed(5), failed(12)));
    assertEquals(12, verdict.firstFailure().orElseThrow().location().line());
    assertEquals(List.of(5, 12, 30), verdict.scenarios().stream().map(s -> s.location().line()).toList());
  }

  @Test
  void theSpanRunsFromTheFirstStartToTheLastEnd() {
    assertEquals(Duration.ofMillis(129), RuleVerdict.of(HB2, List.of(passed(1), passed(30))).span());
  }

  @Test
  void aRuleWithoutResultsHasNoRunVerdict() {
    assertThrows(IllegalArgumentException.class, () -> RuleVerdict.of(HB2, List.of()));
    assertThrows(IllegalArgumentException.class, () -> RuleVerdict.withoutScenarios(HB2, RuleStatus.PASSED));
  }

  @Test
  void resultsKeepStatusAndDetailsConsistent() {
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioResult(scenario(1), ScenarioStatus.PASSED, T0, Duration.ZERO, null, "why"));
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioResult(scenario(1), ScenarioStatus.FAILED, T0, Duration.ZERO, null, null));
  }

  @Test
  void exitCodeIsOneForAnyFailedSelectedRuleOrRunErrors() {
    List<RuleVerdict> shouldFailed = verdicts(RuleVerdict.of(AUTH12, List.of(failed(1))));
    List<RuleVerdict> mustSkipped = verdicts(RuleVerdict.of(HB2, List.of(skipped(1))));
    List<RuleVerdict> mustFailed = verdicts(RuleVerdict.of(HB2, List.of(failed(1))));
    assertEquals(1, report(shouldFailed, List.of()).exitCode(), "only --strict selects a SHOULD rule, and then it counts");
    assertEquals(0, report(mustSkipped, List.of()).exitCode());
    assertEquals(1, report(mustFailed, List.of()).exitCode());
    assertEquals(1, report(mustSkipped, List.of("features/x.feature: does not parse")).exitCode());
  }

  @Test
  void coverageCountsPassedAndFailedRulesOfTheCheckedSide() {
    List<RuleVerdict> verdicts = verdicts(RuleVerdict.of(HB2, List.of(failed(1))));
    verdicts.set(index("LL-TR-2"), RuleVerdict.withoutScenarios(CATALOG.find("LL-TR-2").orElseThrow(), RuleStatus.NOT_COVERED));
    Coverage coverage = report(verdicts, List.of()).coverage();
    long serverRules = CATALOG.all().stream().filter(r -> r.side() == Side.SERVER).count();
    assertEquals(serverRules, coverage.total());
    assertEquals(1, coverage.checked());
    assertEquals("LL-TR-2", coverage.ids(RuleStatus.NOT_COVERED));
    assertEquals("1 of " + serverRules + " server rules checked", coverage.headline("server"));
  }

  private static int index(String id) {
    return CATALOG.all().indexOf(CATALOG.find(id).orElseThrow());
  }

  /** Every rule not selected, but the one given. */
  private static List<RuleVerdict> verdicts(RuleVerdict one) {
    List<RuleVerdict> verdicts = new ArrayList<>();
    for (Rule rule : CATALOG.all()) {
      verdicts.add(rule.equals(one.rule()) ? one : RuleVerdict.withoutScenarios(rule, RuleStatus.NOT_SELECTED));
    }
    return verdicts;
  }

  private static RunReport report(List<RuleVerdict> verdicts, List<String> errors) {
    return new RunReport(FixedTokens.settings(true), RuleSelection.defaults(CATALOG), 8, T0, Duration.ofSeconds(1),
        verdicts, errors);
  }
}
