package io.longlink.kit.report;

import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.FeatureSource;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.testing.FixedTokens;
import io.longlink.rules.RuleCatalog;

/** A real report to write: the outcome fixtures run with every MUST rule selected. */
final class Fixtures {

  private static RunReport report;

  private Fixtures() {}

  static synchronized RunReport report() {
    if (report == null) {
      RuleCatalog catalog = RuleCatalog.load();
      report = ConformanceRunner.builder().catalog(catalog).features(FeatureSource.classpath("fixtures.outcomes"))
          .glue("io.longlink.kit.run.fixtures").build()
          .run(FixedTokens.settings(true), RuleSelection.defaults(catalog), RuleListener.NONE);
    }
    return report;
  }
}
