package io.longlink.kit;

import java.util.List;

/**
 * A breach of rules that hold on every connection of every scenario (LL-TR-1, LL-MSG-1...), found
 * when a scenario ends: it fails those rules, with the scenario as the evidence, and not the
 * rules the scenario is about, whose own checks passed.
 */
public final class StandingRuleBreach extends CheckFailure {

  private static final long serialVersionUID = 1L;

  private final List<String> ruleIds;

  /**
   * @param ruleIds the rules breached, each one of {@code io.longlink.kit.run.StandingRules}
   */
  public StandingRuleBreach(List<String> ruleIds, String expected, String actual) {
    super(expected, actual);
    if (ruleIds.isEmpty()) {
      throw new IllegalArgumentException("a breach names the rules it breaks");
    }
    this.ruleIds = List.copyOf(ruleIds);
  }

  /** The rules breached. */
  public List<String> ruleIds() {
    return ruleIds;
  }
}
