package io.longlink.kit.client.steps;

import java.util.List;

/**
 * The sliding window of LL-LIM-8 over arrivals: the tightest run of {@code allowed + 1}
 * consecutive arrivals is the one that comes closest to breaking "at most {@code allowed} in any
 * window", wherever the window starts.
 */
final class RateWindows {

  /** The run from arrival {@code from} (0-based) to arrival {@code from + allowed}, and its span. */
  record Tightest(int from, long spanMs) {}

  private RateWindows() {}

  /** The tightest run of {@code allowed + 1} arrivals (nanos, in order), or null when fewer arrived. */
  static Tightest tightest(List<Long> arrivalNanos, int allowed) {
    Tightest tightest = null;
    for (int i = 0; i + allowed < arrivalNanos.size(); i++) {
      long span = (arrivalNanos.get(i + allowed) - arrivalNanos.get(i)) / 1_000_000;
      if (tightest == null || span < tightest.spanMs()) {
        tightest = new Tightest(i, span);
      }
    }
    return tightest;
  }
}
