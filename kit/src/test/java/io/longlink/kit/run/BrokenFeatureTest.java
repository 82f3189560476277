package io.longlink.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.testing.FixedTokens;
import io.longlink.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

/** A feature that does not parse is a defect of the kit: the run must say so and must not pass. */
class BrokenFeatureTest {

  private static final RuleCatalog CATALOG = RuleCatalog.load();
  private final ConformanceRunner runner = ConformanceRunner.builder().catalog(CATALOG)
      .features(FeatureSource.classpath("fixtures.broken")).glue("io.longlink.kit.run.fixtures").build();

  @Test
  void discoveryReportsTheProblem() {
    Discovery discovery = runner.discoverAll();
    assertFalse(discovery.problems().isEmpty());
    assertTrue(discovery.problems().toString().contains("broken.feature"), discovery.problems().toString());
  }

  @Test
  void aRunWithABrokenFeatureFails() {
    RunReport report = runner.run(FixedTokens.settings(true), RuleSelection.defaults(CATALOG), RuleListener.NONE);
    assertFalse(report.errors().isEmpty());
    assertEquals(RunReport.EXIT_FAILED, report.exitCode());
  }
}
