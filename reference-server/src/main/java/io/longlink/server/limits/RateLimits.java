package io.longlink.server.limits;

/** Makes each connection's rate limit: the sliding window of PROTOCOL.md (LL-LIM-3) unless another is given. */
@FunctionalInterface
public interface RateLimits {

  RateLimits SLIDING_WINDOW = RateLimiter::new;

  RateLimit forConnection(int limit, long windowMs);
}
