package io.longlink.kit.steps;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge of the sliding window fails a server only when every arrival time in the brackets breaks the rule. */
class RateJudgeTest {

  private static final long MS = 1_000_000L;
  private final RateJudge judge = new RateJudge(2, 1_000);

  /** A chat sent at {@code sentMs}, answered {@code rttMs} later. */
  private static RateJudge.Attempt chat(List<RateJudge.Attempt> into, long sentMs, long rttMs, boolean refused) {
    RateJudge.Attempt a = new RateJudge.Attempt("c" + into.size(), sentMs * MS, (sentMs + rttMs) * MS, refused);
    into.add(a);
    return a;
  }

  @Test
  void threeLetThroughWellInsideOneWindowIsTooMany() {
    List<RateJudge.Attempt> a = new ArrayList<>();
    chat(a, 0, 5, false);
    chat(a, 900, 5, false);
    chat(a, 950, 5, false);
    assertTrue(judge.tooManyLetThrough(a).isPresent());
  }

  @Test
  void threeThatMayHaveArrivedAWindowApartAreNot() {
    List<RateJudge.Attempt> a = new ArrayList<>();
    chat(a, 0, 5, false);
    chat(a, 500, 5, false);
    // Sent 985 ms after the first, answered 10 ms later: it may have arrived 995 ms after it,
    // within the 10 ms the judge allows for the server's clock.
    chat(a, 985, 10, false);
    assertFalse(judge.tooManyLetThrough(a).isPresent());
  }

  @Test
  void refusedOnesDoNotCountAsLetThrough() {
    List<RateJudge.Attempt> a = new ArrayList<>();
    chat(a, 0, 5, false);
    chat(a, 1, 5, false);
    chat(a, 2, 5, true);
    chat(a, 3, 5, true);
    assertFalse(judge.tooManyLetThrough(a).isPresent());
    assertFalse(judge.refusedBelowTheRate(a).isPresent());
  }

  @Test
  void aRefusalWithOnlyRefusedOnesInTheWindowIsWrong() {
    List<RateJudge.Attempt> a = new ArrayList<>();
    chat(a, 0, 5, false);
    chat(a, 1, 5, false);
    chat(a, 500, 5, true);
    chat(a, 1_100, 5, true);
    assertTrue(judge.refusedBelowTheRate(a).isPresent());
  }

  @Test
  void aRefusalIsRightWhenTheEarlierOnesMayStillHaveBeenInTheWindow() {
    List<RateJudge.Attempt> a = new ArrayList<>();
    // The second was answered only 1000 ms after it was sent: it may have arrived late enough
    // to be in the window of the one sent at 1005.
    chat(a, 0, 5, false);
    chat(a, 1, 1_000, false);
    chat(a, 1_005, 5, true);
    assertFalse(judge.refusedBelowTheRate(a).isPresent());
  }
}
