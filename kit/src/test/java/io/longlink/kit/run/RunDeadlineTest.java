package io.longlink.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.testing.FixedTokens;
import io.longlink.rules.RuleCatalog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run always ends, with a verdict for every selected rule, even when a step waits on something
 * no scenario deadline covers: past the run's deadline the unfinished scenarios fail, saying so,
 * and the run reports an error.
 */
class RunDeadlineTest {

  private static final RuleCatalog CATALOG = RuleCatalog.load();

  @Test
  void aStepThatNeverReturnsFailsItsRuleAtTheRunsDeadlineAndTheRunEnds() {
    ConformanceRunner runner = ConformanceRunner.builder().catalog(CATALOG)
        .features(FeatureSource.classpath("fixtures.hanging")).glue("io.longlink.kit.run.fixtures")
        .parallelism(2).runDeadline(Duration.ofSeconds(3)).build();
    RunReport report = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> runner.run(FixedTokens.settings(true),
        RuleSelection.of(CATALOG, List.of("LL-HB-2,LL-HB-3"), null, false), RuleListener.NONE));
    assertEquals(RuleStatus.PASSED, report.verdict("LL-HB-2").orElseThrow().status());
    RuleVerdict hung = report.verdict("LL-HB-3").orElseThrow();
    assertEquals(RuleStatus.FAILED, hung.status());
    String message = hung.firstFailure().orElseThrow().failure().message();
    assertTrue(message.startsWith("did not finish: the run passed its deadline of 3 s"), message);
    assertTrue(report.errors().stream().anyMatch(e -> e.contains("deadline")), report.errors().toString());
    assertEquals(RunReport.EXIT_FAILED, report.exitCode());
  }

  @Test
  void theDefaultDeadlineGrowsWithTheScenariosPerSlotAndTheSlack() {
    Duration few = ConformanceRunner.deadlineFor(8, 8, Duration.ofMillis(400));
    Duration many = ConformanceRunner.deadlineFor(101, 8, Duration.ofMillis(400));
    assertEquals(Duration.ofMillis(60_000 + 3 * 31_600), few, "three times 30 s and four slacks, and a minute");
    assertEquals(Duration.ofMillis(60_000 + 13 * 3 * 31_600), many, "13 rounds of 8 scenarios");
    assertTrue(ConformanceRunner.deadlineFor(8, 8, Duration.ofSeconds(5)).compareTo(few) > 0);
  }
}
