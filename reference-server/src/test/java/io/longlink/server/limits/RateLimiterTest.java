package io.longlink.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The sliding window of LL-LIM-3 and LL-LIM-4, on times the test gives. */
class RateLimiterTest {

  @Test
  void theLimitHoldsInEveryWindowNotOnlyInWindowsAlignedToTheClock() {
    RateLimiter limiter = new RateLimiter(2, 1_000);
    assertEquals(0, limiter.tryAcquire(900));
    assertEquals(0, limiter.tryAcquire(950));
    // A fixed window would open at 1,000; the sliding one still holds 900 and 950.
    assertEquals(900, limiter.tryAcquire(1_000));
    assertEquals(0, limiter.tryAcquire(1_900));
    assertEquals(50, limiter.tryAcquire(1_900));
    assertEquals(0, limiter.tryAcquire(1_950));
  }

  @Test
  void aRefusedMessageIsNotCountedAndTheWaitSaysWhenTheNextWouldPass() {
    RateLimiter limiter = new RateLimiter(1, 100);
    assertEquals(0, limiter.tryAcquire(0));
    for (long t = 1; t < 100; t += 7) {
      assertEquals(100 - t, limiter.tryAcquire(t), "at " + t);
    }
    assertEquals(0, limiter.tryAcquire(100), "refusals did not push the window on");
  }

  @Test
  void aLimitOrWindowBelowOneIsRefusedWithTheValuesGiven() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1_000));
    assertEquals("a rate limit needs limit >= 1 and window >= 1 ms, got 0 per 1000", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0));
  }
}
