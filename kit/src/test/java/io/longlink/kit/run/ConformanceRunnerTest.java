package io.longlink.kit.run;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.run.fixtures.OutcomeSteps;
import io.longlink.kit.testing.FixedTokens;
import io.longlink.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConformanceRunnerTest {

  private static final RuleCatalog CATALOG = RuleCatalog.load();
  private static RunReport everything;

  private static ConformanceRunner runner() {
    return ConformanceRunner.builder().catalog(CATALOG).features(FeatureSource.classpath("fixtures.outcomes"))
        .glue("io.longlink.kit.run.fixtures").build();
  }

  private static RunReport run(RuleSelection selection) {
    return runner().run(FixedTokens.settings(true), selection, RuleListener.NONE);
  }

  @BeforeAll
  static void runAllMustRules() {
    everything = run(RuleSelection.defaults(CATALOG));
  }

  private static RuleStatus status(RunReport report, String id) {
    return report.verdict(id).orElseThrow().status();
  }

  @Test
  void aRuleWithAFailedScenarioFailsEvenWhenAnotherPassed() {
    RuleVerdict hb2 = everything.verdict("LL-HB-2").orElseThrow();
    assertEquals(RuleStatus.FAILED, hb2.status());
    assertEquals(2, hb2.scenarios().size());
    Failure failure = hb2.firstFailure().orElseThrow().failure();
    assertAll(
        () -> assertEquals("pong within 1400 ms", failure.expected()),
        () -> assertEquals("pong after 2300 ms", failure.actual()),
        () -> assertEquals(2300, failure.timing().measuredMs()),
        () -> assertEquals("1000 ms + 400 ms slack", failure.timing().bound()),
        () -> assertEquals("A second ping is answered too late", hb2.firstFailure().orElseThrow().name()),
        () -> assertEquals("fixtures/outcomes/heartbeat.feature:9", hb2.firstFailure().orElseThrow().location().toString()));
  }

  @Test
  void statusesFollowTheScenarios() {
    assertAll(
        () -> assertEquals(RuleStatus.PASSED, status(everything, "LL-HB-3")),
        () -> assertEquals(RuleStatus.PASSED, status(everything, "LL-HB-4"), "one passed, one skipped"),
        () -> assertEquals(RuleStatus.SKIPPED, status(everything, "LL-SEC-4")),
        () -> assertEquals(RuleStatus.FAILED, status(everything, "LL-DD-1")),
        () -> assertEquals(RuleStatus.PASSED, status(everything, "LL-DD-3")),
        () -> assertEquals(RuleStatus.NOT_SELECTED, status(everything, "LL-AUTH-12"), "SHOULD without --strict"),
        () -> assertEquals(RuleStatus.NOT_SELECTED, status(everything, "LL-HB-1"), "a client rule"),
        () -> assertEquals(RuleStatus.NOT_COVERED, status(everything, "LL-TR-2"), "a server rule without scenario"));
  }

  @Test
  void aSkippedRuleSaysWhy() {
    assertEquals("the target does not sign chats", everything.verdict("LL-SEC-4").orElseThrow().skipReason().orElseThrow());
  }

  @Test
  void anErrorThatIsNotACheckFailureFailsWithItsMessage() {
    Failure failure = everything.verdict("LL-DD-1").orElseThrow().firstFailure().orElseThrow().failure();
    assertFalse(failure.isCheckFailure());
    assertTrue(failure.message().contains(OutcomeSteps.BREAKING_MESSAGE), failure.message());
    assertTrue(failure.detail().contains("OutcomeSteps.breaks"), failure.detail());
  }

  @Test
  void anUndefinedStepFailsItsRuleRatherThanSkippingIt() {
    assertEquals(RuleStatus.FAILED, status(everything, "LL-DD-2"));
  }

  @Test
  void everyExampleOfAnOutlineIsAScenarioNamedAfterItsRow() {
    List<String> names = everything.verdict("LL-DD-3").orElseThrow().scenarios().stream().map(ScenarioResult::name).toList();
    assertEquals(List.of("Dedup across 1 connections", "Dedup across 2 connections", "Dedup across 9 connections"), names);
  }

  @Test
  void aFailedMustRuleMakesExitCodeOne() {
    assertEquals(1, everything.exitCode());
    assertTrue(everything.errors().isEmpty(), everything.errors().toString());
  }

  @Test
  void passedAndSkippedRulesMakeExitCodeZero() {
    RunReport report = run(RuleSelection.of(CATALOG, List.of("LL-HB-3,LL-SEC-4"), null, false));
    assertEquals(RuleStatus.PASSED, status(report, "LL-HB-3"));
    assertEquals(RuleStatus.SKIPPED, status(report, "LL-SEC-4"));
    assertEquals(RuleStatus.NOT_SELECTED, status(report, "LL-HB-2"));
    assertEquals(0, report.exitCode());
  }

  @Test
  void withStrictAFailedShouldRuleFailsTheRunAsTheJunitReportDoes() {
    RunReport report = run(RuleSelection.of(CATALOG, List.of("LL-LIM"), null, true));
    assertEquals(RuleStatus.FAILED, status(report, "LL-LIM-7"));
    assertEquals(1, report.exitCode());
    assertEquals(List.of("LL-LIM-7"), report.failed().stream().map(v -> v.rule().id()).toList());
  }

  @Test
  void withoutStrictShouldRulesAreNotRun() {
    RunReport report = run(RuleSelection.of(CATALOG, List.of("LL-LIM"), null, false));
    assertEquals(RuleStatus.NOT_SELECTED, status(report, "LL-LIM-7"));
    assertEquals(0, report.exitCode());
  }

  @Test
  void strictAddsShouldRules() {
    RunReport report = run(RuleSelection.of(CATALOG, List.of(), null, true));
    assertEquals(RuleStatus.PASSED, status(report, "LL-AUTH-12"));
    assertEquals(RuleStatus.FAILED, status(report, "LL-LIM-7"));
  }

  @Test
  void anAreaSelectsItsServerRules() {
    RunReport report = run(RuleSelection.of(CATALOG, List.of("LL-HB"), null, false));
    assertEquals(List.of("LL-HB-2", "LL-HB-3", "LL-HB-4"), report.verdicts().stream()
        .filter(v -> v.status().checked()).map(v -> v.rule().id()).toList());
    assertEquals(RuleStatus.NOT_SELECTED, status(report, "LL-SEC-4"));
  }

  @Test
  void tagsNarrowTheScenariosAndRulesLeftWithoutScenariosAreNotSelected() {
    RunReport report = run(RuleSelection.of(CATALOG, List.of("LL-HB,LL-DD-3"), "not @slow", false));
    assertEquals(RuleStatus.NOT_SELECTED, status(report, "LL-HB-3"), "its only scenario is @slow");
    assertEquals(2, report.verdict("LL-DD-3").orElseThrow().scenarios().size(), "the @slow examples are left out");
    assertEquals(RuleStatus.FAILED, status(report, "LL-HB-2"));
  }

  @Test
  void progressHearsOfEachRuleOnceWithAllItsScenarios() {
    List<RuleVerdict> heard = Collections.synchronizedList(new ArrayList<>());
    int[] started = new int[2];
    RuleListener listener = new RuleListener() {
      @Override
      public void runStarted(int scenarios, int rules, int parallelism) {
        started[0] = scenarios;
        started[1] = rules;
      }

      @Override
      public void ruleFinished(RuleVerdict verdict) {
        heard.add(verdict);
      }
    };
    RunReport report = runner().run(FixedTokens.settings(true), RuleSelection.of(CATALOG, List.of("LL-HB"), null, false), listener);
    assertEquals(5, started[0], "scenarios");
    assertEquals(3, started[1], "rules");
    assertEquals(List.of("LL-HB-2", "LL-HB-3", "LL-HB-4"), heard.stream().map(v -> v.rule().id()).sorted().toList());
    for (RuleVerdict v : heard) {
      assertEquals(report.verdict(v.rule().id()).orElseThrow(), v);
    }
  }

  @Test
  void dryRunListsTheScenariosPerRuleWithoutRunningThem() {
    int before = OutcomeSteps.STEPS_RUN.get();
    Discovery discovery = runner().discover(RuleSelection.of(CATALOG, List.of("LL-HB-2,LL-DD-3"), "not @slow", false));
    assertEquals(before, OutcomeSteps.STEPS_RUN.get(), "discovery ran steps");
    assertEquals(List.of("A ping is answered (fixtures/outcomes/heartbeat.feature:5)",
        "A second ping is answered too late (fixtures/outcomes/heartbeat.feature:9)"),
        discovery.scenariosFor("LL-HB-2").stream().map(ScenarioRef::toString).toList());
    assertEquals(2, discovery.scenariosFor("LL-DD-3").size());
    assertEquals(List.of(), discovery.scenariosFor("LL-HB-3"));
  }

  @Test
  void discoveringEverythingFindsEveryScenario() {
    Discovery all = runner().discoverAll();
    assertEquals(13, all.scenarios().size());
    assertTrue(all.problems().isEmpty(), all.problems().toString());
    assertTrue(all.ruleIds().containsAll(List.of("LL-HB-2", "LL-AUTH-12", "LL-LIM-7", "LL-DD-3")));
  }
}
