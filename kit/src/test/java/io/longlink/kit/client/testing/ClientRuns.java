package io.longlink.kit.client.testing;

import io.longlink.client.driver.InProcessDriver;
import io.longlink.kit.client.ClientSettings;
import io.longlink.kit.client.driver.DriverLauncher;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.rules.Side;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the kit's client features in process against a driver, as {@code longlink check client}
 * does: a process from a command line, or the reference client's driver in this JVM. The toy
 * client's tests and the proof that every client fault switch is caught share it.
 */
public final class ClientRuns {

  /** Two scenarios at once, one fewer than {@code check client}'s default: the build runs other JVMs beside the proof. */
  public static final ConformanceRunner RUNNER = ConformanceRunner.builder().parallelism(2).build();
  /** Four at once for the reference client's driver in this JVM: it costs no process start, so the cores stay free. */
  public static final ConformanceRunner IN_PROCESS = ConformanceRunner.builder().parallelism(4).build();
  /** One scenario at a time: for drivers whose timers are late enough alone (the toy client). */
  public static final ConformanceRunner ONE_AT_A_TIME = ConformanceRunner.builder().parallelism(1).build();

  /**
   * Drivers on the JDK run in a JVM of their own, on a machine other builds share: their timers
   * run late by more than the default 400 ms now and then, which is their lateness, not the
   * kit's. The broken modes the tests look for are off by far more than this.
   */
  public static final Duration SLACK = Duration.ofMillis(800);

  private ClientRuns() {}

  /** {@code java -cp <this test's class path> mainClass args...}: a driver on the kit's test class path. */
  public static List<String> javaDriver(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * The reference client's driver with these arguments ({@code --violate LL-XX-n}), in this JVM as
   * {@code check client} runs it without {@code --driver}.
   */
  public static DriverLauncher referenceDriver(String... args) {
    List<String> arguments = List.of(args);
    return new DriverLauncher() {
      @Override
      public Process launch() {
        return InProcessDriver.start(arguments);
      }

      @Override
      public String describe() {
        return "the reference client's driver in process " + arguments;
      }
    };
  }

  /** One client check of the selected rules (IDs or areas, strict adds SHOULD rules) against the driver. */
  public static RunReport check(List<String> driverCommand, List<String> rules, boolean strict, String runId) {
    return check(RUNNER, DriverLauncher.command(driverCommand), rules, strict, runId);
  }

  /** As {@link #check(List, List, boolean, String)}, with a driver the launcher starts, four scenarios at once. */
  public static RunReport check(DriverLauncher driver, List<String> rules, boolean strict, String runId) {
    return check(IN_PROCESS, driver, rules, strict, runId);
  }

  /** As {@link #check(List, List, boolean, String)}, with this runner. */
  public static RunReport check(ConformanceRunner runner, List<String> driverCommand, List<String> rules, boolean strict,
      String runId) {
    return check(runner, DriverLauncher.command(driverCommand), rules, strict, runId);
  }

  private static RunReport check(ConformanceRunner runner, DriverLauncher driver, List<String> rules, boolean strict,
      String runId) {
    ClientSettings settings = new ClientSettings(driver, SLACK);
    ClientSettings.install(settings);
    try {
      return runner.run(settings.reportSettings(runId), RuleSelection.of(runner.catalog(), Side.CLIENT, rules, null,
          strict), RuleListener.NONE);
    } finally {
      ClientSettings.endRun();
    }
  }

  /** "LL-RC-2 FAILED: expected ...", one line per selected rule, for assertion messages. */
  public static String describe(RunReport report) {
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

  public static RuleStatus status(RunReport report, String ruleId) {
    return report.verdict(ruleId).orElseThrow().status();
  }
}
