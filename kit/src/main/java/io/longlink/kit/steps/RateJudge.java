package io.longlink.kit.steps;

import io.longlink.kit.CheckFailure;
import java.util.List;
import java.util.Optional;

/**
 * Judges a connection's rate limit against the sliding window of LL-LIM-3 and LL-LIM-4 without a
 * timing tolerance: the kit cannot see when the server counted a message, only that it was
 * between the kit sending it and the kit receiving the answer, so a verdict holds for every
 * arrival time inside those brackets. Only the grain of the server's clock is allowed for
 * ({@link #CLOCK_GRAIN_MS}). Frames on one connection arrive in the order they were sent.
 */
final class RateJudge {

  /** What the kit allows for a server's clock counting in whole or coarse milliseconds. */
  static final long CLOCK_GRAIN_MS = 10;

  /**
   * One message the rate limit counts: when the kit sent it and received its answer
   * ({@link System#nanoTime()}), and whether the answer refused it for rate.
   */
  record Attempt(String id, long sentNanos, long answeredNanos, boolean refusedForRate) {}

  private final long rate;
  private final long windowNanos;
  private final long grainNanos = CLOCK_GRAIN_MS * 1_000_000L;

  RateJudge(long rate, long windowMs) {
    this.rate = rate;
    this.windowNanos = windowMs * 1_000_000L;
  }

  /**
   * LL-LIM-3: {@code rate + 1} messages that were not refused for rate all arrived within less
   * than the window, whatever their arrival times inside their brackets; attempts in send order.
   */
  Optional<CheckFailure> tooManyLetThrough(List<Attempt> attempts) {
    List<Attempt> counted = attempts.stream().filter(a -> !a.refusedForRate()).toList();
    for (int first = 0; first + rate < counted.size(); first++) {
      long lastAnswer = Long.MIN_VALUE;
      for (int i = first; i <= first + rate; i++) {
        lastAnswer = Math.max(lastAnswer, counted.get(i).answeredNanos());
      }
      long span = lastAnswer - counted.get(first).sentNanos();
      if (span < windowNanos - grainNanos) {
        Attempt last = counted.get((int) (first + rate));
        return Optional.of(new CheckFailure("at most " + rate + " chats let through in any " + windowNanos / 1_000_000
            + " ms (limits.rate_window_ms, a sliding window); chat " + last.id() + " to be refused for rate",
            (rate + 1) + " chats let through, from " + counted.get(first).id() + " to " + last.id() + ", all within "
                + span / 1_000_000 + " ms of sending the first, counting until the last answer: a fixed window lets "
                + "up to twice the rate through across its edge",
            new CheckFailure.Timing(span / 1_000_000, "under " + windowNanos / 1_000_000 + " ms, less "
                + CLOCK_GRAIN_MS + " ms for the server's clock")));
      }
    }
    return Optional.empty();
  }

  /**
   * LL-LIM-4: a message refused for rate although fewer than {@code rate} messages that were not
   * refused for rate can have arrived in the window before it; attempts in send order.
   */
  Optional<CheckFailure> refusedBelowTheRate(List<Attempt> attempts) {
    for (int r = 0; r < attempts.size(); r++) {
      Attempt refused = attempts.get(r);
      if (!refused.refusedForRate()) {
        continue;
      }
      long inWindow = 0;
      for (int j = 0; j < r; j++) {
        Attempt earlier = attempts.get(j);
        // Earliest arrival of the refused one against the latest of the earlier one.
        if (!earlier.refusedForRate() && refused.sentNanos() - earlier.answeredNanos() < windowNanos + grainNanos) {
          inWindow++;
        }
      }
      if (inWindow < rate) {
        return Optional.of(new CheckFailure("chat " + refused.id() + " let through: at most " + inWindow + " chats "
            + "not refused for rate can have arrived in the " + windowNanos / 1_000_000 + " ms before it "
            + "(limits.rate_window_ms), fewer than limits.rate_messages " + rate + "; refused ones do not count",
            "chat " + refused.id() + " refused for rate"));
      }
    }
    return Optional.empty();
  }
}
