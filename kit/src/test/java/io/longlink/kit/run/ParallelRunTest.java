package io.longlink.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.run.fixtures.Companions;
import io.longlink.kit.run.fixtures.MeetingPoint;
import io.longlink.kit.testing.FixedTokens;
import io.longlink.rules.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves with a barrier, not with clocks, that scenarios overlap: the four scenarios of
 * {@code fixtures/parallel} can only pass if all four wait at the barrier at the same time.
 */
class ParallelRunTest {

  private static final RuleCatalog CATALOG = RuleCatalog.load();

  private static ConformanceRunner runner(String fixtures, int parallelism) {
    return ConformanceRunner.builder().catalog(CATALOG).features(FeatureSource.classpath(fixtures))
        .glue("io.longlink.kit.run.fixtures").parallelism(parallelism).build();
  }

  @Test
  void scenariosRunAtTheSameTime() {
    MeetingPoint.expect(4);
    RunReport report = runner("fixtures.parallel", 4)
        .run(FixedTokens.settings(true), RuleSelection.of(CATALOG, List.of("LL-LIM-4"), null, false), RuleListener.NONE);
    RuleVerdict verdict = report.verdict("LL-LIM-4").orElseThrow();
    assertEquals(4, verdict.count(ScenarioStatus.PASSED), () -> verdict.scenarios().toString());
    assertEquals(4, report.parallelism());
  }

  @Test
  void parallelismOneRunsScenariosOneAtATime() {
    Companions.reset();
    RunReport report = runner("fixtures.sequential", 1)
        .run(FixedTokens.settings(true), RuleSelection.of(CATALOG, List.of("LL-LIM-5"), null, false), RuleListener.NONE);
    assertEquals(3, report.verdict("LL-LIM-5").orElseThrow().count(ScenarioStatus.PASSED));
    assertEquals(1, Companions.mostAtOnce());
  }

  @Test
  void tokensThatShareUsersRunOneAtATimeWhateverTheParallelism() {
    Companions.reset();
    RunReport report = runner("fixtures.sequential", 8)
        .run(FixedTokens.settings(false), RuleSelection.of(CATALOG, List.of("LL-LIM-5"), null, false), RuleListener.NONE);
    assertEquals(3, report.verdict("LL-LIM-5").orElseThrow().count(ScenarioStatus.PASSED));
    assertEquals(1, report.parallelism());
    assertEquals(1, Companions.mostAtOnce());
  }

  @Test
  void companionsMeetWhenRunInParallel() {
    Companions.reset();
    runner("fixtures.sequential", 3)
        .run(FixedTokens.settings(true), RuleSelection.of(CATALOG, List.of("LL-LIM-5"), null, false), RuleListener.NONE);
    assertTrue(Companions.mostAtOnce() >= 2, "the probe must see overlap, or the one-at-a-time tests prove nothing");
  }
}
