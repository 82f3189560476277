package io.longlink.kit.client.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LL-LIM-8's window slides over every arrival, not only over the first of a batch. */
class RateWindowsTest {

  private static long ms(long millis) {
    return millis * 1_000_000;
  }

  @Test
  void theTightestRunIsFoundWhereverItStarts() {
    // Batches at 0 and 660 ms pass a 5-per-540 ms check; the run from the third chat of the first
    // batch to the third of the second is what breaks a check that only starts windows at batches.
    List<Long> arrivals = List.of(ms(0), ms(1), ms(400), ms(401), ms(402), ms(660), ms(661), ms(662), ms(663), ms(664));
    RateWindows.Tightest t = RateWindows.tightest(arrivals, 5);
    assertEquals(2, t.from());
    assertEquals(262, t.spanMs());
  }

  @Test
  void fewerArrivalsThanAllowedHaveNoRun() {
    assertNull(RateWindows.tightest(List.of(ms(0), ms(1), ms(2)), 5));
  }
}
