package io.longlink.server.limits;

/** A connection's rate limit (PROTOCOL.md LL-LIM-3, LL-LIM-4). One per connection; not thread-safe. */
public interface RateLimit {

  /**
   * Counts a message that arrived at {@code nowMs} and returns 0 when the limit lets it through;
   * otherwise counts nothing and returns how many ms until it would.
   */
  long tryAcquire(long nowMs);
}
