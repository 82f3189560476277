package io.longlink.cli.check;

import io.longlink.cli.ExitCodes;
import io.longlink.cli.RuleBlocks;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.Discovery;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.ScenarioRef;
import io.longlink.rules.Rule;
import java.io.PrintWriter;
import java.util.List;

/** {@code --dry-run}: what a check would run, rule by rule, without contacting anything. */
final class DryRun {

  private DryRun() {}

  /** @return the exit code: 1 when the features have problems, since the run would fail on them */
  static int print(ConformanceRunner runner, RuleSelection selection, PrintWriter out, PrintWriter err) {
    Discovery discovery = runner.discover(selection);
    Discovery everything = runner.discoverAll();
    out.println("Dry run, nothing is sent: " + discovery.scenarios().size() + " scenario"
        + (discovery.scenarios().size() == 1 ? "" : "s") + " would check " + selection.describe() + ".");
    out.println("Scenarios run when their tags match: " + selection.tagExpression());
    out.println();
    int uncovered = 0;
    for (Rule rule : selection.rules()) {
      List<ScenarioRef> scenarios = discovery.scenariosFor(rule.id());
      RuleBlocks.print(out, rule, scenarios, "it would be reported as " + (everything.scenariosFor(rule.id()).isEmpty()
          ? "not covered" : "not selected (--tags leaves out its scenarios)"));
      uncovered += scenarios.isEmpty() ? 1 : 0;
    }
    out.println((selection.rules().size() - uncovered) + " of " + selection.rules().size()
        + " selected rules have scenarios to run.");
    out.flush();
    discovery.problems().forEach(p -> err.println("error: the kit's features have a problem: " + p));
    err.flush();
    return discovery.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
