package io.longlink.server.faults.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.longlink.server.faults.Violation;
import io.longlink.server.limits.RateLimit;
import io.longlink.server.limits.RateLimits;
import org.junit.jupiter.api.Test;

/** The LL-LIM-3 and LL-LIM-4 switches break the window the way their behaviour says, and no more. */
class RateLimitFaultsTest {

  private static long letThrough(RateLimit limit, long... times) {
    long n = 0;
    for (long t : times) {
      n += limit.tryAcquire(t) == 0 ? 1 : 0;
    }
    return n;
  }

  private static RateLimit of(Violation v) {
    RateLimits limits = v == null ? RateLimits.SLIDING_WINDOW : switch (v) {
      case LIM_3 -> RateLimitFaults.ALIGNED_WINDOWS;
      case LIM_3_ANCHORED -> RateLimitFaults.ANCHORED_WINDOWS;
      case LIM_3_NONE -> RateLimitFaults.NONE;
      case LIM_4 -> RateLimitFaults.HALF_THE_RATE;
      case LIM_4_REFUSED -> RateLimitFaults.COUNTS_REFUSED;
      default -> throw new IllegalArgumentException(v + " is not a rate limit fault");
    };
    return limits.forConnection(2, 1_000);
  }

  @Test
  void withoutASwitchTheWindowSlides() {
    assertEquals(3, letThrough(of(null), 0, 900, 950, 1_000, 1_899));
  }

  @Test
  void aWindowAlignedToTheClockStartsAgainAtEachWholeWindow() {
    // 900 and 950 fill the window [0, 1000); 1000 and 1010 fill the next one, 110 ms later.
    assertEquals(4, letThrough(of(Violation.LIM_3), 900, 950, 1_000, 1_010, 1_020));
  }

  @Test
  void anAnchoredWindowStartsWithTheFirstMessageAfterTheLastOneEnded() {
    // [0, 1000) holds 0 and 950; 1000 opens [1000, 2000), which 1010 fills.
    assertEquals(4, letThrough(of(Violation.LIM_3_ANCHORED), 0, 950, 1_000, 1_010, 1_020));
    // A single burst sees no difference from a sliding window.
    assertEquals(2, letThrough(of(Violation.LIM_3_ANCHORED), 5_000, 5_001, 5_002));
  }

  @Test
  void countingRefusalsShutsOutASteadySender() {
    // One every 400 ms: a sliding window lets 4 of 6 through, one that counts refusals only the first 2.
    assertEquals(4, letThrough(of(null), 0, 400, 800, 1_200, 1_600, 2_000));
    assertEquals(2, letThrough(of(Violation.LIM_4_REFUSED), 0, 400, 800, 1_200, 1_600, 2_000));
  }

  @Test
  void theOtherSwitchesLeaveNoLimitOrHalfOfIt() {
    assertEquals(5, letThrough(of(Violation.LIM_3_NONE), 0, 1, 2, 3, 4));
    assertEquals(1, letThrough(of(Violation.LIM_4), 0, 1, 2));
  }

  @Test
  void aSwitchIdNamesItsRuleAndVariant() {
    assertEquals("LL-LIM-3/anchored", Violation.LIM_3_ANCHORED.switchId());
    assertEquals(Violation.LIM_3, Violation.forRule("LL-LIM-3").orElseThrow());
    assertEquals(Violation.LIM_3_ANCHORED, Violation.forRule("LL-LIM-3/anchored").orElseThrow());
  }
}
