package io.longlink.kit.steps;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.settings.KitSettings;
import java.time.Duration;

/**
 * How long the kit waits, and how it judges timing rules: every bound gets the run's timing slack
 * on both sides, and a failure says what was measured against which bound.
 */
final class Waits {

  /** How long to wait for an answer the protocol sets no deadline for (acks, joined, errors, closes). */
  static final Duration REPLY = Duration.ofSeconds(5);

  private Waits() {}

  static long slackMs() {
    return KitSettings.current().timingSlack().toMillis();
  }

  /** A reply deadline plus slack. */
  static Duration reply() {
    return REPLY.plusMillis(slackMs());
  }

  /** A protocol bound plus slack. */
  static Duration bound(long ms) {
    return Duration.ofMillis(ms + slackMs());
  }

  /** Checks that {@code measuredMs} lies in [lower - slack, upper + slack]. */
  static void between(long measuredMs, long lowerMs, long upperMs, String expectation, String saw) {
    long slack = slackMs();
    if (measuredMs < lowerMs - slack || measuredMs > upperMs + slack) {
      throw new CheckFailure(expectation, saw, new CheckFailure.Timing(measuredMs,
          lowerMs + "-" + upperMs + " ms, with " + slack + " ms of slack on each side"));
    }
  }

  static long millisSince(long startNanos, long endNanos) {
    return Duration.ofNanos(endNanos - startNanos).toMillis();
  }
}
