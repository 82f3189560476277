package io.longlink.server.violation;

import io.longlink.server.limits.RateLimit;
import io.longlink.server.limits.RateLimiter;
import java.util.ArrayDeque;

/**
 * The rate limits of the LL-LIM-3 and LL-LIM-4 switches: the common ways a rate limiter is
 * written wrong, each of which one of the kit's scenarios has to catch.
 */
public final class RateLimitFaults {

  private RateLimitFaults() {}

  /** The rate limit of one connection: the sliding window of PROTOCOL.md, unless a switch says otherwise. */
  public static RateLimit forConnection(Violations violations, int limit, long windowMs) {
    if (violations.has(Violation.LIM_3_NONE)) {
      return nowMs -> 0;
    }
    if (violations.has(Violation.LIM_3)) {
      return new FixedWindow(limit, windowMs, true);
    }
    if (violations.has(Violation.LIM_3_ANCHORED)) {
      return new FixedWindow(limit, windowMs, false);
    }
    if (violations.has(Violation.LIM_4)) {
      return new RateLimiter(Math.max(1, limit / 2), windowMs);
    }
    if (violations.has(Violation.LIM_4_REFUSED)) {
      return new CountsRefused(limit, windowMs);
    }
    return new RateLimiter(limit, windowMs);
  }

  /**
   * A counter that starts again at each window: windows aligned to the clock (as a counter keyed
   * by {@code now / window} is), or starting with the first message after the last one ended.
   * Either lets up to twice the limit through across a window's edge.
   */
  private static final class FixedWindow implements RateLimit {
    private final int limit;
    private final long windowMs;
    private final boolean aligned;
    private long start = Long.MIN_VALUE;
    private int count;

    FixedWindow(int limit, long windowMs, boolean aligned) {
      this.limit = limit;
      this.windowMs = windowMs;
      this.aligned = aligned;
    }

    @Override
    public long tryAcquire(long nowMs) {
      if (start == Long.MIN_VALUE || nowMs - start >= windowMs) {
        start = aligned ? Math.floorDiv(nowMs, windowMs) * windowMs : nowMs;
        count = 0;
      }
      if (count < limit) {
        count++;
        return 0;
      }
      return Math.max(1, start + windowMs - nowMs);
    }
  }

  /** A sliding window that counts every message, the ones it refuses too: a steady sender is shut out for good. */
  private static final class CountsRefused implements RateLimit {
    private final int limit;
    private final long windowMs;
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

    CountsRefused(int limit, long windowMs) {
      this.limit = limit;
      this.windowMs = windowMs;
    }

    @Override
    public long tryAcquire(long nowMs) {
      while (!arrivals.isEmpty() && arrivals.peekFirst() <= nowMs - windowMs) {
        arrivals.pollFirst();
      }
      boolean within = arrivals.size() < limit;
      arrivals.addLast(nowMs);
      return within ? 0 : Math.max(1, arrivals.peekFirst() + windowMs - nowMs);
    }
  }
}
