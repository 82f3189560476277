package io.longlink.server.store;

import io.longlink.model.RecipientKind;
import io.longlink.server.store.ChatVerdict.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The message store of one process, built from the in-memory inboxes, dedup, rooms and seq
 * counter; each operation holds this store's monitor, which makes it atomic. Everything is lost
 * when the process ends (PROTOCOL.md LL-SHUT-4): the seq counter makes a new epoch each time.
 */
public final class MemoryMessageStore implements MessageStore {

  private final InboxStore inbox;
  private final DedupStore dedup;
  private final RoomStore rooms;
  private final SequenceSource sequence;
  private final StoreBounds bounds;
  /**
   * Per user, the pending seqs a backlog or a resend handed out: only those make the news
   * ({@link #unsentAbove}) say redelivered. The news of one chat may be asked for several times
   * (in a cluster, by each node for its own sessions of the recipient), and every such copy is a
   * first copy (LL-CHAT-3), as the Redis store's {@code again:} set says (prelude.lua, hand_out).
   * Bounded by the user's pending deliveries: a backlog replaces the set with what it handed out,
   * a settle drops its seq, and a user with none is dropped.
   */
  private final Map<String, Set<Long>> handedOutAgain = new HashMap<>();

  public MemoryMessageStore(InboxStore inbox, DedupStore dedup, RoomStore rooms, SequenceSource sequence,
      StoreBounds bounds) {
    this.inbox = inbox;
    this.dedup = dedup;
    this.rooms = rooms;
    this.sequence = sequence;
    this.bounds = bounds;
  }

  @Override
  public String epoch() {
    return sequence.epoch();
  }

  @Override
  public synchronized ChatVerdict accept(ChatRequest chat) {
    long now = chat.nowMs();
    String sender = chat.sender();
    // LL-DD-3, LL-DD-4: repeats are recognised per sender, on any of the sender's connections.
    // LL-ERRC-2: dedup comes before every other check, so that a repeat gets its original answer.
    Optional<Accepted> seen = dedup.find(sender, chat.messageId(), now);
    if (seen.isPresent()) {
      return new ChatVerdict.Repeat(seen.get().seq(), seen.get().ts());
    }
    List<String> recipients;
    if (chat.kind() == RecipientKind.USER) {
      // LL-CHAT-5: a direct chat goes to its recipient alone.
      recipients = List.of(chat.to());
    } else if (rooms.isMember(chat.to(), sender)) {
      // LL-ROOM-3: only members send to a room.
      recipients = roomRecipients(chat.to(), sender);
    } else {
      return new ChatVerdict.Refused(Refusal.NOT_MEMBER, chat.to(), 0, 0);
    }
    // LL-DLV-8: any recipient's full queue refuses the chat, a room chat as a whole; nothing pending is dropped to make room.
    for (String r : recipients) {
      if (inbox.size(r) >= bounds.maxPending()) {
        return new ChatVerdict.Refused(Refusal.RECIPIENT_FULL, r, inbox.size(r), 0);
      }
    }
    // Before anything is stored: its size decides, and every recipient shares it.
    PendingDelivery delivery = chat.draft().withSeq(sequence.next());
    for (String r : recipients) {
      if (inbox.bytes(r) + delivery.bytes() > bounds.maxPendingBytes()) {
        return new ChatVerdict.Refused(Refusal.RECIPIENT_BYTES, r, inbox.bytes(r), delivery.bytes());
      }
    }
    if (inbox.bytesFrom(sender) + delivery.bytes() > bounds.maxPendingBytesPerSender()) {
      return new ChatVerdict.Refused(Refusal.SENDER_BYTES, sender, inbox.bytesFrom(sender), delivery.bytes());
    }
    if (inbox.total() + recipients.size() > bounds.maxTotalPending()) {
      return new ChatVerdict.Refused(Refusal.TOTAL_PENDING, null, inbox.total(), recipients.size());
    }
    if (inbox.totalBytes() + delivery.bytes() > bounds.maxTotalPendingBytes()) {
      return new ChatVerdict.Refused(Refusal.TOTAL_BYTES, null, inbox.totalBytes(), delivery.bytes());
    }
    if (dedup.size() >= bounds.maxDedupEntries()) {
      dedup.expire(now);
    }
    if (dedup.size() >= bounds.maxDedupEntries()) {
      return new ChatVerdict.Refused(Refusal.DEDUP_FULL, null, dedup.size(), 1);
    }
    // LL-CHAT-6, LL-DLV-4: stored for every recipient, connected or not, before the ack is made.
    for (String r : recipients) {
      inbox.append(r, delivery);
    }
    dedup.remember(sender, chat.messageId(), new Accepted(delivery.seq(), now), now);
    return new ChatVerdict.Stored(delivery.seq(), now, recipients);
  }

  /** LL-ROOM-2: every member of the room; LL-ROOM-6: but the sender. */
  private List<String> roomRecipients(String room, String sender) {
    List<String> recipients = new ArrayList<>();
    for (String member : rooms.members(room)) {
      if (!member.equals(sender)) {
        recipients.add(member);
      }
    }
    return recipients;
  }

  @Override
  public synchronized Backlog backlog(String user, Long lastSeq, String epoch) {
    // LL-DLV-6: last_seq settles what the client already has; LL-DLV-13: only in this history.
    if (lastSeq != null && sequence.epoch().equals(epoch)) {
      inbox.removeUpTo(user, lastSeq);
    }
    List<PendingDelivery> pending = inbox.pending(user);
    // LL-DLV-2: a backlog's copy is a copy after the first when any session had the delivery.
    List<Outgoing> out = handOut(user, pending, true);
    Set<Long> again = new HashSet<>();
    pending.forEach(d -> again.add(d.seq()));
    if (again.isEmpty()) {
      handedOutAgain.remove(user);
    } else {
      handedOutAgain.put(user, again);
    }
    return new Backlog(sequence.epoch(), out);
  }

  @Override
  public synchronized List<Outgoing> unsentAbove(String user, long seq) {
    List<PendingDelivery> above = new ArrayList<>();
    for (PendingDelivery d : inbox.pending(user)) {
      if (d.seq() > seq) {
        above.add(d);
      }
    }
    // LL-CHAT-3: the news hands out first copies, however many times it is asked for them.
    return handOut(user, above, false);
  }

  /** Marks each delivery sent; {@code backlog} says whether any earlier send counts, or only a backlog's or a resend's. */
  private List<Outgoing> handOut(String user, List<PendingDelivery> deliveries, boolean backlog) {
    Set<Long> again = handedOutAgain.getOrDefault(user, Set.of());
    List<Outgoing> out = new ArrayList<>(deliveries.size());
    for (PendingDelivery d : deliveries) {
      boolean sentBefore = backlog ? inbox.wasSent(user, d.seq()) : again.contains(d.seq());
      out.add(new Outgoing(d, sentBefore));
      inbox.markSent(user, d.seq());
    }
    return out;
  }

  @Override
  public synchronized Optional<PendingDelivery> resend(String user, long seq) {
    Optional<PendingDelivery> d = inbox.find(user, seq);
    d.ifPresent(p -> {
      inbox.markSent(user, seq);
      handedOutAgain.computeIfAbsent(user, u -> new HashSet<>()).add(seq);
    });
    return d;
  }

  @Override
  public synchronized boolean settle(String user, long seq) {
    // LL-DLV-10: an ack settles its sender's delivery only, that one seq and no other (LL-DLV-2).
    boolean settled = inbox.remove(user, seq);
    if (settled) {
      Set<Long> again = handedOutAgain.get(user);
      if (again != null && again.remove(seq) && again.isEmpty()) {
        handedOutAgain.remove(user);
      }
    }
    return settled;
  }

  @Override
  public synchronized boolean join(String room, String user) {
    return rooms.join(room, user);
  }

  @Override
  public synchronized boolean leave(String room, String user) {
    return rooms.leave(room, user);
  }

  @Override
  public synchronized long pendingTotal() {
    return inbox.total();
  }

  @Override
  public synchronized long pendingBytes() {
    return inbox.totalBytes();
  }

  @Override
  public synchronized long dedupEntries() {
    return dedup.size();
  }
}
