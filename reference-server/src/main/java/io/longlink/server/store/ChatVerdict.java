package io.longlink.server.store;

import java.util.List;

/** What a store made of one chat: stored, recognised as a repeat, or refused with nothing stored. */
public sealed interface ChatVerdict {

  /**
   * Stored for every recipient, its pair remembered for dedup.
   *
   * @param seq the seq it was given
   * @param ts when it was accepted
   * @param recipients the users it is pending for, to be told so wherever their sessions are
   */
  record Stored(long seq, long ts, List<String> recipients) implements ChatVerdict {}

  /** A repeat of a chat accepted within the dedup window, with that chat's seq and ts (LL-DD-1). */
  record Repeat(long seq, long ts) implements ChatVerdict {}

  /**
   * Refused by a bound or a rule; nothing was stored or remembered (LL-DD-5).
   *
   * @param reason which bound or rule
   * @param subject the user or room it concerns, or null for the server's bounds
   * @param held what the bound counts now (deliveries or bytes; 0 when the reason counts nothing)
   * @param size what this chat would add (bytes, or 0)
   */
  record Refused(Refusal reason, String subject, long held, long size) implements ChatVerdict {}

  /** Why a chat was refused. */
  enum Refusal {
    /** LL-ROOM-3: the sender is not a member of the room. */
    NOT_MEMBER,
    /** LL-DLV-8: a recipient's queue holds delivery.max_pending deliveries. */
    RECIPIENT_FULL,
    /** LL-DLV-8: a recipient's queue would pass delivery.max_pending_bytes. */
    RECIPIENT_BYTES,
    /** LL-LIM-12: the sender's chats would hold more than their share of the inboxes. */
    SENDER_BYTES,
    /** LL-LIM-11: the server holds its maximum of pending deliveries. */
    TOTAL_PENDING,
    /** LL-LIM-11: the server holds its maximum of bytes of pending deliveries. */
    TOTAL_BYTES,
    /** LL-LIM-11: the server remembers its maximum of message ids. */
    DEDUP_FULL
  }
}
