package io.longlink.cli.check;

import io.longlink.cli.CliContext;
import io.longlink.cli.TargetUnreachableException;
import io.longlink.cli.UsageException;
import io.longlink.kit.preflight.Preflight;
import io.longlink.kit.preflight.PreflightResult;
import io.longlink.kit.report.ConsoleProgress;
import io.longlink.kit.report.ConsoleSummary;
import io.longlink.kit.report.ReportDirectory;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.KitSettings;
import io.longlink.protocol.Protocol;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code longlink check server URL}: runs the kit's scenarios against a server and reports per rule. */
@Command(
    name = "server",
    sortOptions = false,
    description = "Checks a Longlink server against the server rules of PROTOCOL.md.",
    footer = {"", "Environment: LONGLINK_JWT_SECRET and LONGLINK_SIGNING_SECRET stand in for --jwt-secret and "
        + "--signing-secret.", "Exit codes: 0 no selected rule failed (skipped rules do not fail a run); 1 one did (with --strict, a SHOULD rule too), "
        + "or the run broke; 2 bad usage or unreachable server; 3 internal error."})
public final class CheckServerCommand implements Callable<Integer> {

  private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  @ParentCommand
  private CheckCommand parent;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
      description = "The server's WebSocket URL, ws:// or wss://. Without one, the kit checks the embedded reference server.")
  private String url;

  @Option(names = "--violate", paramLabel = "RULE-ID",
      description = "Without a URL only: make the embedded reference server break this rule (repeatable), to watch the kit catch it.")
  private java.util.List<String> violate = new java.util.ArrayList<>();

  @Mixin
  private SelectionOptions selection;

  @Option(names = "--dry-run", description = "List the rules and scenarios that would run, and run nothing.")
  private boolean dryRun;

  @Mixin
  private TokenOptions tokens;

  @Mixin
  private ConnectionOptions connection;

  @Option(names = "--timing-slack", paramLabel = "MS", defaultValue = "400",
      description = "Added to every timing bound to absorb network and scheduling noise, 0-10000 ms (default ${DEFAULT-VALUE}).")
  private int timingSlackMs;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "500",
      description = "The most WebSocket connections the run may open, 1-1000000 (default ${DEFAULT-VALUE}).")
  private int maxConnections;

  @Option(names = "--max-messages", paramLabel = "N", defaultValue = "20000",
      description = "The most messages the run may send, 1-100000000 (default ${DEFAULT-VALUE}).")
  private int maxMessages;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
      description = "How many scenarios run at once, 1-64 (default ${DEFAULT-VALUE}).")
  private int parallelism;

  @Option(names = "--report-dir", paramLabel = "DIR", description = "Write report.html, junit.xml and results.json here.")
  private Path reportDir;

  @Override
  public Integer call() {
    checkRange("--timing-slack", timingSlackMs, 0, 10_000, "ms; raise it on a slow or distant network, e.g. --timing-slack 1000");
    checkRange("--max-connections", maxConnections, 1, 1_000_000, "connections");
    checkRange("--max-messages", maxMessages, 1, 100_000_000, "messages");
    checkRange("--parallelism", parallelism, 1, 64, "scenarios at once");
    CliContext context = parent.context();
    RuleSelection rules = selection.selection(context.catalog());
    ConformanceRunner runner = context.runner().parallelism(parallelism).build();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (dryRun) {
      if (url != null) {
        TargetUrl.parse(url);
      }
      return DryRun.print(runner, rules, out, err);
    }
    if (url != null && !violate.isEmpty()) {
      throw new UsageException("--violate works only on the embedded reference server: leave out the URL, or use "
          + "`longlink serve --violate RULE-ID` and check that server's URL");
    }
    try (Target target = url == null ? EmbeddedServer.start(violate) : Target.remote(TargetUrl.parse(url), tokens.tokens(context))) {
      target.url().cleartextWarning().ifPresent(err::println);
      err.flush();
      KitSettings settings = new KitSettings(target.url().uri(), target.tokens(), connection.headers(), connection.insecure(),
          connection.caFile(), Duration.ofMillis(timingSlackMs), maxConnections, maxMessages, runId());
      prepareReportDir();
      out.println("longlink check server " + target.url().uri() + " (Longlink protocol " + Protocol.VERSION + ")");
      out.println("  rules:  " + rules.describe());
      out.println("  tokens: " + settings.tokens().describe());
      out.println("  run id: " + settings.runId());
      preflight(settings, out);
      RunReport report = runner.run(settings, rules, new ConsoleProgress(out));
      ConsoleSummary.print(report, out);
      writeReports(report, out);
      return report.exitCode();
    }
  }

  private void preflight(KitSettings settings, PrintWriter out) {
    PreflightResult result;
    try {
      result = Preflight.probe(settings, PREFLIGHT_TIMEOUT);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (!result.reachable()) {
      throw new TargetUnreachableException("cannot reach " + settings.target() + ": " + result.problem()
          + ". Check that the server runs and that host, port and path are right; nothing was checked.");
    }
    out.println("Preflight: the server answered the WebSocket handshake"
        + result.selectedSubprotocol().map(p -> " and selected " + p).orElse(" without selecting a subprotocol (LL-TR-2 will fail)")
        + ".");
    out.flush();
  }

  private void prepareReportDir() {
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

  private void writeReports(RunReport report, PrintWriter out) {
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

  private void checkRange(String option, int value, int min, int max, String unit) {
    if (value < min || value > max) {
      throw new ParameterException(spec.commandLine(), option + ": " + value + " is out of range; allowed " + min + " to "
          + max + " " + unit);
    }
  }

  /** Ten lowercase letters and digits: valid in user ids, room ids and message ids alike. */
  private static String runId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder id = new StringBuilder("k");
    for (int i = 0; i < 9; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
