package io.longlink.client.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.ConnectionState;
import io.longlink.client.Harness;
import io.longlink.client.transport.FakeLink;
import io.longlink.model.Pong;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pings, silence and the connect deadline of PROTOCOL.md §8, on a fake clock. */
class HeartbeatTest {

  private static final long INTERVAL = 500;
  private static final long TIMEOUT = 1_500;

  private final Harness h = new Harness();

  private FakeLink session() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk(INTERVAL, TIMEOUT, 100, 2.0, 2_000, 0.5, 20, 1_000, 60_000, false));
    return link;
  }

  @Test
  void pingsAfterAnIntervalOfQuietAndAnyFrameSentPostponesIt() {
    FakeLink link = session();
    assertEquals(List.of("auth"), Harness.types(link), "no ping before or right after auth_ok");
    h.scheduler.advance(INTERVAL - 1);
    assertEquals(1, link.sent().size());
    h.scheduler.advance(1);
    assertEquals(List.of("auth", "ping"), Harness.types(link), "a ping exactly one interval after auth_ok (LL-HB-1)");
    h.scheduler.advance(300);
    h.client.sendToUser("bob", "hi");
    h.scheduler.runDue();
    h.scheduler.advance(INTERVAL - 1);
    assertEquals(List.of("auth", "ping", "chat"), Harness.types(link), "the chat reset the quiet clock");
    h.scheduler.advance(1);
    assertEquals("ping", Harness.types(link).get(3));
  }

  @Test
  void silenceForTheTimeoutDeclaresTheLinkDeadClosesWith4000AndAborts() {
    FakeLink link = session();
    h.scheduler.advance(1_000);
    h.receive(link, new Pong("p-1", Harness.START));
    h.scheduler.advance(TIMEOUT - 1);
    assertTrue(link.closeCode() == null, "a pong 1000 ms in restarted the silence clock (LL-HB-7)");
    h.scheduler.advance(1);
    assertEquals(4000, link.closeCode(), "LL-HB-6");
    assertTrue(link.aborted(), "a half-open link never answers a close: the socket is dropped (LL-HB-5)");
    ConnectionState.Reconnecting r = assertInstanceOf(ConnectionState.Reconnecting.class, h.lastState());
    assertEquals(4000, r.closeCode());
    assertEquals(1, r.attempt());
    h.scheduler.advance(r.delayMs());
    assertEquals(2, h.transport.links().size(), "and it reconnects");
  }

  @Test
  void anAttemptWithoutAuthOkIsGivenUpAfterTheTimeoutEvenIfTheSocketOpened() {
    FakeLink link = h.connect();
    link.open();
    h.scheduler.runDue();
    long timeout = 60_000;
    h.scheduler.advance(timeout - 1);
    assertEquals(null, link.closeCode());
    assertEquals(1, h.transport.links().size(), "one attempt at a time: nothing new while it runs (LL-RC-3)");
    h.scheduler.advance(1);
    assertTrue(link.aborted(), "the connect deadline is the default heartbeat.timeout_ms (LL-HB-8)");
    assertEquals(List.of("auth"), Harness.types(link), "no ping before auth_ok (LL-AUTH-1)");
    assertInstanceOf(ConnectionState.Reconnecting.class, h.lastState());
  }

  @Test
  void anAttemptThatNeverOpensIsGivenUpToo() {
    FakeLink link = h.connect();
    h.scheduler.advance(60_000);
    assertTrue(link.aborted());
    assertTrue(link.sent().isEmpty());
  }
}
