package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What is owed when the drain ends is lost only if the server had stopped delivering. */
class LoadReportTest {

  private static final LoadPlan PLAN = new LoadPlan(URI.create("ws://127.0.0.1/ws"), u -> "t", u -> Optional.empty(), 2,
      10, Duration.ZERO, Duration.ofSeconds(1), 0, 8, 0, LoadPlan.Stack.LONGLINK, 10, Duration.ofSeconds(1),
      Duration.ZERO, Duration.ZERO, "r1");

  private static LoadReport report(boolean stillDelivering) {
    Tally t = new Tally(10, 0, 1, 1);
    t.startAt(System.nanoTime());
    t.sent(0);
    t.acked(0, System.nanoTime());
    return LoadReport.of(PLAN, t, 2, 2, 10, 1_000, false, stillDelivering, 0, 0, new CostMeter(Optional.empty()), 2_000);
  }

  @Test
  void owedWhileTheServerStillDeliversIsUndecided() {
    LoadReport r = report(true);
    assertEquals("UNDECIDED", r.verdict(), r::text);
    assertTrue(r.text().contains("Result: UNDECIDED") && r.text().contains("lower --rate or give a longer --drain"), r::text);
    assertTrue(r.json().contains("\"verdict\" : \"UNDECIDED\""), r::json);
  }

  @Test
  void owedAfterTheServerWentQuietIsLost() {
    LoadReport r = report(false);
    assertEquals("BROKEN", r.verdict(), r::text);
    assertTrue(r.text().contains("Result: BROKEN: 1 lost"), r::text);
  }
}
