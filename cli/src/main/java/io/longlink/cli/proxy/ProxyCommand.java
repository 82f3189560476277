package io.longlink.cli.proxy;

import io.longlink.cli.ExitCodes;
import io.longlink.cli.Listening;
import io.longlink.cli.UsageException;
import io.longlink.server.faults.Violation;
import io.longlink.server.faults.proxy.BreakingProxy;
import io.longlink.server.faults.proxy.NetworkFaults;
import io.longlink.server.faults.proxy.ProxyConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code longlink proxy UPSTREAM}: a breaking proxy in front of any Longlink server, until stopped. */
@Command(
    name = "proxy",
    sortOptions = false,
    description = {"Runs a proxy in front of any Longlink server that breaks rules of PROTOCOL.md on the way through, "
        + "so that the conformance kit can be seen to catch a server breaking them (`longlink check server` the "
        + "proxy's URL), or so that a client under test meets a server that breaks them, or a bad network "
        + "(--silent-after, --drop-after, --cut-after, --delay-ms). Every connection, whatever its path, goes to "
        + "UPSTREAM with the client's query appended, offering the subprotocols the client offered. Without "
        + "--violate and network faults it passes everything on as it came. Runs until stopped (Ctrl-C)."},
    footer = {"", "What it cannot break: the switches `longlink serve --list-violations` marks [reference server only] "
        + "need the server's own parts (only `longlink serve --violate` breaks those), and so do LL-ERR-2 (the proxy "
        + "closes invalid UTF-8 with 1007 itself) and LL-LIM-1 (it cannot raise the upstream's message limit). "
        + "LL-LIM-9 is about the server's own TCP accept: check it against the server, not through the proxy.",
        "Exit codes: 0 stopped; 2 bad usage (an unknown switch or one the proxy cannot apply, a bad URL, the port in "
            + "use); 3 internal error."})
public final class ProxyCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "UPSTREAM",
      description = "The WebSocket URL of the server behind the proxy, ws:// or wss://, e.g. ws://127.0.0.1:8080/ws.")
  private String upstream;

  @Option(names = "--violate", paramLabel = "RULE-ID",
      description = "Break this rule on the way through (repeatable), e.g. LL-HB-2; `longlink serve --list-violations` "
          + "lists the switches, and the proxy has all but those marked [reference server only].")
  private List<String> violate = new ArrayList<>();

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ProxyConfig.DEFAULT_HOST,
      description = "The address to listen on (default ${DEFAULT-VALUE}): a proxy that breaks rules is for tests.")
  private String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
      description = "The port to listen on, 0 for any free one (default ${DEFAULT-VALUE}; the line it prints names it).")
  private int port;

  @Option(names = "--silent-after", paramLabel = "N",
      description = "After N messages from upstream on a connection, pass nothing more either way and never close: a "
          + "half-open link (0-" + NetworkFaults.MAX_MESSAGES + ").")
  private Integer silentAfter;

  @Option(names = "--drop-after", paramLabel = "N",
      description = "After N messages from upstream on a connection, drop the client's TCP connection without a close "
          + "frame (0-" + NetworkFaults.MAX_MESSAGES + ").")
  private Integer dropAfter;

  @Option(names = "--cut-after", paramLabel = "N",
      description = "The same, counting the messages sent to the client (what the switches' filters made of them), "
          + "0-" + NetworkFaults.MAX_MESSAGES + ".")
  private Integer cutAfter;

  @Option(names = "--delay-ms", paramLabel = "MS",
      description = "Deliver everything toward the client MS late, in order (0-" + NetworkFaults.MAX_DELAY_MS + ").")
  private Long delayMs;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ProxyConfig config;
    try {
      config = ProxyConfig.to(upstreamUri()).host(host).port(port).violations(violations()).network(network());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    ProxyConfig listening = config;
    BreakingProxy proxy = Listening.start(host, port, () -> BreakingProxy.start(listening));
    out.println("longlink proxy on " + proxy.uri() + " -> " + config.upstream() + " (" + breaking(config) + "); Ctrl-C stops it");
    out.flush();
    Listening.untilStopped(proxy, "proxy-stop");
    return ExitCodes.OK;
  }

  private URI upstreamUri() {
    try {
      return new URI(upstream);
    } catch (java.net.URISyntaxException e) {
      throw new UsageException("UPSTREAM '" + upstream + "' is not a URL (" + e.getMessage() + "); give the server's "
          + "WebSocket URL, e.g. ws://127.0.0.1:8080/ws", e);
    }
  }

  private List<Violation> violations() {
    List<Violation> violations = new ArrayList<>();
    for (String id : violate) {
      violations.add(Violation.forRule(id).orElseThrow(() -> new UsageException("--violate " + id + ": there is no "
          + "switch for that rule; `longlink serve --list-violations` lists them (the proxy has all but those marked "
          + "[reference server only])")));
    }
    return violations;
  }

  private NetworkFaults network() {
    NetworkFaults faults = NetworkFaults.none();
    if (silentAfter != null) {
      faults = faults.silentAfter(count("--silent-after", silentAfter));
    }
    if (dropAfter != null) {
      faults = faults.dropAfter(count("--drop-after", dropAfter));
    }
    if (cutAfter != null) {
      faults = faults.cutAfter(count("--cut-after", cutAfter));
    }
    if (delayMs != null) {
      faults = faults.delayMs(delayMs);
    }
    return faults;
  }

  /** A count as given: a negative one is not "off" (NetworkFaults.OFF) but a mistake. */
  private static int count(String option, int value) {
    if (value < 0) {
      throw new UsageException(option + " is " + value + "; give 0-" + NetworkFaults.MAX_MESSAGES + " messages");
    }
    return value;
  }

  private static String breaking(ProxyConfig config) {
    String rules = config.violations().isEmpty() ? "breaking no rule"
        : "breaking " + config.violations().stream().map(Violation::switchId).collect(Collectors.joining(", "));
    return config.network().isNone() ? rules : rules + "; " + config.network().describe();
  }
}
