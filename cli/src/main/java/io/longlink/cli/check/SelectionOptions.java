package io.longlink.cli.check;

import io.longlink.kit.run.RuleSelection;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which rules a check covers: {@code --rules}, {@code --tags}, {@code --strict}. */
final class SelectionOptions {

  @Option(names = "--rules", paramLabel = "IDS", split = ",",
      description = "Only these rule IDs and areas, comma-separated, e.g. LL-HB-3,LL-DD (an area is every rule of it). "
          + "List them with `longlink rules --side server` (or client). Default: every MUST rule of the side checked.")
  private List<String> rules = new ArrayList<>();

  @Option(names = "--tags", paramLabel = "EXPRESSION",
      description = "Only the scenarios matching this Cucumber tag expression, e.g. 'not @slow'.")
  private String tags;

  @Option(names = "--strict", description = "Check the SHOULD rules too; a failed SHOULD rule then fails the run (exit 1), as a MUST rule does. Without it SHOULD rules are not run.")
  private boolean strict;

  /** @throws io.longlink.kit.run.SelectionException when a value names nothing the spec knows */
  RuleSelection selection(RuleCatalog catalog, Side side) {
    return RuleSelection.of(catalog, side, rules, tags, strict);
  }
}
