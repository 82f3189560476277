package io.longlink.kit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.run.RunReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A driver that breaks its contract ends the run with exit 2 and one line that says where, not with a rule failure. */
class BrokenDriverTest {

  @Test
  void aBadLineIsADriverErrorNamingItsLineAndMember() {
    RunReport report = ToyRuns.check(List.of("LL-TR-1"), "--bad-line");
    assertEquals(RunReport.EXIT_DRIVER_ERROR, report.exitCode(), ToyRuns.describe(report));
    assertEquals(1, report.driverErrors().size(), ToyRuns.describe(report));
    String error = report.driverErrors().get(0);
    assertTrue(error.startsWith("driver error: stdout line 2 of scenario \""), error);
    assertTrue(error.contains("/state"), error);
    assertTrue(report.failedMust().isEmpty(), ToyRuns.describe(report));
  }

  @Test
  void aDriverThatNeverSaysReadyIsADriverError() {
    RunReport report = ToyRuns.check(List.of("LL-TR-1"), "--no-ready");
    assertEquals(RunReport.EXIT_DRIVER_ERROR, report.exitCode(), ToyRuns.describe(report));
    assertTrue(report.driverErrors().get(0).contains("a ready line within 10000 ms"), ToyRuns.describe(report));
  }
}
