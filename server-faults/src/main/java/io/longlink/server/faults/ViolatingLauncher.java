package io.longlink.server.faults;

import io.longlink.rules.RuleCatalog;
import io.longlink.server.LonglinkServer;
import io.longlink.server.cli.ServeCommand;
import io.longlink.server.config.ServerConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --violate} and {@code --list-violations} for {@code serve}: the reference server told
 * to break rules on purpose, to see the conformance kit catch it. A mixin of the kit's CLI; the
 * reference server's own command has neither option.
 */
public final class ViolatingLauncher implements ServeCommand.Launcher {

  @Option(names = "--violate", paramLabel = "RULE-ID",
      description = "Break one rule on purpose (repeatable), to see the conformance kit catch it. See --list-violations.")
  List<String> violate = new ArrayList<>();

  @Option(names = "--list-violations", description = "List the rules this server can break, with their text, and exit. The breaking proxy "
      + "(`longlink proxy`) breaks all but those marked [reference server only] in front of any server.")
  boolean listViolations;

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (String id : violate) {
      if (Violation.forRule(id).isEmpty()) {
        problems.add("--violate " + id + ": this server has no switch for that rule; see --list-violations");
      }
    }
    return problems;
  }

  @Override
  public boolean runsInstead(PrintWriter out) {
    if (!listViolations) {
      return false;
    }
    RuleCatalog rules = RuleCatalog.load();
    for (Violation v : Violation.values()) {
      out.println(v.switchId() + "  " + v.behaviour() + (Faults.proxyable(v) ? "" : "  [reference server only]"));
      rules.find(v.ruleId()).ifPresent(r -> out.println("    rule: " + r.text()));
    }
    return true;
  }

  @Override
  public LonglinkServer start(ServerConfig config) throws Exception {
    List<Violation> violations = new ArrayList<>();
    for (String id : violate) {
      violations.add(Violation.forRule(id).orElseThrow());
    }
    return FaultyServer.start(config, violations);
  }
}
