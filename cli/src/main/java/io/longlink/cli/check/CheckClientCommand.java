package io.longlink.cli.check;

import io.longlink.cli.CliContext;
import io.longlink.cli.UsageException;
import io.longlink.kit.client.ClientSettings;
import io.longlink.kit.client.driver.DriverLauncher;
import io.longlink.kit.report.ConsoleProgress;
import io.longlink.kit.report.ConsoleSummary;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RunReport;
import io.longlink.protocol.Protocol;
import io.longlink.rules.Side;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code longlink check client --driver CMD}: plays the server to a client, which a driver
 * process (DRIVER.md) makes connect, send and close, and reports per client rule. Every scenario
 * has a harness on its own port and a driver process of its own, so scenarios run side by side;
 * how many at once is bounded by what keeps their timing verdicts steady on a small machine.
 */
@Command(
    name = "client",
    sortOptions = false,
    description = "Checks a Longlink client, through its driver (DRIVER.md), against the client rules of PROTOCOL.md.",
    footer = {"", "Example: longlink check client --driver \"node driver.js\", or longlink check client -- node driver.js",
        "Exit codes: 0 no selected MUST rule failed (skipped rules do not fail a run); 1 one did, or the run broke; "
            + "2 bad usage, or the driver broke its contract (DRIVER.md §7); 3 internal error."})
public final class CheckClientCommand implements Callable<Integer> {

  @ParentCommand
  private CheckCommand parent;

  @Spec
  private CommandSpec spec;

  @Option(names = "--driver", paramLabel = "CMD",
      description = "The command that starts the driver, split into words as a shell would, e.g. \"node driver.js\".")
  private String driver;

  @Parameters(arity = "0..*", paramLabel = "CMD",
      description = "After --: the driver's command as separate words, instead of --driver.")
  private List<String> driverWords = new ArrayList<>();

  @Mixin
  private SelectionOptions selection;

  @Mixin
  private RunOptions run;

  /**
   * A driver process: measured on a 2-core machine, 3 at once gave every one of the 63 scenarios
   * the same verdict in 20 of 20 runs while builds ran beside it (scripts/repeat-client-check.sh
   * 20 --parallelism 3 -- <the reference driver as a JVM>), and is the fastest: the drivers' JVMs
   * fill the second core, so 4 at once took longer and failed LL-HB-1 in 2 of 5 loaded runs.
   */
  static final int PROCESS_PARALLELISM = 3;
  /**
   * The embedded client runs in this JVM and costs no process start: the scenarios then mostly
   * wait on the harness's timers, and 8 at once is where the run stops getting shorter.
   */
  static final int EMBEDDED_PARALLELISM = 8;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "How many scenarios run at once, 1-16 (default " + PROCESS_PARALLELISM + " for a driver process, "
          + EMBEDDED_PARALLELISM + " for the embedded client, whose driver runs in the kit's JVM); lower it if timing "
          + "rules fail on a busy machine.")
  private Integer parallelism;

  @Override
  public Integer call() {
    run.check(spec.commandLine());
    List<String> given = givenDriver();
    int atOnce = parallelism != null ? parallelism : given.isEmpty() ? EMBEDDED_PARALLELISM : PROCESS_PARALLELISM;
    RunOptions.checkRange(spec.commandLine(), "--parallelism", atOnce, 1, 16,
        "scenarios at once; each runs a driver process, so keep it near the machine's cores, e.g. --parallelism 2");
    CliContext context = parent.context();
    RuleSelection rules = selection.selection(context.catalog(), Side.CLIENT);
    ConformanceRunner runner = run.messages(context.runner().parallelism(atOnce)).build();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (run.dryRun) {
      return DryRun.print(runner, rules, out, err);
    }
    DriverLauncher driver = given.isEmpty() ? EmbeddedClient.launcher() : DriverLauncher.command(given);
    ClientSettings settings = new ClientSettings(driver, Duration.ofMillis(run.timingSlackMs));
    run.prepareReportDir();
    String shown = driver.describe();
    out.println("longlink check client, driver: " + shown + " (Longlink protocol " + Protocol.VERSION
        + ", driver contract 1)");
    out.println("  rules:  " + rules.describe());
    out.flush();
    ClientSettings.install(settings);
    RunReport report;
    try {
      report = runner.run(settings.reportSettings(RunOptions.runId()), rules, new ConsoleProgress(out, run.verbose));
    } finally {
      ClientSettings.endRun();
    }
    ConsoleSummary.print(report, out);
    run.writeReports(report, out);
    report.driverErrors().stream().findFirst().ifPresent(e -> {
      err.println(e);
      err.flush();
    });
    return report.exitCode();
  }

  /** The driver command the user gave; empty for the embedded reference client. */
  private List<String> givenDriver() {
    if (driver != null && !driverWords.isEmpty()) {
      throw new UsageException("give the driver's command once: with --driver \"CMD\" or after --, not both");
    }
    return driver != null ? ShellWords.split(driver, "--driver") : driverWords;
  }
}
