package io.longlink.client.reconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.CloseCause;
import io.longlink.client.ConnectionState;
import io.longlink.client.Harness;
import io.longlink.client.connection.SessionParams;
import io.longlink.client.transport.FakeLink;
import io.longlink.model.GoAway;
import org.junit.jupiter.api.Test;

/** Attempts and waits of PROTOCOL.md §13, played on a fake transport with a fake clock. */
class ReconnectTest {

  private final Harness h = new Harness();

  @Test
  void theFirstConnectIsImmediateAndEachFailureWaitsTheNextBackoffStep() {
    FakeLink first = h.connect();
    assertEquals(new ConnectionState.Connecting(0), h.states.get(0));
    assertEquals("longlink.v1", first.subprotocol, "LL-TR-1");
    for (int k = 1; k <= 6; k++) {
      int before = h.transport.links().size();
      h.end(h.transport.last(), 1006);
      ConnectionState.Reconnecting r = assertInstanceOf(ConnectionState.Reconnecting.class, h.lastState());
      assertEquals(k, r.attempt());
      assertEquals(1006, r.closeCode());
      long low = Backoff.floor(SessionParams.defaults(), k - 1);
      long high = Backoff.ceiling(SessionParams.defaults(), k - 1);
      assertTrue(r.delayMs() >= low && r.delayMs() <= high, "attempt " + k + " waits " + r.delayMs()
          + " ms, outside d_" + (k - 1) + " = [" + low + ", " + high + "]");
      h.scheduler.advance(r.delayMs() - 1);
      assertEquals(before, h.transport.links().size(), "no attempt before the wait is over (LL-RC-2)");
      h.scheduler.advance(1);
      assertEquals(before + 1, h.transport.links().size(), "one attempt when it is over");
    }
  }

  @Test
  void theCountResetsOnAuthOkNotWhenTheSocketOpens() {
    FakeLink link = h.connect();
    h.end(link, 1006);
    h.scheduler.advance(((ConnectionState.Reconnecting) h.lastState()).delayMs());
    link = h.transport.last();
    link.open();
    h.scheduler.runDue();
    h.end(link, 1006);
    assertEquals(2, ((ConnectionState.Reconnecting) h.lastState()).attempt(), "an open socket is no reset (LL-RC-4)");
    h.scheduler.advance(((ConnectionState.Reconnecting) h.lastState()).delayMs());
    link = h.transport.last();
    h.openAndAuth(link, Harness.authOk());
    h.end(link, 1006);
    ConnectionState.Reconnecting r = (ConnectionState.Reconnecting) h.lastState();
    assertEquals(1, r.attempt(), "auth_ok resets the count");
    assertTrue(r.delayMs() <= 1_000, "and the wait is d_0 again: " + r.delayMs());
  }

  @Test
  void aGoawayHintIsAFloorAndTheAttemptStillCounts() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    h.receive(link, new GoAway(1012, 5_000L, "restarting"));
    h.end(link, 1012);
    ConnectionState.Reconnecting r = (ConnectionState.Reconnecting) h.lastState();
    assertEquals(5_000, r.delayMs(), "max(retry_after_ms, d_0) with d_0 <= 1000 (LL-RC-7)");
    h.scheduler.advance(5_000);
    h.end(h.transport.last(), 1006);
    r = (ConnectionState.Reconnecting) h.lastState();
    assertEquals(2, r.attempt());
    assertTrue(r.delayMs() >= 1_000 && r.delayMs() <= 2_000, "the hinted attempt counted: d_1, not d_0: " + r.delayMs());
  }

  @Test
  void aPlatformEventEndsTheWaitOnceNeverBeforeTheHintAndTheEarlyAttemptCounts() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    h.end(link, 1006);
    int before = h.transport.links().size();
    h.client.wake();
    h.scheduler.runDue();
    assertEquals(before + 1, h.transport.links().size(), "the event ends the wait at once (LL-RC-10)");
    h.client.wake();
    h.scheduler.runDue();
    assertEquals(before + 1, h.transport.links().size(), "one early attempt per event, none while one is under way");
    h.end(h.transport.last(), 1006);
    ConnectionState.Reconnecting r = (ConnectionState.Reconnecting) h.lastState();
    assertEquals(2, r.attempt(), "the early attempt counted in n");
    assertTrue(r.delayMs() >= 1_000 && r.delayMs() <= 2_000, "so the next wait is d_1: " + r.delayMs());

    h.scheduler.advance(r.delayMs());
    link = h.transport.last();
    h.openAndAuth(link, Harness.authOk());
    h.receive(link, new GoAway(1012, 5_000L, "restarting"));
    h.end(link, 1012);
    before = h.transport.links().size();
    h.scheduler.advance(1_000);
    h.client.wake();
    h.scheduler.advance(3_999);
    assertEquals(before, h.transport.links().size(), "no attempt before the goaway's retry_after_ms, even on an event");
    h.scheduler.advance(1);
    assertEquals(before + 1, h.transport.links().size(), "the attempt comes when the hint ends");
  }

  @Test
  void refusalsStopUntilNewCredentials() {
    for (int code : new int[] {4001, 4002, 4003, 4007}) {
      Harness fresh = new Harness();
      FakeLink link = fresh.connect();
      fresh.end(link, code);
      ConnectionState.Closed closed = assertInstanceOf(ConnectionState.Closed.class, fresh.lastState());
      assertEquals(CloseCause.REFUSED_BY_SERVER, closed.cause());
      fresh.scheduler.advance(3_600_000);
      assertEquals(1, fresh.transport.links().size(), "no reconnect after " + code + " (LL-RC-6)");
      fresh.client.updateToken("token-new");
      fresh.scheduler.runDue();
      assertEquals(2, fresh.transport.links().size(), "new credentials: connect again at once");
      fresh.transport.last().open();
      fresh.scheduler.runDue();
      assertEquals("token-new", Harness.framesOf(fresh.transport.last(), "auth").get(0).get("token").asText());
    }
  }

  @Test
  void unaskedNormalClosesAndUnknownCodesReconnect() {
    for (int code : new int[] {1000, 4999, 3000, 1001, 4000, 4009}) {
      Harness fresh = new Harness();
      FakeLink link = fresh.connect();
      fresh.openAndAuth(link, Harness.authOk());
      fresh.end(link, code);
      assertInstanceOf(ConnectionState.Reconnecting.class, fresh.lastState(), "code " + code + " reconnects");
    }
  }

  @Test
  void theApplicationsCloseIsADeliberate1000AndFinal() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    h.client.close();
    h.scheduler.runDue();
    assertEquals(1000, link.closeCode());
    assertEquals(CloseCause.CLOSED_BY_APPLICATION, ((ConnectionState.Closed) h.lastState()).cause());
    link.end(1006, "late");
    h.scheduler.advance(3_600_000);
    assertEquals(1, h.transport.links().size(), "no reconnect after a close the client asked for (LL-RC-5)");
    assertFalse(h.lastState() instanceof ConnectionState.Reconnecting);
  }
}
