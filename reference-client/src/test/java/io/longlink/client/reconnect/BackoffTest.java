package io.longlink.client.reconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.connection.SessionParams;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final SessionParams DEFAULTS = SessionParams.defaults();

  @Test
  void ceilingsGrowByTheMultiplierUpToTheCap() {
    long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
    for (int n = 0; n < expected.length; n++) {
      assertEquals(expected[n], Backoff.ceiling(DEFAULTS, n), "delay_" + n);
    }
    assertEquals(30_000, Backoff.ceiling(DEFAULTS, 5_000), "a huge n overflows pow and still gives the cap");
  }

  @Test
  void drawsStayWithinTheJitterBandAndSpreadOverIt() {
    Backoff backoff = new Backoff(new Random(7));
    for (int n = 0; n < 8; n++) {
      long low = Backoff.floor(DEFAULTS, n);
      long high = Backoff.ceiling(DEFAULTS, n);
      assertEquals(high - high / 2, low, "jitter 0.5 halves the floor at n=" + n);
      Set<Long> seen = new HashSet<>();
      double min = 1;
      double max = 0;
      for (int i = 0; i < 2_000; i++) {
        long wait = backoff.draw(DEFAULTS, n);
        assertTrue(wait >= low && wait <= high, "draw " + wait + " outside [" + low + ", " + high + "] at n=" + n);
        seen.add(wait);
        double u = (double) (wait - low) / (high - low);
        min = Math.min(min, u);
        max = Math.max(max, u);
      }
      assertTrue(min < 0.05 && max > 0.95, "2000 draws cover the band at n=" + n + ": " + min + ".." + max);
      assertTrue(seen.size() > 100, "draws are spread, not a handful of values");
    }
  }

  @Test
  void noJitterMeansTheCeilingExactly() {
    SessionParams fixed = new SessionParams(25_000, 60_000, 100, 3.0, 5_000, 0.0, 65_536, 20, 1_000, 600_000, false);
    Backoff backoff = new Backoff(new Random(1));
    assertEquals(100, backoff.draw(fixed, 0));
    assertEquals(300, backoff.draw(fixed, 1));
    assertEquals(900, backoff.draw(fixed, 2));
    assertEquals(5_000, backoff.draw(fixed, 4));
  }

  @Test
  void fullJitterReachesZero() {
    SessionParams full = new SessionParams(25_000, 60_000, 1_000, 2.0, 30_000, 1.0, 65_536, 20, 1_000, 600_000, false);
    assertEquals(0, Backoff.floor(full, 3));
    assertEquals(8_000, Backoff.ceiling(full, 3));
  }
}
