package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What is owed when the drain ends is lost only if the server had stopped delivering. */
class LoadReportTest {

  private static final LoadPlan PLAN = new LoadPlan(List.of(URI.create("ws://127.0.0.1/ws")), u -> "t",
      u -> Optional.empty(), 2, 10, Duration.ZERO, Duration.ofSeconds(1), 0, 8, 0, LoadPlan.Stack.LONGLINK, 10,
      Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Duration.ZERO, "r1");

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
  void aClusterRunListsEveryNodeAndTheKill() {
    LoadReport r = report(false).with(LoadReport.Restart.NONE, List.of(
        new LoadReport.Node("ws://127.0.0.1:1/ws", 12, 0, 2), new LoadReport.Node("ws://127.0.0.1:2/ws", 5, 3, 0)),
        new LoadReport.Kill(4242, List.of("ws://127.0.0.1:2/ws"), 10_000, 15_200, 4));
    assertTrue(r.text().contains("node 1     ws://127.0.0.1:1/ws: 12 connections, 0 connect failures, 2 open at the end\n"),
        r::text);
    assertTrue(r.text().contains("node 2     ws://127.0.0.1:2/ws: 5 connections, 3 connect failures, 0 open at the end "
        + "(killed)"), r::text);
    assertTrue(r.text().contains("kill         SIGKILL to pid 4242 (ws://127.0.0.1:2/ws) 15200 ms into the run, 10000 ms "
        + "into the measured part; gone within 4 ms of the signal (nothing is excused"), r::text);
    assertTrue(r.json().contains("\"connectFailures\" : 3") && r.json().contains("\"goneAfterMs\" : 4"), r::json);
    assertEquals("BROKEN", r.verdict(), "a kill excuses nothing: " + r.text());
  }

  @Test
  void aSingleServerRunNamesNoNodes() {
    LoadReport r = report(false);
    assertTrue(!r.text().contains("nodes ") && !r.text().contains("kill "), r::text);
    assertTrue(r.json().contains("\"nodes\" : [ {") && r.json().contains("\"atMs\" : -1"), r::json);
  }

  @Test
  void owedAfterTheServerWentQuietIsLost() {
    LoadReport r = report(false);
    assertEquals("BROKEN", r.verdict(), r::text);
    assertTrue(r.text().contains("Result: BROKEN: 1 lost"), r::text);
  }
}
