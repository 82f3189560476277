package io.longlink.client.driver.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.ConnectionState;
import io.longlink.client.Harness;
import io.longlink.client.transport.FakeLink;
import io.longlink.model.ErrorMessage;
import io.longlink.model.GoAway;
import io.longlink.model.RecipientKind;
import io.longlink.signing.ChatSignature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fault in what the client makes of server frames breaks its rule. */
class ReceivedFrameFaultsTest {

  private static long chats(FakeLink link) {
    return FaultHarness.framesOf(link, "chat").size();
  }

  @Test
  void theFirstSessionsHeartbeatIsKept() {
    FaultHarness h = new FaultHarness(Violation.PAR_2);
    FakeLink first = h.session(Harness.authOk(1_000, 3_000, 1_000, 2.0, 30_000, 0.5, 20, 1_000, 600_000, false));
    h.end(first, 1011);
    FakeLink second = h.reconnect();
    h.open(second, Harness.authOk(5_000, 15_000, 1_000, 2.0, 30_000, 0.5, 20, 1_000, 600_000, false));
    h.scheduler.advance(1_000);
    assertEquals(1, FaultHarness.framesOf(second, "ping").size(), "pings on the first session's 1000 ms, not 5000 (LL-PAR-2)");
  }

  @Test
  void aChatIsSentAgainAfterItsDedupWindow() {
    FaultHarness h = new FaultHarness(Violation.DD_7);
    FakeLink first = h.session(Harness.authOk(25_000, 60_000, 1_000, 2.0, 30_000, 0.5, 20, 1_000, 1_000, false));
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    h.end(first, 1006);
    h.scheduler.advance(5_000);
    FakeLink second = h.wire.last();
    h.open(second, Harness.authOk(25_000, 60_000, 1_000, 2.0, 30_000, 0.5, 20, 1_000, 1_000, false));
    assertEquals(1, chats(second), "resent 5 s after the first send, with a window of 1 s (LL-DD-7)");
    assertEquals(List.of(), h.failed, "and never reported not_confirmed");
  }

  @Test
  void limitsAreIgnored() {
    FaultHarness h = new FaultHarness(Violation.LIM_8);
    FakeLink link = h.session(Harness.authOk(25_000, 60_000, 1_000, 2.0, 30_000, 0.5, 5, 2_000, 600_000, false));
    for (int i = 0; i < 20; i++) {
      h.client.send("m" + i, RecipientKind.USER, "bob", "x".repeat(i == 0 ? 70_000 : 1));
    }
    h.scheduler.runDue();
    assertEquals(20, chats(link), "20 chats at once under a limit of 5 per 2000 ms, one of 70 kB (LL-LIM-8)");
  }

  @Test
  void pacingHasNoMargin() {
    FaultHarness paced = new FaultHarness(null);
    FaultHarness h = new FaultHarness(Violation.LIM_13);
    var authOk = Harness.authOk(25_000, 60_000, 1_000, 2.0, 30_000, 0.5, 5, 2_000, 600_000, false);
    FakeLink honest = paced.session(authOk);
    FakeLink link = h.session(authOk);
    for (int i = 0; i < 6; i++) {
      paced.client.send("m" + i, RecipientKind.USER, "bob", "x");
      h.client.send("m" + i, RecipientKind.USER, "bob", "x");
    }
    paced.scheduler.advance(2_000);
    h.scheduler.advance(2_000);
    assertEquals(5, chats(honest), "the client's own margin holds the sixth back past 2000 ms");
    assertEquals(6, chats(link), "the sixth leaves at 2000 ms: six in 2000 ms on arrival (LL-LIM-13)");
  }

  @Test
  void signingUsesTheLocalClock() {
    byte[] key = new byte[ChatSignature.KEY_BYTES];
    FaultHarness h = new FaultHarness(Violation.SEC_7, key, "ws://127.0.0.1:1/ws");
    var ahead = new io.longlink.model.AuthOk("s-1", "alice", Harness.START + 300_000,
        Harness.authOk().heartbeat(), Harness.authOk().reconnect(), Harness.authOk().limits(), Harness.authOk().delivery(),
        600_000L, Harness.authOk(25_000, 60_000, 1_000, 2.0, 30_000, 0.5, 20, 1_000, 600_000, true).signing(), Harness.EPOCH);
    FakeLink link = h.session(ahead);
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    assertEquals(Harness.START, FaultHarness.framesOf(link, "chat").get(0).get("ts").asLong(),
        "ts on the local clock, 300000 ms behind the server (LL-SEC-7)");
  }

  @Test
  void withoutAKeyChatsGoOutUnsigned() {
    FaultHarness h = new FaultHarness(Violation.SEC_8);
    FakeLink link = h.session(Harness.authOk(25_000, 60_000, 1_000, 2.0, 30_000, 0.5, 20, 1_000, 600_000, true));
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    assertEquals(1, chats(link), "a chat on a signing session, without a key (LL-SEC-8)");
    assertFalse(FaultHarness.framesOf(link, "chat").get(0).has("sig"));
  }

  @Test
  void goawayIsIgnored() {
    FaultHarness h = new FaultHarness(Violation.RC_7);
    FakeLink link = h.session(Harness.authOk());
    h.receive(link, new GoAway(1012, 5_000L, "restarting"));
    h.end(link, 1012);
    long wait = ((ConnectionState.Reconnecting) h.lastState()).delayMs();
    assertTrue(wait <= 1_000, "d_0, not the hinted 5000 ms (LL-RC-7): " + wait);
  }

  @Test
  void messagesWithUnknownMembersAreDropped() {
    FaultHarness h = new FaultHarness(Violation.MSG_3);
    FakeLink link = h.session(Harness.authOk());
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.client.send("m2", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    link.receive("{\"type\":\"ack\",\"id\":\"m1\",\"seq\":1,\"ts\":1,\"duplicate\":false,\"x_extra\":true}");
    link.receive("{\"type\":\"ack\",\"id\":\"m2\",\"seq\":2,\"ts\":1,\"duplicate\":false}");
    h.scheduler.runDue();
    link.end(1006, "test");
    h.scheduler.runDue();
    FakeLink second = h.reconnect();
    h.open(second, Harness.authOk());
    assertEquals(List.of("m1"), FaultHarness.framesOf(second, "chat").stream().map(c -> c.get("id").asText()).toList(),
        "the ack with an unknown member never reached the client (LL-MSG-3); the plain one did");
  }

  @Test
  void settlingCodesItKnowsAreRetried() {
    FaultHarness h = new FaultHarness(Violation.CHAT_8);
    FakeLink link = h.session(Harness.authOk());
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.client.send("m2", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    h.receive(link, new ErrorMessage("not_member", "join first", "m1", null, null));
    h.receive(link, new ErrorMessage("x_unknown_refusal", "no", "m2", null, null));
    h.scheduler.advance(1_000);
    assertEquals(2, FaultHarness.framesOf(link, "chat").stream().filter(c -> c.get("id").asText().equals("m1")).count(),
        "not_member settles, yet m1 was sent again (LL-CHAT-8)");
    assertEquals(List.of("m2:x_unknown_refusal"), h.failed, "unknown codes are left alone");
  }

  @Test
  void resentCodesLoseTheirWait() {
    FaultHarness h = new FaultHarness(Violation.CHAT_8);
    FakeLink link = h.session(Harness.authOk());
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    h.receive(link, new ErrorMessage("rate_limited", "slow down", "m1", null, 60_000L));
    h.scheduler.advance(30_000);
    assertEquals(2, FaultHarness.framesOf(link, "chat").stream().filter(c -> c.get("id").asText().equals("m1")).count(),
        "m1 was to go out again after initial_delay_ms, not after its retry_after_ms of 60000 (LL-CHAT-8)");
  }

  @Test
  void unknownCodesAreRetried() {
    FaultHarness h = new FaultHarness(Violation.ERRC_1);
    FakeLink link = h.session(Harness.authOk());
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.client.send("m2", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    h.receive(link, new ErrorMessage("x_unknown_refusal", "no", "m1", null, null));
    h.receive(link, new ErrorMessage("not_member", "join first", "m2", null, null));
    h.scheduler.advance(1_000);
    assertEquals(2, FaultHarness.framesOf(link, "chat").stream().filter(c -> c.get("id").asText().equals("m1")).count(),
        "an unknown code settles, yet m1 was sent again (LL-ERRC-1)");
    assertEquals(List.of("m2:not_member"), h.failed, "known settling codes are left alone");
  }
}
