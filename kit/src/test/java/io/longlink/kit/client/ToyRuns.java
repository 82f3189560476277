package io.longlink.kit.client;

import io.longlink.kit.client.testing.ToyClientDriver;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.rules.Side;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the kit's client features against the toy client's driver, started with the test class path. */
final class ToyRuns {

  /** One scenario at a time, as before client scenarios could run at once: the toy's timers are late enough alone. */
  private static final ConformanceRunner RUNNER = ConformanceRunner.builder().parallelism(1).build();
  /**
   * The toy runs on the JDK's WebSocket in a JVM of its own, on a machine other builds share:
   * its timers run late by more than the default 400 ms now and then, which is the toy's
   * lateness, not the kit's. Its broken modes are off by far more than this.
   */
  private static final Duration SLACK = Duration.ofMillis(800);

  private ToyRuns() {}

  static RunReport check(List<String> rules, String... driverFlags) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ToyClientDriver.class.getName()));
    command.addAll(List.of(driverFlags));
    ClientSettings settings = new ClientSettings(command, SLACK);
    ClientSettings.install(settings);
    return RUNNER.run(settings.reportSettings("ktoy"), RuleSelection.of(RUNNER.catalog(), Side.CLIENT, rules, null, true),
        RuleListener.NONE);
  }

  /** "LL-RC-2 FAILED: expected ...", one line per selected rule, for assertion messages. */
  static String describe(RunReport report) {
    StringBuilder text = new StringBuilder();
    for (RuleVerdict v : report.verdicts()) {
      if (report.selection().includes(v.rule().id())) {
        text.append('\n').append(v.rule().id()).append(' ').append(v.status());
        v.firstFailure().ifPresent(f -> text.append(": ").append(f.name()).append(": ").append(f.failure().message()));
        v.skipReason().ifPresent(r -> text.append(": ").append(r));
      }
    }
    report.driverErrors().forEach(e -> text.append('\n').append(e));
    report.errors().forEach(e -> text.append('\n').append(e));
    return text.toString();
  }

  static RuleStatus status(RunReport report, String ruleId) {
    return report.verdict(ruleId).orElseThrow().status();
  }
}
