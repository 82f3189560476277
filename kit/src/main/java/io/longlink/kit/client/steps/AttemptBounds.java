package io.longlink.kit.client.steps;

import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.SessionParams;

/**
 * PROTOCOL.md §13 "Judging the backoff" for one attempt: the wait from the end of the previous
 * connection to the next attempt (the first bytes of a TCP connection) lies within {@code [lo_n - 50 ms, hi_n + τ]}, both bounds
 * raised to a goaway's {@code retry_after_ms} when one came (LL-RC-7). Every step that judges a
 * reconnect wait goes through here, so that all of them judge alike.
 */
final class AttemptBounds {

  private AttemptBounds() {}

  /**
   * Waits for TCP connection {@code connection}, the client's reconnect attempt {@code n}, and
   * checks its wait from {@code end}; {@code hintMs} is 0 without a goaway.
   *
   * @param what the attempt and the rules judged, for the failure: "reconnect attempt 0 (LL-RC-4)"
   */
  static HarnessEvent judge(ClientWorld world, String what, int connection, int n, HarnessEvent end, long hintMs) {
    long low = low(world, n, hintMs);
    long high = high(world, n, hintMs);
    HarnessEvent attempt = world.recorder().next(what, Wire.attempt(connection), ClientWorld.ms(high + 1000));
    Timing.within(what + " to wait " + (hintMs > 0 ? "max(retry_after_ms " + hintMs + ", d_" + n + ")" : "d_" + n)
        + " after the end of the previous connection", ClientWorld.between(end, attempt), low, high);
    return attempt;
  }

  /** The earliest wait allowed before attempt {@code n}. */
  static long low(ClientWorld world, int n, long hintMs) {
    return Math.max(hintMs, world.params().lo(n)) - HeartbeatSteps.EARLY_MS;
  }

  /** The latest wait allowed before attempt {@code n}. */
  static long high(ClientWorld world, int n, long hintMs) {
    SessionParams p = world.params();
    return Math.max(hintMs, p.hi(n)) + world.tau();
  }
}
