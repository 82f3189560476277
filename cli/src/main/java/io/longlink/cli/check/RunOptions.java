package io.longlink.cli.check;

import io.longlink.cli.UsageException;
import io.longlink.kit.report.ReportDirectory;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What every check shares, whichever side it checks: {@code --dry-run}, {@code --timing-slack},
 * {@code --report-dir}, {@code --verbose}, the range checks of numeric options and the run id.
 */
final class RunOptions {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Option(names = "--dry-run", description = "List the rules and scenarios that would run, and run nothing.")
  boolean dryRun;

  @Option(names = "--timing-slack", paramLabel = "MS", defaultValue = "400",
      description = "Added to every timing bound to absorb network and scheduling noise, 0-10000 ms (default ${DEFAULT-VALUE}).")
  int timingSlackMs;

  @Option(names = "--verbose",
      description = "After each failure, print its scenario's wire transcript: every frame the kit's connections sent and received (check server).")
  boolean verbose;

  @Option(names = "--report-dir", paramLabel = "DIR", description = "Write report.html, junit.xml and results.json here.")
  Path reportDir;

  /** Checks the shared options' ranges, naming the option and what is allowed. */
  void check(CommandLine commandLine) {
    checkRange(commandLine, "--timing-slack", timingSlackMs, 0, 10_000,
        "ms; raise it on a slow or distant network, e.g. --timing-slack 1000");
  }

  static void checkRange(CommandLine commandLine, String option, int value, int min, int max, String unit) {
    if (value < min || value > max) {
      throw new ParameterException(commandLine, option + ": " + value + " is out of range; allowed " + min + " to "
          + max + " " + unit);
    }
  }

  /** With --report-dir, the runner writes Cucumber's message stream there too. */
  ConformanceRunner.Builder messages(ConformanceRunner.Builder runner) {
    return reportDir == null ? runner : runner.messages(reportDir.resolve(ReportDirectory.MESSAGES));
  }

  void prepareReportDir() {
    if (reportDir == null) {
      return;
    }
    try {
      Files.createDirectories(reportDir);
    } catch (IOException e) {
      throw new UsageException("--report-dir " + reportDir + ": cannot create it (" + e + "); give a writable directory", e);
    }
    if (!Files.isWritable(reportDir)) {
      throw new UsageException("--report-dir " + reportDir + ": not writable; give a writable directory");
    }
  }

  void writeReports(RunReport report, PrintWriter out) {
    if (reportDir == null) {
      return;
    }
    try {
      out.println("Reports: " + String.join(", ", ReportDirectory.write(report, reportDir).stream().map(Path::toString).toList()));
      out.flush();
    } catch (IOException e) {
      throw new UsageException("--report-dir " + reportDir + ": the run finished but its reports could not be written ("
          + e.getMessage() + "); give a writable directory", e);
    }
  }

  /** Ten lowercase letters and digits: valid in user ids, room ids and message ids alike. */
  static String runId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder id = new StringBuilder("k");
    for (int i = 0; i < 9; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
