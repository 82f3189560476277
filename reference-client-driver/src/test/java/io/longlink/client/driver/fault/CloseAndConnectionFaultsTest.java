package io.longlink.client.driver.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.ConnectionState;
import io.longlink.client.Harness;
import io.longlink.client.transport.FakeLink;
import org.junit.jupiter.api.Test;

/** Faults in how links open and end. */
class CloseAndConnectionFaultsTest {

  @Test
  void everyCloseThatReconnectsIsTakenForARefusal() {
    FaultHarness h = new FaultHarness(Violation.RC_1);
    h.end(h.session(Harness.authOk()), 1006);
    assertInstanceOf(ConnectionState.Closed.class, h.lastState(), "a dropped link stops the client (LL-RC-1)");
    FaultHarness unknown = new FaultHarness(Violation.RC_1);
    unknown.end(unknown.session(Harness.authOk()), 4999);
    assertInstanceOf(ConnectionState.Reconnecting.class, unknown.lastState(), "codes outside the table are left to LL-CLOSE-3");
  }

  @Test
  void refusalsReconnect() {
    for (int code : new int[] {4001, 4002, 4003, 4007}) {
      FaultHarness h = new FaultHarness(Violation.RC_6);
      h.end(h.session(Harness.authOk()), code);
      assertInstanceOf(ConnectionState.Reconnecting.class, h.lastState(), code + " reconnects (LL-RC-6)");
    }
  }

  @Test
  void unknownCodesStop() {
    for (int code : new int[] {4999, 3000}) {
      FaultHarness h = new FaultHarness(Violation.CLOSE_3);
      h.end(h.session(Harness.authOk()), code);
      assertInstanceOf(ConnectionState.Closed.class, h.lastState(), code + " stops the client (LL-CLOSE-3)");
    }
    FaultHarness known = new FaultHarness(Violation.CLOSE_3);
    known.end(known.session(Harness.authOk()), 1011);
    assertInstanceOf(ConnectionState.Reconnecting.class, known.lastState(), "1011 still reconnects");
  }

  @Test
  void aSecondConnectionOpensBesideEachAttempt() {
    FaultHarness h = new FaultHarness(Violation.RC_3);
    h.client.connect();
    h.scheduler.runDue();
    FakeLink attempt = h.wire.last();
    attempt.open();
    h.scheduler.runDue();
    assertEquals(2, h.wire.links().size(), "two connections while the first waits for auth_ok (LL-RC-3)");
    FakeLink shadow = h.wire.links().get(1);
    attempt.end(1006, "test");
    h.scheduler.runDue();
    assertTrue(shadow.aborted(), "the second goes with the first");
  }

  @Test
  void theApplicationsCloseIsTakenForALostLink() {
    FaultHarness h = new FaultHarness(Violation.RC_5);
    FakeLink link = h.session(Harness.authOk());
    h.close.run();
    h.scheduler.runDue();
    assertEquals(1000, link.closeCode(), "a deliberate 1000 on the wire");
    h.reconnect();
    assertEquals(2, h.wire.links().size(), "and an attempt after it (LL-RC-5)");
  }

  @Test
  void plainWsIsAcceptedForAnyHost() {
    FaultHarness h = new FaultHarness(Violation.SEC_1, null, "ws://longlink.invalid:4000/ws");
    h.client.connect();
    h.scheduler.runDue();
    assertEquals("ws://longlink.invalid:4000/ws", h.wire.last().uri.toString(), "opened with ws:// (LL-SEC-1)");
  }

  @Test
  void theTokenTravelsInTheUrl() {
    FaultHarness h = new FaultHarness(Violation.SEC_2);
    h.client.connect();
    h.scheduler.runDue();
    assertTrue(h.wire.last().uri.toString().contains(FaultHarness.TOKEN), "LL-SEC-2: " + h.wire.last().uri);
  }
}
