package io.longlink.cli.check;

import io.longlink.cli.CliContext;
import io.longlink.cli.ExitCodes;
import io.longlink.cli.TargetUnreachableException;
import io.longlink.cli.UsageException;
import io.longlink.kit.preflight.Preflight;
import io.longlink.kit.preflight.PreflightResult;
import io.longlink.kit.report.ConsoleProgress;
import io.longlink.kit.report.ConsoleSummary;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.settings.Redactor;
import io.longlink.protocol.Protocol;
import io.longlink.rules.Side;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @ParentCommand
  private CheckCommand parent;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
      description = "The server's WebSocket URL, ws:// or wss://. Without one, the kit checks the embedded reference server.")
  private String url;

  @Option(names = "--node", paramLabel = "URL",
      description = "Another WebSocket URL of the same server, a node of a cluster sharing one store (repeatable). "
          + "Each scenario's connections spread over URL and the nodes, so that sender and recipient, and a user "
          + "before and after a reconnect, sit on different nodes.")
  private List<String> nodes = new ArrayList<>();

  @Option(names = "--violate", paramLabel = "RULE-ID",
      description = "Without a URL only: make the embedded reference server break this rule (repeatable), to watch the kit catch it.")
  private List<String> violate = new ArrayList<>();

  @Mixin
  private SelectionOptions selection;

  @Mixin
  private RunOptions run;

  @Mixin
  private TokenOptions tokens;

  @Mixin
  private ConnectionOptions connection;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "500",
      description = "The most WebSocket connections the run may open, 1-1000000 (default ${DEFAULT-VALUE}).")
  private int maxConnections;

  @Option(names = "--max-messages", paramLabel = "N", defaultValue = "20000",
      description = "The most messages the run may send, 1-100000000 (default ${DEFAULT-VALUE}).")
  private int maxMessages;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
      description = "How many scenarios run at once, 1-64 (default ${DEFAULT-VALUE}).")
  private int parallelism;

  @Override
  public Integer call() {
    run.check(spec.commandLine());
    checkRange("--max-connections", maxConnections, 1, 1_000_000, "connections");
    checkRange("--max-messages", maxMessages, 1, 100_000_000, "messages");
    checkRange("--parallelism", parallelism, 1, 64, "scenarios at once");
    CliContext context = parent.context();
    RuleSelection rules = selection.selection(context.catalog(), Side.SERVER);
    ConformanceRunner runner = run.messages(context.runner().parallelism(parallelism)).build();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (url == null && !nodes.isEmpty()) {
      throw new UsageException("--node needs the URL of the server's first node: give `longlink check server URL "
          + "--node URL2`; the embedded reference server is one node");
    }
    List<URI> otherNodes = otherNodes();
    if (run.dryRun) {
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
          connection.caFile(), Duration.ofMillis(run.timingSlackMs), maxConnections, maxMessages, RunOptions.runId(),
          otherNodes);
      run.prepareReportDir();
      out.println("longlink check server " + target.url().uri() + " (Longlink protocol " + Protocol.VERSION + ")");
      if (!otherNodes.isEmpty()) {
        out.println("  nodes:  " + settings.nodes().size() + ", " + settings.nodes().stream().map(URI::toString)
            .collect(Collectors.joining(", ")) + "; each scenario's users spread over them");
      }
      out.println("  rules:  " + rules.describe());
      out.println("  tokens: " + settings.tokens().describe());
      out.println("  run id: " + settings.runId());
      preflight(settings, out);
      RunReport report = runner.run(settings, rules, new ConsoleProgress(out, run.verbose));
      ConsoleSummary.print(report, out);
      run.writeReports(report, out);
      return report.exitCode() == RunReport.EXIT_FAILED ? unlessLost(settings, report.exitCode(), err) : report.exitCode();
    }
  }

  /** The --node URLs, each checked like the target's, none the target's or another's again. */
  private List<URI> otherNodes() {
    List<URI> parsed = new ArrayList<>();
    for (String node : nodes) {
      URI uri;
      try {
        uri = TargetUrl.parse(node).uri();
      } catch (UsageException e) {
        throw new UsageException("--node: " + e.getMessage(), e);
      }
      if (uri.equals(TargetUrl.parse(url).uri()) || parsed.contains(uri)) {
        throw new UsageException("--node " + node + " is given twice (as the URL or another --node); give each node "
            + "of the cluster once");
      }
      parsed.add(uri);
    }
    return parsed;
  }

  /** Every node must give a session: a cluster with a node down is not the cluster the user meant to check. */
  private void preflight(KitSettings settings, PrintWriter out) {
    PreflightResult result = null;
    for (URI node : settings.nodes()) {
      result = preflight(settings, node);
    }
    out.println("Preflight: the server answered the WebSocket handshake"
        + result.selectedSubprotocol().map(p -> " and selected " + p).orElse(" without selecting a subprotocol (LL-TR-2 will fail)")
        + ", and auth with auth_ok" + (settings.nodes().size() > 1 ? ", on each of its " + settings.nodes().size()
        + " nodes." : "."));
    out.flush();
  }

  private static PreflightResult preflight(KitSettings settings, URI node) {
    PreflightResult result;
    try {
      result = Preflight.probe(settings, node, PREFLIGHT_TIMEOUT);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (!result.reachable()) {
      throw new TargetUnreachableException("cannot reach " + node + ": " + result.problem()
          + ". Check that the server runs and that host, port and path are right; nothing was checked.");
    }
    if (!result.gotSession()) {
      String why = Redactor.of(settings.tokens().secrets()).redact(result.sessionProblem());
      throw new TargetUnreachableException("no session at " + node + ": " + why
          + (why.endsWith("?") ? " " : ". ") + "Nothing was checked.");
    }
    return result;
  }

  /**
   * A run with failures asks the target once more: failures against a target that went away are
   * the loss's, not verdicts, and say so with exit 2 (what passed before it stays in the reports).
   */
  private static int unlessLost(KitSettings settings, int exitCode, PrintWriter err) {
    for (URI node : settings.nodes()) {
      PreflightResult after = Preflight.probe(settings, node, PREFLIGHT_TIMEOUT);
      if (!after.reachable()) {
        err.println("longlink check server: target lost: " + node + " no longer answers ("
            + after.problem() + "). The failures above may be the loss's, not the server's; check that it still runs, "
            + "then run again.");
        err.flush();
        return ExitCodes.USAGE;
      }
    }
    return exitCode;
  }

  private void checkRange(String option, int value, int min, int max, String unit) {
    RunOptions.checkRange(spec.commandLine(), option, value, min, max, unit);
  }
}
