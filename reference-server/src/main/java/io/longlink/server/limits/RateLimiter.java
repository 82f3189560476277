package io.longlink.server.limits;

import java.util.ArrayDeque;

/**
 * The sliding-window rate limit of PROTOCOL.md LL-LIM-3/LL-LIM-4: a message is refused when the
 * connection already had {@code limit} messages accepted in the last {@code windowMs}. Keeps the
 * acceptance times of at most {@code limit} messages. One per connection; not thread-safe.
 */
public final class RateLimiter implements RateLimit {

  private final int limit;
  private final long windowMs;
  private final ArrayDeque<Long> accepted = new ArrayDeque<>();

  public RateLimiter(int limit, long windowMs) {
    if (limit < 1 || windowMs < 1) {
      throw new IllegalArgumentException("a rate limit needs limit >= 1 and window >= 1 ms, got " + limit + " per " + windowMs);
    }
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Records an acceptance and returns 0, or returns how many ms until the oldest acceptance leaves the window. */
  @Override
  public long tryAcquire(long nowMs) {
    while (!accepted.isEmpty() && accepted.peekFirst() <= nowMs - windowMs) {
      accepted.pollFirst();
    }
    if (accepted.size() < limit) {
      accepted.addLast(nowMs);
      return 0;
    }
    return Math.max(1, accepted.peekFirst() + windowMs - nowMs);
  }
}
