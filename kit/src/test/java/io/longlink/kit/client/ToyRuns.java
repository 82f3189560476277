package io.longlink.kit.client;

import io.longlink.kit.client.testing.ClientRuns;
import io.longlink.kit.client.testing.ToyClientDriver;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import java.util.List;

/** Runs the kit's client features against the toy client's driver, started with the test class path. */
final class ToyRuns {

  private ToyRuns() {}

  static RunReport check(List<String> rules, String... driverFlags) {
    return ClientRuns.check(ClientRuns.ONE_AT_A_TIME, ClientRuns.javaDriver(ToyClientDriver.class.getName(), driverFlags), rules, true, "ktoy");
  }

  /** "LL-RC-2 FAILED: expected ...", one line per selected rule, for assertion messages. */
  static String describe(RunReport report) {
    return ClientRuns.describe(report);
  }

  static RuleStatus status(RunReport report, String ruleId) {
    return ClientRuns.status(report, ruleId);
  }
}
