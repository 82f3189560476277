package io.longlink.kit.run;

import io.longlink.rules.Rule;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How much of one side of the spec a run checked, in the spirit of interoperability suites that
 * say "N of M rules checked" and list the rest.
 *
 * @param total the rules of the side (retired ones aside)
 * @param checked those that passed or failed
 * @param unchecked the others, by status (skipped, not covered, not selected), in document order
 */
public record Coverage(int total, int checked, Map<RuleStatus, List<Rule>> unchecked) {

  static Coverage of(List<RuleVerdict> verdictsOfSide) {
    List<RuleVerdict> live = verdictsOfSide.stream().filter(v -> !v.rule().retired()).toList();
    int checked = (int) live.stream().filter(v -> v.status().checked()).count();
    Map<RuleStatus, List<Rule>> unchecked = live.stream().filter(v -> !v.status().checked())
        .collect(Collectors.groupingBy(RuleVerdict::status, () -> new EnumMap<>(RuleStatus.class),
            Collectors.mapping(RuleVerdict::rule, Collectors.toList())));
    return new Coverage(live.size(), checked, Collections.unmodifiableMap(unchecked));
  }

  /** The unchecked rules of one status. */
  public List<Rule> unchecked(RuleStatus status) {
    return unchecked.getOrDefault(status, List.of());
  }

  /** "41 of 62 server rules checked". */
  public String headline(String side) {
    return checked + " of " + total + " " + side + " rules checked";
  }

  /**
   * The rules that passed although the kit checks only part of them (PROTOCOL.md §22): a reviewer
   * checks the rest, which {@link Rule#checkedInPart()} says.
   */
  public static List<Rule> passedInPart(List<RuleVerdict> verdicts) {
    return verdicts.stream().filter(RuleVerdict::passedInPart).map(RuleVerdict::rule).toList();
  }

  /** IDs of the unchecked rules of a status, comma-separated. */
  public String ids(RuleStatus status) {
    return unchecked(status).stream().map(Rule::id).collect(Collectors.joining(", "));
  }

  /** The rules without a scenario that PROTOCOL.md §22 leaves to a reviewer: no wire check can judge them. */
  public List<Rule> leftToAReviewer() {
    return unchecked(RuleStatus.NOT_COVERED).stream().filter(r -> r.whyNotJudgeable().isPresent()).toList();
  }

  /** The rules without a scenario that a wire check could judge: the kit's gaps. */
  public List<Rule> lackingAScenario() {
    return unchecked(RuleStatus.NOT_COVERED).stream().filter(r -> r.whyNotJudgeable().isEmpty()).toList();
  }

  /** IDs, comma-separated. */
  public static String ids(List<Rule> rules) {
    return rules.stream().map(Rule::id).collect(Collectors.joining(", "));
  }
}
