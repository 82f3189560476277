package io.longlink.kit;

import java.util.List;

/**
 * A breach of rules that hold on every connection of every scenario (LL-TR-1, LL-MSG-1,
 * LL-CLOSE-1...): it fails those rules, with the scenario as the evidence. Found when a scenario
 * ends, after its own checks held, it fails only them; found by a check of the scenario's own (a
 * close with a code outside the table where the scenario awaited another), it fails the
 * scenario's rules too.
 */
public final class StandingRuleBreach extends CheckFailure {

  private static final long serialVersionUID = 1L;

  private final List<String> ruleIds;
  private final boolean ownChecksHeld;

  /**
   * A breach found after the scenario's own checks held.
   *
   * @param ruleIds the rules breached, each one of {@code io.longlink.kit.run.StandingRules}
   */
  public StandingRuleBreach(List<String> ruleIds, String expected, String actual) {
    this(ruleIds, true, expected, actual);
  }

  private StandingRuleBreach(List<String> ruleIds, boolean ownChecksHeld, String expected, String actual) {
    super(expected, actual);
    if (ruleIds.isEmpty()) {
      throw new IllegalArgumentException("a breach names the rules it breaks");
    }
    this.ruleIds = List.copyOf(ruleIds);
    this.ownChecksHeld = ownChecksHeld;
  }

  /** A check of the scenario's own failed, and the way it failed breaks these standing rules too. */
  public static StandingRuleBreach alongside(CheckFailure own, List<String> ruleIds, String why) {
    StandingRuleBreach breach = new StandingRuleBreach(ruleIds, false, own.expected(), own.actual() + "; " + why);
    breach.initCause(own);
    return breach;
  }

  /** Whether the scenario's own checks held, so that its own rules pass. */
  public boolean ownChecksHeld() {
    return ownChecksHeld;
  }

  /** The rules breached. */
  public List<String> ruleIds() {
    return ruleIds;
  }
}
