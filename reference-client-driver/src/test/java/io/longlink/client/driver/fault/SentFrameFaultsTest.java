package io.longlink.client.driver.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.Harness;
import io.longlink.client.transport.FakeLink;
import io.longlink.model.ChatAck;
import io.longlink.model.Joined;
import io.longlink.model.RecipientKind;
import io.longlink.signing.ChatSignature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fault in what the client sends breaks its rule, and what the test checks beside it stays right. */
class SentFrameFaultsTest {

  private static List<String> ids(FakeLink link, String type) {
    return FaultHarness.framesOf(link, type).stream().map(f -> f.get("id").asText()).toList();
  }

  @Test
  void aPingGoesOutBeforeAuth() {
    FaultHarness h = new FaultHarness(Violation.AUTH_1);
    FakeLink link = h.session(Harness.authOk());
    assertEquals(List.of("ping", "auth"), FaultHarness.types(link));
  }

  @Test
  void noPingsAtAll() {
    FaultHarness h = new FaultHarness(Violation.HB_1);
    FakeLink link = h.session(Harness.authOk());
    h.scheduler.advance(3 * 25_000);
    assertEquals(List.of("auth"), FaultHarness.types(link), "three intervals, no ping (LL-HB-1)");
  }

  @Test
  void aSilentServerIsNeverNoticed() {
    FaultHarness h = new FaultHarness(Violation.HB_5);
    FakeLink link = h.session(Harness.authOk());
    h.scheduler.advance(5 * 60_000);
    assertTrue(FaultHarness.types(link).contains("ping"), "it pings");
    assertEquals(1, h.wire.links().size(), "five timeouts of silence and the link is still up (LL-HB-5)");
    assertEquals(null, link.closeCode());
  }

  @Test
  void aDeadLinkIsClosedWith1000() {
    FaultHarness h = new FaultHarness(Violation.HB_6);
    FakeLink link = h.session(Harness.authOk());
    h.scheduler.advance(60_000);
    assertEquals(1000, link.closeCode(), "declared dead, closed with 1000, not 4000 (LL-HB-6)");
    h.reconnect();
    assertEquals(2, h.wire.links().size(), "and it still reconnects");
  }

  @Test
  void pingsCarryAnInvalidId() {
    FaultHarness h = new FaultHarness(Violation.MSG_4);
    FakeLink link = h.session(Harness.authOk());
    h.scheduler.advance(25_000);
    String id = FaultHarness.framesOf(link, "ping").get(0).get("id").asText();
    assertFalse(id.matches("[A-Za-z0-9._:-]{1,64}"), "the ping id breaks the messageId pattern (LL-MSG-4): " + id);
  }

  @Test
  void signedChatsLoseTheirSig() {
    byte[] key = new byte[ChatSignature.KEY_BYTES];
    FaultHarness h = new FaultHarness(Violation.SEC_6, key, "ws://127.0.0.1:1/ws");
    FakeLink link = h.session(Harness.authOk(25_000, 60_000, 1_000, 2.0, 30_000, 0.5, 20, 1_000, 600_000, true));
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    var chat = FaultHarness.framesOf(link, "chat").get(0);
    assertTrue(chat.has("ts"), "ts stays");
    assertFalse(chat.has("sig"), "sig is gone (LL-SEC-6)");
  }

  @Test
  void chatsAreNotSentAgainOnALaterConnection() {
    FaultHarness h = new FaultHarness(Violation.CHAT_7);
    FakeLink first = h.session(Harness.authOk());
    h.client.send("m1", RecipientKind.USER, "bob", "hi");
    h.scheduler.runDue();
    h.end(first, 1006);
    FakeLink second = h.reconnect();
    h.open(second, Harness.authOk());
    assertEquals(List.of("m1"), ids(first, "chat"));
    assertEquals(List.of(), ids(second, "chat"), "the unacked chat is not sent again (LL-CHAT-7)");
  }

  @Test
  void joinsAreNotSentAgainOnALaterConnection() {
    FaultHarness h = new FaultHarness(Violation.RC_9);
    FakeLink first = h.session(Harness.authOk());
    h.client.join("j1", "lobby");
    h.client.send("m1", RecipientKind.ROOM, "lobby", "hi");
    h.scheduler.runDue();
    h.end(first, 1006);
    FakeLink second = h.reconnect();
    h.open(second, Harness.authOk());
    assertEquals(List.of("j1"), ids(first, "join"));
    assertEquals(List.of(), ids(second, "join"), "the unanswered join is not sent again (LL-RC-9)");
    assertEquals(List.of("m1"), ids(second, "chat"), "the chat is");
  }

  @Test
  void theFlushAfterAReconnectLeavesOutOfOrder() {
    FaultHarness h = new FaultHarness(Violation.RC_8);
    FakeLink first = h.session(Harness.authOk());
    h.client.send("c1", RecipientKind.USER, "bob", "one");
    h.scheduler.runDue();
    h.end(first, 1006);
    h.client.send("c2", RecipientKind.USER, "bob", "two");
    h.client.send("c3", RecipientKind.USER, "bob", "three");
    FakeLink second = h.reconnect();
    h.open(second, Harness.authOk());
    assertEquals(List.of("c1"), ids(first, "chat"), "the first session is left alone");
    assertEquals(List.of("c2", "c1", "c3"), ids(second, "chat"), "c1 overtaken by c2 (LL-RC-8)");
  }

  @Test
  void aHeldChatThatNothingOvertakesStillGoesOut() {
    FaultHarness h = new FaultHarness(Violation.RC_8);
    FakeLink first = h.session(Harness.authOk());
    h.client.send("c1", RecipientKind.USER, "bob", "one");
    h.scheduler.runDue();
    h.end(first, 1006);
    FakeLink second = h.reconnect();
    h.open(second, Harness.authOk());
    assertEquals(List.of(), ids(second, "chat"));
    h.scheduler.advance(SentFrameFaults.HOLD_MS);
    assertEquals(List.of("c1"), ids(second, "chat"), "resent with its id, late, so LL-CHAT-7 still holds");
  }

  @Test
  void aResumePointGoesOutWithoutItsEpoch() {
    FaultHarness h = new FaultHarness(Violation.DLV_14);
    FakeLink first = h.session(Harness.authOk());
    h.receive(first, FaultHarness.delivery("bob", "b50", 50, false));
    h.end(first, 1006);
    FakeLink second = h.reconnect();
    second.open();
    h.scheduler.runDue();
    var auth = FaultHarness.framesOf(second, "auth").get(0);
    assertEquals(50, auth.get("last_seq").asLong(), "the resume point still goes out");
    assertFalse(auth.has("epoch"), "without the epoch it was counted in (LL-DLV-14): " + auth);
  }

  @Test
  void authClaimsTheHighestSeqReceivedNotTheHighestProcessed() {
    FaultHarness h = new FaultHarness(Violation.DLV_11);
    FakeLink first = h.session(Harness.authOk());
    h.receive(first, FaultHarness.delivery("bob", "b50", 50, false));
    h.receive(first, FaultHarness.delivery("bob", "hold-57", 57, false));
    h.receive(first, FaultHarness.delivery("bob", "b63", 63, false));
    h.end(first, 1006);
    FakeLink second = h.reconnect();
    second.open();
    h.scheduler.runDue();
    assertEquals(63, FaultHarness.framesOf(second, "auth").get(0).get("last_seq").asLong(),
        "57 is not processed: an honest client says 56 (LL-DLV-11)");
  }

  @Test
  void repeatsAreNotAcknowledged() {
    FaultHarness h = new FaultHarness(Violation.DLV_1);
    FakeLink link = h.session(Harness.authOk());
    h.receive(link, FaultHarness.delivery("bob", "m1", 50, false));
    h.receive(link, FaultHarness.delivery("bob", "m1", 50, true));
    h.receive(link, FaultHarness.delivery("bob", "m1", 51, false));
    h.receive(link, FaultHarness.delivery("carol", "m1", 52, false));
    List<Long> acked = FaultHarness.framesOf(link, "ack").stream().map(a -> a.get("seq").asLong()).toList();
    assertEquals(List.of(50L, 52L), acked, "the first copy of each (from, id) only (LL-DLV-1)");
    assertEquals(List.of("bob/m1", "carol/m1"), h.handedOver, "dedup itself is untouched");
  }

  @Test
  void withoutFaultsEveryFramePassesUnchanged() {
    FaultHarness h = new FaultHarness(null);
    FakeLink link = h.session(Harness.authOk());
    h.client.join("j1", "lobby");
    h.scheduler.runDue();
    h.receive(link, new Joined("j1", "lobby"));
    h.client.send("m1", RecipientKind.ROOM, "lobby", "hi");
    h.scheduler.runDue();
    h.receive(link, new ChatAck("m1", 3L, Harness.START, false));
    assertEquals(List.of("auth", "join", "chat"), FaultHarness.types(link));
  }
}
