package io.longlink.client.driver.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.ConnectionState;
import io.longlink.client.Harness;
import io.longlink.client.connection.SessionParams;
import io.longlink.client.reconnect.Backoff;
import io.longlink.client.transport.FakeLink;
import io.longlink.model.Pong;
import org.junit.jupiter.api.Test;

/** Faults in liveness and backoff. */
class LivenessAndBackoffFaultsTest {

  @Test
  void onlyPongsCountAsLife() {
    FaultHarness h = new FaultHarness(Violation.HB_7);
    FakeLink link = h.session(Harness.authOk());
    for (int i = 0; i < 5; i++) {
      h.scheduler.advance(20_000);
      h.receive(link, FaultHarness.delivery("bob", "m" + i, i + 1, false));
    }
    assertEquals(4000, link.closeCode(), "deliveries every 20 s, no pong for 60 s: declared dead (LL-HB-7)");
    assertTrue(h.states.stream().anyMatch(ConnectionState.Reconnecting.class::isInstance), "and reports reconnecting");
  }

  @Test
  void aPongKeepsTheLinkUnderTheSameFault() {
    FaultHarness h = new FaultHarness(Violation.HB_7);
    FakeLink link = h.session(Harness.authOk());
    for (int i = 0; i < 5; i++) {
      h.scheduler.advance(20_000);
      h.receive(link, new Pong("p-" + i, Harness.START));
    }
    assertNull(link.closeCode(), "pongs still count");
  }

  @Test
  void anAttemptWithoutAuthOkIsNeverGivenUpAndTheNextWaitsForIt() {
    FaultHarness h = new FaultHarness(Violation.HB_8);
    h.client.connect();
    h.scheduler.runDue();
    FakeLink attempt = h.wire.last();
    attempt.open();
    h.scheduler.advance(60_000);
    assertNull(attempt.closeCode(), "past the connect deadline the socket is still open (LL-HB-8)");
    assertTrue(!attempt.aborted());
    h.scheduler.advance(2_000);
    assertEquals(1, h.wire.links().size(), "no second attempt beside it (LL-RC-3 holds)");
    attempt.end(1011, "server gave up");
    h.scheduler.runDue();
    assertEquals(2, h.wire.links().size(), "the next attempt once the server ended it");
  }

  @Test
  void theWaitIsAlwaysTheCeiling() {
    FaultHarness h = new FaultHarness(Violation.RC_2);
    FakeLink link = h.session(Harness.authOk());
    for (int n = 0; n < 4; n++) {
      h.end(link, 1006);
      assertEquals(Backoff.ceiling(SessionParams.of(Harness.authOk()), n),
          ((ConnectionState.Reconnecting) h.lastState()).delayMs(), "no jitter (LL-RC-2)");
      link = h.reconnect();
    }
  }

  @Test
  void theCountNeverResets() {
    FaultHarness h = new FaultHarness(Violation.RC_4);
    FakeLink link = h.session(Harness.authOk());
    for (int i = 0; i < 3; i++) {
      h.end(link, 1006);
      link = h.reconnect();
    }
    h.open(link, Harness.authOk());
    h.end(link, 1006);
    long wait = ((ConnectionState.Reconnecting) h.lastState()).delayMs();
    assertTrue(wait >= Backoff.floor(SessionParams.of(Harness.authOk()), 3),
        "after auth_ok the wait is d_3, not d_0 (LL-RC-4): " + wait);
  }
}
