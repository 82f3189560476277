package io.longlink.client.reconnect;

import io.longlink.client.connection.SessionParams;
import java.util.random.RandomGenerator;

/**
 * The reconnect delays of LL-RC-2: {@code delay_n = min(max_delay_ms, initial_delay_ms *
 * multiplier^n)}, the wait drawn uniformly from {@code [delay_n * (1 - jitter), delay_n]}.
 */
public final class Backoff implements BackoffPolicy {

  private final RandomGenerator random;

  /** Draws with {@code random}; tests pass a seeded one to get the same draws every run. */
  public Backoff(RandomGenerator random) {
    this.random = random;
  }

  /** {@code delay_n}, the ceiling of the wait before the attempt with index {@code n} (n >= 0). */
  public static long ceiling(SessionParams p, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("the backoff index n is at least 0, was " + n);
    }
    // pow overflows to infinity for large n; min brings it back to the cap.
    double delay = Math.min((double) p.maxDelayMs(), p.initialDelayMs() * Math.pow(p.multiplier(), n));
    return (long) Math.floor(delay);
  }

  /** The lowest wait the jitter allows before attempt index {@code n}. */
  public static long floor(SessionParams p, int n) {
    return (long) Math.ceil(ceiling(p, n) * (1 - p.jitter()));
  }

  /** A wait drawn uniformly from {@code [floor, ceiling]} for index {@code n}. */
  @Override
  public long draw(SessionParams p, int n) {
    long low = floor(p, n);
    long high = ceiling(p, n);
    return low >= high ? high : random.nextLong(low, high + 1);
  }
}
