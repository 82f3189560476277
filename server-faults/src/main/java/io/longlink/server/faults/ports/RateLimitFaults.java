package io.longlink.server.faults.ports;

import io.longlink.server.limits.RateLimit;
import io.longlink.server.limits.RateLimiter;
import io.longlink.server.limits.RateLimits;
import java.util.ArrayDeque;

/**
 * The rate limits of the LL-LIM-3 and LL-LIM-4 switches: the common ways a rate limiter is
 * written wrong, each of which one of the kit's scenarios has to catch.
 */
public final class RateLimitFaults {

  private RateLimitFaults() {}

  /** LL-LIM-3 (none): no rate limit at all. */
  public static final RateLimits NONE = (limit, windowMs) -> nowMs -> 0;
  /** LL-LIM-3: fixed windows aligned to the clock, as a counter keyed by now / window is. */
  public static final RateLimits ALIGNED_WINDOWS = (limit, windowMs) -> new FixedWindow(limit, windowMs, true);
  /** LL-LIM-3 (anchored): fixed windows that start with the first message after the last one ended. */
  public static final RateLimits ANCHORED_WINDOWS = (limit, windowMs) -> new FixedWindow(limit, windowMs, false);
  /** LL-LIM-4: half the advertised rate. */
  public static final RateLimits HALF_THE_RATE = (limit, windowMs) -> new RateLimiter(Math.max(1, limit / 2), windowMs);
  /** LL-LIM-4 (refused): refused messages counted too. */
  public static final RateLimits COUNTS_REFUSED = CountsRefused::new;

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
