package io.longlink.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The server's messaging state, as operations each of which is atomic on its own, so that the
 * ordering rules of PROTOCOL.md §11 hold because the store gives them, not a lock of one process:
 * a chat's dedup check, seq, bounds and one pending delivery per recipient happen in one step
 * (LL-CHAT-2, LL-CHAT-6, LL-DD-1); a user's deliveries are handed out in seq order with a mark
 * that they were sent (LL-DLV-2, LL-DLV-7). Several server nodes may share one store.
 *
 * <p>Seqs are given and stored in one step, so a user's pending deliveries never have a gap
 * that a later step could fill: whoever reads them sees every seq up to the newest. That is why a
 * node can send a session whatever is pending above the highest seq it sent it
 * ({@link #unsentAbove}), whatever order the news of new chats reaches it in.
 */
public interface MessageStore {

  /** The epoch of the history as it is now (LL-DLV-12): new when the store lost its history. */
  String epoch();

  /** Judges one chat: a repeat, refused, or stored for every recipient and remembered for dedup. */
  ChatVerdict accept(ChatRequest chat);

  /**
   * A new session's backlog: when {@code epoch} is the store's epoch, the deliveries at or below
   * {@code lastSeq} are settled first (LL-DLV-6, LL-DLV-13); every other pending delivery of
   * {@code user} is handed out, in increasing seq order.
   */
  Backlog backlog(String user, Long lastSeq, String epoch);

  /** Hands out the user's pending deliveries with a seq above {@code seq}, in increasing seq order. */
  List<Outgoing> unsentAbove(String user, long seq);

  /** Hands out one pending delivery again, when it is still pending (its ack did not come, LL-DLV-2). */
  Optional<PendingDelivery> resend(String user, long seq);

  /** Settles one delivery of the user (LL-DLV-3); false when none with this seq was pending (LL-DLV-9). */
  boolean settle(String user, long seq);

  /** Makes the user a member of the room (LL-ROOM-1); false when it already was one. */
  boolean join(String room, String user);

  /** Ends the membership (LL-ROOM-4); false when there was none. */
  boolean leave(String room, String user);

  /** Pending deliveries of all users together, for metrics. */
  long pendingTotal();

  /** The bytes of pending deliveries, each shared delivery once, for metrics. */
  long pendingBytes();

  /** Remembered (sender, message id) pairs, for metrics. */
  long dedupEntries();
}
