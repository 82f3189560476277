package io.longlink.kit.run;

/**
 * Hears about a run while it goes, for live progress. Called from the threads that run the
 * scenarios: implementations must be thread-safe.
 */
public interface RuleListener {

  /** Hears nothing. */
  RuleListener NONE = new RuleListener() {};

  /**
   * The scenarios are about to start.
   *
   * @param scenarios how many will run
   * @param rules how many selected rules they check
   * @param parallelism how many run at once
   */
  default void runStarted(int scenarios, int rules, int parallelism) {}

  /** Every selected scenario of a rule has finished; the verdict is final. */
  default void ruleFinished(RuleVerdict verdict) {}
}
