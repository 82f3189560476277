package io.longlink.server.faults.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.codec.MessageCodec;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.server.store.Accepted;
import io.longlink.server.store.DedupStore;
import io.longlink.server.store.DeliveryDraft;
import io.longlink.server.store.InboxStore;
import io.longlink.server.store.MemoryDedupStore;
import io.longlink.server.store.MemoryInboxStore;
import io.longlink.server.store.MemoryRoomStore;
import io.longlink.server.store.PendingDelivery;
import io.longlink.server.store.RoomStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each store fault breaks its rule the way its switch says, and leaves the rest of the store as it was. */
class StoreFaultsTest {

  private static final MessageCodec CODEC = MessageCodec.create();

  private static PendingDelivery delivery(long seq) {
    return DeliveryDraft.of(new ChatDelivery("m" + seq, 0L, "alice", new Recipient(RecipientKind.ROOM, "r"), "b", 1L, false),
        "alice", CODEC).withSeq(seq);
  }

  private static List<Long> seqs(InboxStore inbox, String user) {
    return inbox.pending(user).stream().map(PendingDelivery::seq).toList();
  }

  @Test
  void theBacklogComesReversed() {
    InboxStore inbox = InboxFaults.backlogReversed(new MemoryInboxStore());
    for (long seq = 1; seq <= 3; seq++) {
      inbox.append("bob", delivery(seq));
    }
    assertEquals(List.of(3L, 2L, 1L), seqs(inbox, "bob"));
  }

  @Test
  void aFullQueueDropsItsOldestAndNeverSaysItIsFull() {
    InboxStore inbox = InboxFaults.dropsOldest(new MemoryInboxStore(), 2, Long.MAX_VALUE);
    for (long seq = 1; seq <= 4; seq++) {
      inbox.append("bob", delivery(seq));
      assertTrue(inbox.size("bob") < 2, "the hub is told there is room");
    }
    assertEquals(List.of(3L, 4L), seqs(inbox, "bob"));
  }

  @Test
  void oneRecipientsAckSettlesEveryRecipientsDelivery() {
    InboxStore inbox = InboxFaults.settlesForAll(new MemoryInboxStore());
    inbox.append("bob", delivery(7));
    inbox.append("carol", delivery(7));
    inbox.append("carol", delivery(8));
    assertTrue(inbox.remove("bob", 7));
    assertEquals(List.of(8L), seqs(inbox, "carol"));
  }

  @Test
  void repeatsAreRecognisedByIdWhoeverSentThem() {
    DedupStore dedup = DedupFaults.idAlone(new MemoryDedupStore(60_000));
    dedup.remember("alice", "m1", new Accepted(5, 1_000), 1_000);
    assertEquals(5, dedup.find("bob", "m1", 1_001).orElseThrow().seq());
  }

  @Test
  void roomsLetOutsidersInOrKeepWhoLeft() {
    RoomStore open = RoomFaults.everyoneIsMember(new MemoryRoomStore());
    assertTrue(open.isMember("r", "stranger"));
    RoomStore sticky = RoomFaults.leavesKept(new MemoryRoomStore());
    sticky.join("r", "bob");
    assertTrue(sticky.leave("r", "bob"));
    assertTrue(sticky.isMember("r", "bob"));
    assertEquals(List.of("bob"), sticky.members("r"));
  }
}
