package io.longlink.kit.run;

import io.longlink.rules.Side;
import java.util.Set;

/**
 * The rules judged on every connection of every scenario of a side, besides their own scenarios
 * (DRIVER.md §9 for the client's): a run holds back their verdicts until its last scenario has
 * ended, since any scenario can breach them.
 */
public final class StandingRules {

  /** What the client harness checks on every connection (the client hooks). */
  public static final Set<String> CLIENT = Set.of("LL-TR-1", "LL-TR-5", "LL-MSG-4", "LL-AUTH-1", "LL-SEC-2", "LL-RC-3");

  /**
   * What the kit checks on every frame a server sends (the server hooks), and on every close a
   * server starts ({@link io.longlink.kit.wire.CloseCodes}).
   */
  public static final Set<String> SERVER = Set.of("LL-MSG-1", "LL-CLOSE-1");

  private StandingRules() {}

  public static Set<String> of(Side side) {
    return side == Side.CLIENT ? CLIENT : SERVER;
  }
}
