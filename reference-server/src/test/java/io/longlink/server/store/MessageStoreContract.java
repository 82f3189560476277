package io.longlink.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.codec.MessageCodec;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.server.store.ChatVerdict.Refusal;
import io.longlink.server.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link MessageStore}, the same cases for every implementation: each subclass
 * gives a fresh, empty store per call of {@link #newStore}. Each case names the rule of
 * spec/PROTOCOL.md it holds the store to. Sizes and bounds are computed from the requests, so
 * that the expected values are exact.
 */
public abstract class MessageStoreContract {

  private static final MessageCodec CODEC = MessageCodec.create();

  /** Bounds no case reaches unless it means to. */
  protected static final StoreBounds WIDE = new StoreBounds(100, 1_000_000, 1_000_000, 1_000, 10_000_000, 1_000, 600_000);

  /** A fresh store, empty, that no other test sees, within {@code bounds}. */
  protected abstract MessageStore newStore(StoreBounds bounds) throws Exception;

  /** The server clock of every chat of a case: its ts, and the start of its dedup window. */
  private final long now = System.currentTimeMillis();

  // ---- requests ---------------------------------------------------------------------------------

  private ChatRequest chat(String sender, String id, RecipientKind kind, String to, String body, long nowMs) {
    DeliveryDraft draft = DeliveryDraft.of(new ChatDelivery(id, 0L, sender, new Recipient(kind, to), body, nowMs, false),
        sender, CODEC);
    return new ChatRequest(sender, id, kind, to, draft, nowMs);
  }

  private ChatRequest direct(String sender, String id, String to) {
    return chat(sender, id, RecipientKind.USER, to, "body of " + id, now);
  }

  private ChatRequest toRoom(String sender, String id, String room) {
    return chat(sender, id, RecipientKind.ROOM, room, "body of " + id, now);
  }

  private static ChatVerdict.Stored stored(long seq, long ts, String... recipients) {
    return new ChatVerdict.Stored(seq, ts, List.of(recipients));
  }

  /** The delivery {@code chat} becomes with {@code seq}, as a hand-out says it. */
  private static Outgoing out(ChatRequest chat, long seq, boolean redelivered) {
    return new Outgoing(chat.draft().withSeq(seq), redelivered);
  }

  /** The size of {@code chat}'s delivery with {@code seq} (PROTOCOL.md §11). */
  private static long size(ChatRequest chat, long seq) {
    return chat.draft().bytes(seq);
  }

  private static List<Long> seqs(List<Outgoing> outgoing) {
    return outgoing.stream().map(o -> o.delivery().seq()).toList();
  }

  /** The seq of a chat the store must have stored. */
  private static long seqOf(ChatVerdict verdict) {
    return assertInstanceOf(ChatVerdict.Stored.class, verdict, "stored").seq();
  }

  /** Pending total, pending bytes and dedup entries, to compare before and after a refusal. */
  private record Counts(long pending, long bytes, long dedup) {
    static Counts of(MessageStore store) {
      return new Counts(store.pendingTotal(), store.pendingBytes(), store.dedupEntries());
    }
  }

  // ---- 1. seqs and rooms ------------------------------------------------------------------------

  @Test
  void oneCounterGivesSeqsFromOneUpAcrossSendersAndRecipients() throws Exception {
    MessageStore store = newStore(WIDE);
    // LL-CHAT-2: every accepted chat a seq larger than every one before; one counter for all.
    assertEquals(stored(1, now, "bob"), store.accept(direct("alice", "m1", "bob")));
    assertEquals(stored(2, now, "alice"), store.accept(direct("bob", "m1", "alice")));
    assertEquals(stored(3, now, "dave"), store.accept(direct("carol", "m1", "dave")));
    assertEquals(stored(4, now, "bob"), store.accept(direct("carol", "m2", "bob")));
    assertEquals(4, store.pendingTotal());
    assertEquals(List.of(1L, 4L), seqs(store.backlog("bob", null, null).deliveries()));
  }

  @Test
  void aRoomChatGetsOneSeqAndOnePendingDeliveryPerMemberButTheSender() throws Exception {
    MessageStore store = newStore(WIDE);
    store.join("r", "alice");
    store.join("r", "bob");
    store.join("r", "carol");
    ChatRequest first = direct("dave", "m1", "erin");
    ChatRequest room = toRoom("alice", "m2", "r");
    assertEquals(1, seqOf(store.accept(first)));
    // LL-ROOM-2: every member, in the order they joined; LL-ROOM-6: not the sender.
    assertEquals(stored(2, now, "bob", "carol"), store.accept(room));
    assertEquals(3, store.pendingTotal());
    // One delivery, the same frame for each member.
    assertEquals(List.of(out(room, 2, false)), store.backlog("bob", null, null).deliveries());
    assertEquals(List.of(out(room, 2, false)), store.backlog("carol", null, null).deliveries());
    assertEquals(List.of(), store.backlog("alice", null, null).deliveries(), "no echo to the sender");
    // LL-CHAT-2: the next chat still one counter further.
    assertEquals(stored(3, now, "alice"), store.accept(direct("bob", "m3", "alice")));
  }

  @Test
  void aChatToARoomItsSenderIsNotAMemberOfIsRefusedAsNotMemberAndStoresNothing() throws Exception {
    MessageStore store = newStore(WIDE);
    store.join("r", "bob");
    Counts before = Counts.of(store);
    // LL-ROOM-3: members only; refused, not acked, nothing delivered.
    assertEquals(new ChatVerdict.Refused(Refusal.NOT_MEMBER, "r", 0, 0), store.accept(toRoom("alice", "m1", "r")));
    assertEquals(new ChatVerdict.Refused(Refusal.NOT_MEMBER, "nowhere", 0, 0),
        store.accept(toRoom("alice", "m2", "nowhere")), "a room nobody joined");
    assertEquals(before, Counts.of(store));
    assertEquals(List.of(), store.backlog("bob", null, null).deliveries());
    // Membership is checked before a seq is given: the first stored chat still gets 1.
    assertEquals(stored(1, now, "bob"), store.accept(direct("alice", "m3", "bob")));
  }

  // ---- 2. dedup ---------------------------------------------------------------------------------

  @Test
  void theSameSenderAndIdAgainIsARepeatWithTheOriginalSeqAndTsAndStoresNothing() throws Exception {
    MessageStore store = newStore(WIDE);
    assertEquals(stored(1, now, "bob"), store.accept(direct("alice", "m1", "bob")));
    assertEquals(stored(2, now, "carol"), store.accept(direct("alice", "m2", "carol")));
    Counts before = Counts.of(store);
    // LL-DD-1: the original ack's seq and ts, whatever the copy carries and whenever within the window.
    ChatRequest later = chat("alice", "m1", RecipientKind.USER, "carol", "another body", now + 5_000);
    assertEquals(new ChatVerdict.Repeat(1, now), store.accept(later));
    // LL-DD-2: no second pending delivery.
    assertEquals(before, Counts.of(store));
    assertEquals(List.of(1L), seqs(store.backlog("bob", null, null).deliveries()));
    assertEquals(List.of(2L), seqs(store.backlog("carol", null, null).deliveries()));
    // Settling the delivery does not end the dedup window.
    assertTrue(store.settle("bob", 1));
    assertEquals(new ChatVerdict.Repeat(1, now), store.accept(direct("alice", "m1", "bob")));
  }

  @Test
  void theSameIdFromAnotherSenderIsAnotherChat() throws Exception {
    MessageStore store = newStore(WIDE);
    store.join("r", "alice");
    store.join("r", "bob");
    assertEquals(stored(1, now, "bob"), store.accept(direct("alice", "m1", "bob")));
    // LL-DD-4: dedup per sender.
    assertEquals(stored(2, now, "bob"), store.accept(direct("carol", "m1", "bob")));
    assertEquals(stored(3, now, "alice"), store.accept(toRoom("bob", "m1", "r")));
    assertEquals(3, store.dedupEntries());
    assertEquals(new ChatVerdict.Repeat(2, now), store.accept(direct("carol", "m1", "bob")));
  }

  @Test
  void aRefusedChatIsNotRememberedAndIsJudgedAfreshWhenSentAgain() throws Exception {
    MessageStore store = newStore(new StoreBounds(1, 1_000_000, 1_000_000, 1_000, 10_000_000, 1_000, 600_000));
    // LL-DD-5: a chat refused for membership ...
    assertEquals(new ChatVerdict.Refused(Refusal.NOT_MEMBER, "r", 0, 0), store.accept(toRoom("alice", "m1", "r")));
    assertEquals(0, store.dedupEntries());
    store.join("r", "alice");
    store.join("r", "carol");
    assertEquals(stored(1, now, "carol"), store.accept(toRoom("alice", "m1", "r")));
    // ... or for a full queue is not remembered either.
    assertEquals(stored(2, now, "bob"), store.accept(direct("alice", "m2", "bob")));
    assertEquals(new ChatVerdict.Refused(Refusal.RECIPIENT_FULL, "bob", 1, 0), store.accept(direct("alice", "m3", "bob")));
    assertEquals(2, store.dedupEntries());
    assertTrue(store.settle("bob", 2));
    // RECIPIENT_FULL is judged before any seq is given: the next one is 3 in every store.
    assertEquals(stored(3, now, "bob"), store.accept(direct("alice", "m3", "bob")));
  }

  // ---- 3. backlog -------------------------------------------------------------------------------
  @Test
  void backlogHandsOutEveryPendingDeliveryInSeqOrder() throws Exception {
    MessageStore store = newStore(WIDE);
    store.join("r", "bob");
    store.join("r", "carol");
    ChatRequest one = direct("alice", "m1", "bob");
    ChatRequest two = toRoom("carol", "m2", "r");
    ChatRequest three = direct("dave", "m3", "erin");
    ChatRequest four = direct("alice", "m4", "bob");
    for (ChatRequest c : List.of(one, two, three, four)) {
      store.accept(c);
    }
    String epoch = store.epoch();
    // LL-DLV-4, LL-DLV-7: every pending delivery, in increasing seq order, each a first copy.
    assertEquals(new Backlog(epoch, List.of(out(one, 1, false), out(two, 2, false), out(four, 4, false))),
        store.backlog("bob", null, null));
    assertEquals(new Backlog(epoch, List.of()), store.backlog("nobody", null, null));
  }

  @Test
  void lastSeqWithTheCurrentEpochSettlesUpToItAndWithAnotherEpochSettlesNothing() throws Exception {
    MessageStore store = newStore(WIDE);
    ChatRequest[] chats = new ChatRequest[5];
    for (int i = 1; i <= 4; i++) {
      chats[i] = direct("alice", "m" + i, "bob");
      assertEquals(i, seqOf(store.accept(chats[i])));
    }
    String epoch = store.epoch();
    // LL-DLV-12: one epoch for as long as the history continues, on every call.
    assertTrue(epoch.matches("[a-z2-7]{16}"), "an epoch of Epochs.fresh(): " + epoch);
    assertEquals(epoch, store.epoch());
    // LL-DLV-13: last_seq of another epoch, or without one, settles nothing.
    Backlog other = store.backlog("bob", 3L, "aaaaaaaaaaaaaaaa");
    assertEquals(epoch, other.epoch());
    assertEquals(List.of(1L, 2L, 3L, 4L), seqs(other.deliveries()));
    assertEquals(List.of(1L, 2L, 3L, 4L), seqs(store.backlog("bob", 3L, null).deliveries()));
    assertEquals(4, store.pendingTotal());
    // LL-DLV-6: with the current epoch, up to last_seq counts as acked, the rest is sent.
    Backlog resumed = store.backlog("bob", 2L, epoch);
    assertEquals(new Backlog(epoch, List.of(out(chats[3], 3, true), out(chats[4], 4, true))), resumed);
    assertEquals(2, store.pendingTotal());
    assertEquals(size(chats[3], 3) + size(chats[4], 4), store.pendingBytes());
    assertFalse(store.settle("bob", 2), "settled by the resume point");
    assertEquals(4, resumed.highestSeq());
    // A last_seq above every pending delivery settles them all.
    assertEquals(new Backlog(epoch, List.of()), store.backlog("bob", 99L, epoch));
    assertEquals(0, store.pendingTotal());
    assertEquals(0, store.pendingBytes());
    assertEquals(epoch, store.epoch());
  }

  // ---- 4. redelivered ---------------------------------------------------------------------------

  @Test
  void theNewsHandsOutFirstCopiesOnEveryCallUntilABacklogHandsTheDeliveryOut() throws Exception {
    MessageStore store = newStore(WIDE);
    ChatRequest one = direct("alice", "m1", "bob");
    store.accept(one);
    // LL-CHAT-3: a chat's first copies go to every session of its recipient; in a cluster each node
    // asks for its own sessions when the news reaches it, one after the other: all are first copies.
    assertEquals(List.of(out(one, 1, false)), store.unsentAbove("bob", 0));
    assertEquals(List.of(out(one, 1, false)), store.unsentAbove("bob", 0));
    assertEquals(List.of(out(one, 1, false)), store.unsentAbove("bob", 0));
    assertEquals(List.of(), store.unsentAbove("bob", 1), "nothing above the highest seq");
    // LL-DLV-2: a session that comes later gets a copy after the first: redelivered.
    assertEquals(List.of(out(one, 1, true)), store.backlog("bob", null, null).deliveries());
    // Once a backlog handed it out, the news says so too.
    assertEquals(List.of(out(one, 1, true)), store.unsentAbove("bob", 0));
    assertEquals(List.of(out(one, 1, true)), store.backlog("bob", null, null).deliveries());
  }

  @Test
  void aDeliveryFirstHandedOutByABacklogIsAFirstCopyAndThenRedelivered() throws Exception {
    MessageStore store = newStore(WIDE);
    ChatRequest one = direct("alice", "m1", "bob");
    store.accept(one);
    // LL-DLV-4: the offline user's first session gets the first copy.
    assertEquals(List.of(out(one, 1, false)), store.backlog("bob", null, null).deliveries());
    // LL-DLV-5, LL-DLV-2: the next session gets it again, marked.
    assertEquals(List.of(out(one, 1, true)), store.backlog("bob", null, null).deliveries());
    assertEquals(List.of(out(one, 1, true)), store.unsentAbove("bob", 0));
  }

  @Test
  void resendHandsOutAPendingDeliveryAgainAndTheNewsThenSaysRedelivered() throws Exception {
    MessageStore store = newStore(WIDE);
    ChatRequest one = direct("alice", "m1", "bob");
    ChatRequest two = direct("alice", "m2", "bob");
    store.accept(one);
    store.accept(two);
    assertEquals(List.of(out(one, 1, false), out(two, 2, false)), store.unsentAbove("bob", 0));
    // LL-DLV-2: sent again while it is pending.
    assertEquals(Optional.of(two.draft().withSeq(2)), store.resend("bob", 2));
    assertEquals(List.of(out(one, 1, false), out(two, 2, true)), store.unsentAbove("bob", 0));
    assertEquals(List.of(out(one, 1, true), out(two, 2, true)), store.backlog("bob", null, null).deliveries());
    // Only a pending delivery of that user is sent again.
    assertEquals(Optional.empty(), store.resend("carol", 2), "not carol's");
    assertEquals(Optional.empty(), store.resend("bob", 3), "no such seq");
    assertTrue(store.settle("bob", 2));
    assertEquals(Optional.empty(), store.resend("bob", 2), "settled");
  }

  @Test
  void oneRecipientsHandOutsDoNotMarkAnotherRecipientsCopyOfARoomChat() throws Exception {
    MessageStore store = newStore(WIDE);
    store.join("r", "alice");
    store.join("r", "bob");
    store.join("r", "carol");
    ChatRequest room = toRoom("alice", "m1", "r");
    store.accept(room);
    assertEquals(List.of(out(room, 1, false)), store.backlog("carol", null, null).deliveries());
    assertEquals(Optional.of(room.draft().withSeq(1)), store.resend("carol", 1));
    // LL-DLV-2 counts the copies of the recipient's own delivery: bob's is still unsent.
    assertEquals(List.of(out(room, 1, false)), store.unsentAbove("bob", 0));
    assertEquals(List.of(out(room, 1, true)), store.backlog("bob", null, null).deliveries());
  }

  // ---- 5. settle and the gauges -----------------------------------------------------------------

  @Test
  void settleIsTrueOnceForTheUsersOwnDeliveryAndTheGaugesGoBackDown() throws Exception {
    MessageStore store = newStore(WIDE);
    store.join("r", "alice");
    store.join("r", "bob");
    store.join("r", "carol");
    ChatRequest room = toRoom("alice", "m1", "r");
    ChatRequest direct = direct("alice", "m2", "bob");
    assertEquals(stored(1, now, "bob", "carol"), store.accept(room));
    assertEquals(stored(2, now, "bob"), store.accept(direct));
    assertEquals(3, store.pendingTotal());
    // LL-LIM-11: the room chat's frame is held once, however many members have it pending.
    assertEquals(size(room, 1) + size(direct, 2), store.pendingBytes());
    assertEquals(2, store.dedupEntries());

    // LL-DLV-10: an ack settles its user's delivery only: not the sender's, not another member's.
    assertFalse(store.settle("alice", 1), "the sender has no delivery of it");
    assertFalse(store.settle("dave", 2), "not dave's");
    assertTrue(store.settle("bob", 1));
    // LL-DLV-9: a second ack of the same seq settles nothing.
    assertFalse(store.settle("bob", 1));
    assertEquals(2, store.pendingTotal());
    assertEquals(size(room, 1) + size(direct, 2), store.pendingBytes(), "carol still holds the room chat");
    assertEquals(List.of(out(direct, 2, false)), store.backlog("bob", null, null).deliveries());
    assertEquals(List.of(out(room, 1, false)), store.backlog("carol", null, null).deliveries());

    assertTrue(store.settle("carol", 1));
    assertEquals(1, store.pendingTotal());
    assertEquals(size(direct, 2), store.pendingBytes());
    assertTrue(store.settle("bob", 2));
    assertFalse(store.settle("bob", 2));
    assertEquals(0, store.pendingTotal());
    assertEquals(0, store.pendingBytes());
    assertEquals(List.of(), store.backlog("bob", null, null).deliveries());
    assertEquals(List.of(), store.backlog("carol", null, null).deliveries());
    assertEquals(List.of(), store.unsentAbove("bob", 0));
    // LL-DD-1: settling ends no dedup window; the entries go with the window.
    assertEquals(2, store.dedupEntries());
  }

  @Test
  void aRoomChatWithNoOtherMemberGetsASeqAndHoldsNothing() throws Exception {
    ChatRequest alone = toRoom("alice", "m1", "solo");
    ChatRequest next = direct("alice", "m2", "bob");
    // Room for either chat alone, not for both, in alice's share and in the total.
    long bound = Math.max(size(alone, 1), size(next, 2));
    MessageStore store = newStore(new StoreBounds(100, 1_000_000, bound, 1_000, bound, 1_000, 600_000));
    store.join("solo", "alice");
    // LL-ROOM-2, LL-ROOM-6: every member but the sender is nobody; nothing is pending, so nothing is held.
    assertEquals(stored(1, now), store.accept(alone));
    assertEquals(0, store.pendingTotal());
    assertEquals(0, store.pendingBytes(), "no pending delivery holds its frame");
    assertEquals(1, store.dedupEntries());
    // LL-LIM-11, LL-LIM-12: what holds nothing counts against neither bound.
    assertEquals(stored(2, now, "bob"), store.accept(next));
    assertEquals(size(next, 2), store.pendingBytes());
    assertTrue(store.settle("bob", 2));
    assertEquals(0, store.pendingBytes());
  }

  @Test
  void dedupEntriesGoBackDownWhenTheirWindowHasPassed() throws Exception {
    long windowMs = 200;
    MessageStore store = newStore(new StoreBounds(100, 1_000_000, 1_000_000, 1_000, 10_000_000, 1_000, windowMs));
    long start = System.currentTimeMillis();
    ChatRequest first = chat("alice", "m1", RecipientKind.USER, "bob", "b", start);
    assertEquals(stored(1, start, "bob"), store.accept(first));
    long acceptedBy = System.currentTimeMillis();
    assertEquals(1, store.dedupEntries());
    Eventually.within(Duration.ofSeconds(5), () -> System.currentTimeMillis() > acceptedBy + windowMs + 5,
        "the dedup window to pass");
    long later = System.currentTimeMillis();
    // LL-DD-1 holds within dedup_window_ms only: after it, the same id is a new chat ...
    assertEquals(stored(2, later, "bob"), store.accept(chat("alice", "m1", RecipientKind.USER, "bob", "b", later)));
    // ... and the old entry is gone from the count, the new one counted.
    assertEquals(1, store.dedupEntries());
  }

  // ---- 6. bounds --------------------------------------------------------------------------------

  @Test
  void aRecipientWithMaxPendingDeliveriesRefusesTheNextChatEvenInARoom() throws Exception {
    MessageStore store = newStore(new StoreBounds(2, 1_000_000, 1_000_000, 1_000, 10_000_000, 1_000, 600_000));
    store.join("r", "alice");
    store.join("r", "carol");
    store.join("r", "bob");
    assertEquals(1, seqOf(store.accept(direct("alice", "m1", "bob"))));
    assertEquals(2, seqOf(store.accept(direct("alice", "m2", "bob"))));
    Counts before = Counts.of(store);
    // LL-DLV-8: a full queue refuses; a room chat as a whole, when any member's queue is full.
    assertEquals(new ChatVerdict.Refused(Refusal.RECIPIENT_FULL, "bob", 2, 0), store.accept(direct("carol", "m3", "bob")));
    assertEquals(new ChatVerdict.Refused(Refusal.RECIPIENT_FULL, "bob", 2, 0), store.accept(toRoom("alice", "m4", "r")));
    assertEquals(before, Counts.of(store));
    assertEquals(List.of(), store.backlog("carol", null, null).deliveries(), "carol got nothing of the room chat");
    assertEquals(List.of(1L, 2L), seqs(store.backlog("bob", null, null).deliveries()), "nothing dropped");
    // The bound is per recipient.
    assertEquals(stored(3, now, "carol"), store.accept(direct("alice", "m5", "carol")));
  }

  @Test
  void aRecipientsPendingBytesBoundRefusesTheChatThatWouldPassIt() throws Exception {
    ChatRequest one = direct("alice", "m1", "bob");
    ChatRequest two = direct("carol", "m2", "bob");
    ChatRequest three = direct("dave", "m3", "bob");
    long bound = size(one, 1) + size(two, 2);
    MessageStore store = newStore(new StoreBounds(100, bound, 1_000_000, 1_000, 10_000_000, 1_000, 600_000));
    assertEquals(1, seqOf(store.accept(one)));
    assertEquals(2, seqOf(store.accept(two)));
    Counts before = Counts.of(store);
    // LL-DLV-8: the new delivery's size added to what bob holds would exceed max_pending_bytes.
    assertEquals(new ChatVerdict.Refused(Refusal.RECIPIENT_BYTES, "bob", bound, size(three, 3)), store.accept(three));
    assertEquals(before, Counts.of(store));
    assertEquals(List.of(1L, 2L), seqs(store.backlog("bob", null, null).deliveries()));
    assertAcceptedAbove(store, direct("dave", "m4", "carol"), 2, "carol");
  }

  @Test
  void aSendersPendingBytesBoundCountsARoomChatOnceAndRefusesTheChatThatWouldPassIt() throws Exception {
    ChatRequest room = toRoom("alice", "m1", "r");
    ChatRequest two = direct("alice", "m2", "bob");
    ChatRequest three = direct("alice", "m3", "dave");
    long bound = size(room, 1) + size(two, 2);
    MessageStore store = newStore(new StoreBounds(100, 1_000_000, bound, 1_000, 10_000_000, 1_000, 600_000));
    store.join("r", "alice");
    store.join("r", "bob");
    store.join("r", "carol");
    assertEquals(stored(1, now, "bob", "carol"), store.accept(room));
    assertEquals(2, seqOf(store.accept(two)));
    Counts before = Counts.of(store);
    // LL-LIM-12: what alice's chats hold, all recipients together, each frame once.
    assertEquals(new ChatVerdict.Refused(Refusal.SENDER_BYTES, "alice", bound, size(three, 3)), store.accept(three));
    assertEquals(before, Counts.of(store));
    assertEquals(List.of(), store.backlog("dave", null, null).deliveries());
    // The bound is per sender.
    assertAcceptedAbove(store, direct("erin", "m4", "dave"), 2, "dave");
  }

  @Test
  void theTotalPendingBoundRefusesAChatThatWouldPassItWithAllItsRecipients() throws Exception {
    MessageStore store = newStore(new StoreBounds(100, 1_000_000, 1_000_000, 3, 10_000_000, 1_000, 600_000));
    store.join("r", "alice");
    store.join("r", "bob");
    store.join("r", "carol");
    assertEquals(1, seqOf(store.accept(direct("alice", "m1", "bob"))));
    assertEquals(2, seqOf(store.accept(direct("alice", "m2", "carol"))));
    Counts before = Counts.of(store);
    // LL-LIM-11: two more pending deliveries would make 4 > 3.
    assertEquals(new ChatVerdict.Refused(Refusal.TOTAL_PENDING, null, 2, 2), store.accept(toRoom("alice", "m3", "r")));
    assertEquals(before, Counts.of(store));
    long third = assertAcceptedAbove(store, direct("bob", "m4", "dave"), 2, "dave");
    assertEquals(new ChatVerdict.Refused(Refusal.TOTAL_PENDING, null, 3, 1), store.accept(direct("bob", "m5", "erin")));
    assertEquals(3, store.pendingTotal());
    assertTrue(store.settle("dave", third));
    assertAcceptedAbove(store, direct("bob", "m5", "erin"), third, "erin");
  }

  @Test
  void theTotalPendingBytesBoundCountsARoomChatOnceAndRefusesTheChatThatWouldPassIt() throws Exception {
    ChatRequest room = toRoom("alice", "m1", "r");
    ChatRequest two = direct("bob", "m2", "dave");
    ChatRequest three = direct("carol", "m3", "dave");
    long bound = size(room, 1) + size(two, 2);
    MessageStore store = newStore(new StoreBounds(100, 1_000_000, 1_000_000, 1_000, bound, 1_000, 600_000));
    store.join("r", "alice");
    store.join("r", "bob");
    store.join("r", "carol");
    assertEquals(stored(1, now, "bob", "carol"), store.accept(room));
    assertEquals(2, seqOf(store.accept(two)));
    assertEquals(bound, store.pendingBytes());
    Counts before = Counts.of(store);
    // LL-LIM-11: the bytes of all pending deliveries, each shared frame once.
    assertEquals(new ChatVerdict.Refused(Refusal.TOTAL_BYTES, null, bound, size(three, 3)), store.accept(three));
    assertEquals(before, Counts.of(store));
    assertEquals(List.of(2L), seqs(store.backlog("dave", null, null).deliveries()));
  }

  @Test
  void theDedupBoundRefusesANewChatButStillAnswersARepeat() throws Exception {
    MessageStore store = newStore(new StoreBounds(100, 1_000_000, 1_000_000, 1_000, 10_000_000, 2, 600_000));
    assertEquals(1, seqOf(store.accept(direct("alice", "m1", "bob"))));
    assertEquals(2, seqOf(store.accept(direct("carol", "m2", "bob"))));
    Counts before = Counts.of(store);
    // LL-LIM-11: the server remembers its maximum of message ids.
    assertEquals(new ChatVerdict.Refused(Refusal.DEDUP_FULL, null, 2, 1), store.accept(direct("dave", "m3", "bob")));
    assertEquals(before, Counts.of(store));
    assertEquals(List.of(1L, 2L), seqs(store.backlog("bob", null, null).deliveries()));
    // LL-ERRC-2: dedup comes first, so a repeat still gets its original answer.
    assertEquals(new ChatVerdict.Repeat(1, now), store.accept(direct("alice", "m1", "bob")));
  }

  /**
   * Accepts {@code chat} and returns its seq. After a refusal for bytes or a total a store may have
   * used up a seq or not: LL-CHAT-2 asks only that the seq be larger than every one before.
   */
  private long assertAcceptedAbove(MessageStore store, ChatRequest chat, long last, String recipient) {
    ChatVerdict.Stored s = assertInstanceOf(ChatVerdict.Stored.class, store.accept(chat), "stored");
    assertTrue(s.seq() > last, "seq " + s.seq() + " above " + last);
    assertEquals(new ChatVerdict.Stored(s.seq(), now, List.of(recipient)), s);
    return s.seq();
  }

  // ---- 7. join and leave ------------------------------------------------------------------------

  @Test
  void joinAndLeaveSayWhetherTheyChangedTheMembership() throws Exception {
    MessageStore store = newStore(WIDE);
    // LL-ROOM-1: joining twice is harmless; the second join changes nothing.
    assertTrue(store.join("r", "alice"));
    assertFalse(store.join("r", "alice"));
    assertTrue(store.join("r", "bob"));
    // LL-ROOM-4: leaving twice, or a room one never joined, is harmless too.
    assertTrue(store.leave("r", "alice"));
    assertFalse(store.leave("r", "alice"));
    assertFalse(store.leave("r", "carol"), "carol is no member of r");
    assertFalse(store.leave("nowhere", "bob"), "a room nobody joined");
    assertTrue(store.join("r", "alice"), "a member again");
  }

  @Test
  void membershipDecidesWhoGetsTheRoomChatsAcceptedLater() throws Exception {
    MessageStore store = newStore(WIDE);
    store.join("r", "alice");
    store.join("r", "bob");
    store.join("r", "carol");
    assertEquals(stored(1, now, "bob", "carol"), store.accept(toRoom("alice", "m1", "r")));
    assertTrue(store.leave("r", "bob"));
    // LL-ROOM-4: nothing accepted after the leave goes to bob; what he had pending stays (LL-DLV-8: never dropped).
    assertEquals(stored(2, now, "carol"), store.accept(toRoom("alice", "m2", "r")));
    // LL-ROOM-3: and he sends to it no more.
    assertEquals(new ChatVerdict.Refused(Refusal.NOT_MEMBER, "r", 0, 0), store.accept(toRoom("bob", "m3", "r")));
    assertEquals(List.of(1L), seqs(store.backlog("bob", null, null).deliveries()));
    // LL-ROOM-2: a member again, in the order of joining: after carol.
    assertTrue(store.join("r", "bob"));
    assertEquals(stored(3, now, "carol", "bob"), store.accept(toRoom("alice", "m4", "r")));
    assertEquals(stored(4, now, "alice", "carol"), store.accept(toRoom("bob", "m5", "r")));
  }
}
