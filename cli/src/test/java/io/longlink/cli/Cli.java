package io.longlink.cli;

import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.FeatureSource;
import io.longlink.rules.RuleCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs command lines in-process and keeps what they printed. */
final class Cli {

  static final RuleCatalog CATALOG = RuleCatalog.load();
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private Cli() {}

  /** The kit's own features and glue, as the jar runs them. */
  static CliContext packaged(Map<String, String> environment) {
    return new CliContext(environment, CATALOG, ConformanceRunner::builder);
  }

  /** The kit's fixture features and glue (from its test jar). */
  static CliContext fixtures(Map<String, String> environment) {
    return new CliContext(environment, CATALOG, () -> ConformanceRunner.builder()
        .features(FeatureSource.classpath("fixtures.outcomes")).glue("io.longlink.kit.run.fixtures"));
  }

  static Result run(CliContext context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = LonglinkCommand.execute(context, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(exit, out.toString(), err.toString());
  }

  static Result run(String... args) {
    return run(packaged(Map.of()), args);
  }
}
