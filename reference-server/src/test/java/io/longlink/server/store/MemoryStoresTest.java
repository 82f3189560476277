package io.longlink.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.codec.MessageCodec;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.server.limits.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryStoresTest {

  private static final MessageCodec CODEC = MessageCodec.create();

  private static PendingDelivery delivery(long seq) {
    return delivery(seq, "b");
  }

  private static PendingDelivery delivery(long seq, String body) {
    return DeliveryDraft.of(new ChatDelivery("m" + seq, 0L, "alice", new Recipient(RecipientKind.ROOM, "r"), body, 1L, false),
        "alice", CODEC).withSeq(seq);
  }

  @Test
  void inboxesKeepSeqOrderAndForgetWhatIsRemoved() {
    MemoryInboxStore inbox = new MemoryInboxStore();
    inbox.append("bob", delivery(3));
    inbox.append("bob", delivery(5));
    inbox.append("carol", delivery(5));
    inbox.append("bob", delivery(9));
    assertEquals(List.of(3L, 5L, 9L), inbox.pending("bob").stream().map(PendingDelivery::seq).toList());
    assertEquals(List.of(3L, 5L), inbox.removeUpTo("bob", 5));
    assertEquals(2, inbox.total());
    assertEquals(List.of(5L), inbox.pending("carol").stream().map(PendingDelivery::seq).toList());
    assertFalse(inbox.wasSent("bob", 9));
    inbox.markSent("bob", 9);
    assertTrue(inbox.wasSent("bob", 9));
    assertTrue(inbox.remove("bob", 9));
    assertFalse(inbox.remove("bob", 9));
    assertEquals(0, inbox.size("bob"));
  }

  @Test
  void inboxesCountBytesPerUserAndEachSharedDeliveryOnceInTotal() {
    MemoryInboxStore inbox = new MemoryInboxStore();
    PendingDelivery small = delivery(1, "hi");
    PendingDelivery room = delivery(2, "\u00e9t\u00e9 \u4e2d\ud83d\ude00");
    inbox.append("bob", small);
    inbox.append("bob", room);
    inbox.append("carol", room);
    assertEquals(small.bytes() + room.bytes(), inbox.bytes("bob"));
    assertEquals(room.bytes(), inbox.bytes("carol"));
    assertEquals(small.bytes() + room.bytes(), inbox.totalBytes(), "the room chat's delivery is held once");
    assertEquals(small.bytes() + room.bytes(), inbox.bytesFrom("alice"), "and counts once against its sender");
    assertEquals(0, inbox.bytesFrom("bob"));
    inbox.append("bob", room);
    assertEquals(small.bytes() + room.bytes(), inbox.bytes("bob"), "appending the same seq twice counts it once");
    assertTrue(inbox.remove("bob", 2));
    assertEquals(small.bytes() + room.bytes(), inbox.totalBytes(), "carol still holds the room chat");
    inbox.removeUpTo("carol", 2);
    assertEquals(0, inbox.bytes("carol"));
    assertEquals(small.bytes(), inbox.totalBytes());
    inbox.remove("bob", 1);
    assertEquals(0, inbox.bytes("bob"));
    assertEquals(0, inbox.totalBytes());
    assertEquals(0, inbox.bytesFrom("alice"));
  }

  @Test
  void aDeliverysSizeIsTheUtf8LengthOfItsFirstFrameWithTheSeqPutIn() {
    PendingDelivery d = delivery(1_234_567, "\u00e9t\u00e9 \u4e2d\ud83d\ude00 ,\"seq\":0,");
    assertEquals(d.frame().getBytes(StandardCharsets.UTF_8).length, d.bytes());
    ChatDelivery decoded = (ChatDelivery) CODEC.decodeServerMessage(d.frame()).message();
    assertEquals(1_234_567L, decoded.seq(), d.frame());
    assertEquals("\u00e9t\u00e9 \u4e2d\ud83d\ude00 ,\"seq\":0,", decoded.body(), "a body that looks like the seq member is left alone");
    assertTrue(d.frame(false).endsWith("\"redelivered\":false}"), d.frame(false));
    String again = d.frame(true);
    assertTrue(CODEC.decodeServerMessage(again).message() instanceof ChatDelivery c && c.redelivered(), again);
    assertEquals(again.getBytes(StandardCharsets.UTF_8).length, d.bytes(true));
  }

  @Test
  void dedupEntriesExpireWithTheWindow() {
    MemoryDedupStore dedup = new MemoryDedupStore(1_000);
    dedup.remember("alice", "m1", new Accepted(7, 100), 100);
    assertEquals(7, dedup.find("alice", "m1", 1_099).orElseThrow().seq());
    assertTrue(dedup.find("bob", "m1", 500).isEmpty());
    assertTrue(dedup.find("alice", "m1", 1_100).isEmpty());
    assertEquals(0, dedup.size());
  }

  @Test
  void aSweepForgetsTheExpiredPairsOfEverySender() {
    MemoryDedupStore dedup = new MemoryDedupStore(1_000);
    dedup.remember("alice", "m1", new Accepted(1, 0), 0);
    dedup.remember("bob", "m1", new Accepted(2, 500), 500);
    dedup.expire(1_200);
    assertEquals(1, dedup.size());
    assertTrue(dedup.find("bob", "m1", 1_200).isPresent());
  }

  @Test
  void roomMembershipIsPerUserInJoinOrder() {
    MemoryRoomStore rooms = new MemoryRoomStore();
    assertTrue(rooms.join("r", "bob"));
    assertTrue(rooms.join("r", "alice"));
    assertFalse(rooms.join("r", "bob"));
    assertEquals(List.of("bob", "alice"), rooms.members("r"));
    assertTrue(rooms.leave("r", "bob"));
    assertEquals(List.of("alice"), rooms.members("r"));
    assertTrue(rooms.leave("r", "alice"));
    assertFalse(rooms.isMember("r", "alice"));
  }

  @Test
  void sequencesGoUpAndEachHasAnEpochOfItsOwn() {
    MemorySequence up = MemorySequence.ascending();
    assertEquals(1, up.next());
    assertEquals(2, up.next());
    assertNotEquals(up.epoch(), MemorySequence.ascending().epoch());
  }

  @Test
  void theRateLimiterSlidesItsWindow() {
    RateLimiter limiter = new RateLimiter(2, 1_000);
    assertEquals(0, limiter.tryAcquire(0));
    assertEquals(0, limiter.tryAcquire(10));
    assertEquals(990, limiter.tryAcquire(10));
    assertEquals(0, limiter.tryAcquire(1_000));
    assertEquals(10, limiter.tryAcquire(1_000));
  }
}
