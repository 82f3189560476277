package io.longlink.cli.rules;

import io.longlink.cli.ExitCodes;
import io.longlink.cli.LonglinkCommand;
import io.longlink.cli.RuleBlocks;
import io.longlink.kit.run.Discovery;
import io.longlink.kit.run.RuleReferences;
import io.longlink.rules.Rule;
import io.longlink.rules.Side;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code longlink rules}: every rule of PROTOCOL.md and the scenarios of the kit that check it. */
@Command(
    name = "rules",
    description = "Lists the rules of PROTOCOL.md: ID, level, side, title, text, and the scenarios that check each.")
public final class RulesCommand implements Callable<Integer> {

  @ParentCommand
  private LonglinkCommand parent;

  @Spec
  private CommandSpec spec;

  @Option(names = "--side", paramLabel = "SIDE", description = "Only the rules that bind this side: server or client.")
  private Side side;

  @Option(names = "--rules", paramLabel = "IDS", split = ",",
      description = "Only these rule IDs and areas, comma-separated, e.g. LL-HB-3,LL-DD.")
  private List<String> rules = new ArrayList<>();

  @Override
  public Integer call() {
    var context = parent.context();
    List<String> references = RuleReferences.split(rules);
    Set<Rule> chosen = new LinkedHashSet<>();
    RuleReferences.resolve(context.catalog(), references, "--rules").values().forEach(chosen::addAll);
    Discovery discovery = context.runner().build().discoverAll();
    PrintWriter out = spec.commandLine().getOut();
    int shown = 0;
    for (Rule rule : context.catalog().all()) {
      if ((side == null || rule.side() == side) && (references.isEmpty() || chosen.contains(rule))) {
        RuleBlocks.print(out, rule, discovery.scenariosFor(rule.id()), rule.side() == Side.SERVER
            ? "`longlink check server` reports it as not covered" : "the kit checks servers only");
        shown++;
      }
    }
    out.println(shown + (shown == 1 ? " rule." : " rules."));
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    discovery.problems().forEach(p -> err.println("warning: the kit's features have a problem: " + p));
    err.flush();
    return ExitCodes.OK;
  }
}
