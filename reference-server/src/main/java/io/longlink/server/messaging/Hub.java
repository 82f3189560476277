package io.longlink.server.messaging;

import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Join;
import io.longlink.model.Joined;
import io.longlink.model.Leave;
import io.longlink.model.Left;
import io.longlink.model.RecipientKind;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.ErrorCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.Accepted;
import io.longlink.server.store.DedupStore;
import io.longlink.server.store.DeliveryDraft;
import io.longlink.server.store.InboxStore;
import io.longlink.server.store.PendingDelivery;
import io.longlink.server.store.RoomStore;
import io.longlink.server.store.SequenceSource;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Routes chats between users: accepts, dedups, stores, acks, delivers, redelivers, settles.
 * Transport-agnostic: it sees sessions, not sockets.
 *
 * <p>One lock guards all of it. That one lock is what makes the ordering rules hold without
 * further thought: a seq is taken and the delivery appended to every recipient's queue in the
 * same critical section (LL-CHAT-2, LL-DLV-7), a new session's backlog is sent before any later
 * live delivery can reach it (LL-DLV-4), and an ack leaves only once the deliveries are stored
 * (LL-CHAT-6). Sends inside the lock only enqueue: their writes run after it is released
 * ({@link DeferredSends}), so it is never held across I/O.
 */
public final class Hub {

  /** The outcome of a session asking to be admitted. */
  public enum Admission {
    ADMITTED,
    TOO_MANY_CONNECTIONS
  }


  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, LinkedHashSet<ClientSession>> sessionsByUser = new HashMap<>();
  private final InboxStore inbox;
  private final DedupStore dedup;
  private final RoomStore rooms;
  private final SequenceSource sequence;
  private final RedeliveryTimers timers;
  private final ServerMetrics metrics;
  private final Clock clock;
  private final MessageCodec codec = MessageCodec.create();
  private final long maxPending;
  private final long maxPendingBytes;
  private final long maxTotalPending;
  private final long maxTotalPendingBytes;
  private final long maxPendingBytesPerSender;
  private final long maxDedupEntries;
  private final long maxConnectionsPerUser;
  private final long ackTimeoutMs;

  public Hub(ServerConfig config, InboxStore inbox, DedupStore dedup, RoomStore rooms, SequenceSource sequence,
      ScheduledExecutorService scheduler, ServerMetrics metrics, Clock clock, LongSupplier nanoTime) {
    this.inbox = inbox;
    this.dedup = dedup;
    this.rooms = rooms;
    this.sequence = sequence;
    this.metrics = metrics;
    this.clock = clock;
    this.maxPending = config.millis(SessionParameter.MAX_PENDING);
    this.maxPendingBytes = config.millis(SessionParameter.MAX_PENDING_BYTES);
    this.maxTotalPending = config.maxTotalPending();
    this.maxTotalPendingBytes = config.maxTotalPendingBytes();
    this.maxPendingBytesPerSender = config.maxPendingBytesPerSender();
    this.maxDedupEntries = config.maxDedupEntries();
    this.maxConnectionsPerUser = config.millis(SessionParameter.MAX_CONNECTIONS_PER_USER);
    this.ackTimeoutMs = config.millis(SessionParameter.ACK_TIMEOUT_MS);
    this.timers = new RedeliveryTimers(scheduler, ackTimeoutMs, nanoTime, this::redeliverDue);
    metrics.gauges(this::pendingTotal, this::dedupSize);
    metrics.pendingBytes(this::pendingBytes, maxTotalPendingBytes);
  }

  /** The epoch of this hub's history, which every auth_ok advertises (LL-DLV-12). */
  /** Takes the lock; sends made while it is held are written after {@link #exit()}. */
  private void enter() {
    lock.lock();
    DeferredSends.begin();
  }

  /** Releases the lock, then writes what was sent while it was held. */
  private void exit() {
    lock.unlock();
    DeferredSends.end();
  }

  public String epoch() {
    return sequence.epoch();
  }

  /**
   * Registers a session of an authenticated user. When admitted, {@code onAdmitted} runs first
   * (it sends auth_ok), then the user's pending deliveries follow in seq order: those above
   * {@code lastSeq} when {@code epoch} is this hub's epoch, every one otherwise (LL-DLV-13).
   */
  public Admission admit(ClientSession session, Long lastSeq, String epoch, Runnable onAdmitted) {
    enter();
    try {
      String user = session.userId();
      Set<ClientSession> sessions = sessionsByUser.computeIfAbsent(user, u -> new LinkedHashSet<>());
      // LL-LIM-6: at most delivery.max_connections_per_user sessions at once.
      if (sessions.size() >= maxConnectionsPerUser) {
        return Admission.TOO_MANY_CONNECTIONS;
      }
      sessions.add(session);
      onAdmitted.run();
      // LL-DLV-6: last_seq settles what the client already has; LL-DLV-13: only in this hub's history.
      if (lastSeq != null && sequence.epoch().equals(epoch)) {
        for (long seq : inbox.removeUpTo(user, lastSeq)) {
          timers.cancel(user, seq);
        }
      }
      // LL-DLV-7: the backlog goes in increasing seq order.
      for (PendingDelivery d : inbox.pending(user)) {
        boolean redelivered = inbox.wasSent(user, d.seq());
        session.deliver(d, redelivered);
        metrics.deliverySent(redelivered);
        inbox.markSent(user, d.seq());
        timers.start(user, d.seq());
      }
      return Admission.ADMITTED;
    } finally {
      exit();
    }
  }

  /** Unregisters a closed session; the user's pending deliveries (LL-DLV-5) and rooms (LL-ROOM-5) wait for the next one. */
  public void depart(ClientSession session) {
    enter();
    try {
      String user = session.userId();
      Set<ClientSession> sessions = sessionsByUser.get(user);
      if (sessions == null || !sessions.remove(session) || !sessions.isEmpty()) {
        return;
      }
      sessionsByUser.remove(user);
      // LL-ROOM-5: memberships outlive connections; LL-DLV-5: so do deliveries sent and not acked.
      timers.cancelAll(user);
    } finally {
      exit();
    }
  }

  /** Accepts, refuses or recognises as a repeat one chat of {@code session}'s user. */
  public ChatOutcome chat(ClientSession session, Chat chat) {
    long now = clock.millis();
    String sender = session.userId();
    // Encoded once, outside the lock: the costly part for a large chat; under the lock only the seq goes in.
    DeliveryDraft draft = DeliveryDraft.of(deliveryOf(session, chat, now), sender, codec);
    enter();
    try {
      // LL-DD-3, LL-DD-4: repeats are recognised per sender, on any of the sender's connections.
      // LL-ERRC-2: dedup comes before every other check, so that a repeat gets its original answer.
      Optional<Accepted> seen = dedup.find(sender, chat.id(), now);
      if (seen.isPresent()) {
        return repeat(chat, seen.get());
      }
      List<String> recipients;
      if (chat.to().kind() == RecipientKind.USER) {
        // LL-CHAT-5: a direct chat goes to its recipient alone.
        recipients = List.of(chat.to().id());
      } else if (rooms.isMember(chat.to().id(), sender)) {
        // LL-ROOM-3: only members send to a room.
        recipients = roomRecipients(chat.to().id(), sender);
      } else {
        return refuse(Errors.of(ErrorCode.NOT_MEMBER, "you are not a member of room '" + chat.to().id()
            + "'; send join for it, then send the chat again", chat.id()));
      }
      // LL-DLV-8: any recipient's full queue refuses the chat, a room chat as a whole; nothing pending is dropped to make room.
      for (String r : recipients) {
        if (inbox.size(r) >= maxPending) {
          return refuse(Errors.retryable(ErrorCode.QUEUE_FULL, "user '" + r + "' already has " + maxPending
              + " deliveries waiting for an ack; send the chat again after retry_after_ms", chat.id(), ackTimeoutMs));
        }
      }
      // Before anything is stored: its size decides, and every recipient shares it.
      PendingDelivery delivery = draft.withSeq(sequence.next());
      for (String r : recipients) {
        if (inbox.bytes(r) + delivery.bytes() > maxPendingBytes) {
          return refuse(Errors.retryable(ErrorCode.QUEUE_FULL, "user '" + r + "' already has " + inbox.bytes(r)
              + " bytes of deliveries waiting for an ack, and this chat's " + delivery.bytes() + " would pass "
              + maxPendingBytes + " (delivery.max_pending_bytes); send the chat again after retry_after_ms", chat.id(),
              ackTimeoutMs));
        }
      }
      if (inbox.bytesFrom(sender) + delivery.bytes() > maxPendingBytesPerSender) {
        return refuse(Errors.retryable(ErrorCode.UNAVAILABLE, "your chats already hold " + inbox.bytesFrom(sender)
            + " bytes of deliveries waiting for their recipients' acks, the most one sender may; send the chat again after"
            + " retry_after_ms", chat.id(), ackTimeoutMs));
      }
      if (inbox.total() + recipients.size() > maxTotalPending) {
        return refuse(Errors.retryable(ErrorCode.UNAVAILABLE, "the server holds its maximum of "
            + maxTotalPending + " pending deliveries; send the chat again after retry_after_ms", chat.id(), ackTimeoutMs));
      }
      if (inbox.totalBytes() + delivery.bytes() > maxTotalPendingBytes) {
        return refuse(Errors.retryable(ErrorCode.UNAVAILABLE, "the server holds its maximum of "
            + maxTotalPendingBytes + " bytes of pending deliveries; send the chat again after retry_after_ms", chat.id(),
            ackTimeoutMs));
      }
      if (dedup.size() >= maxDedupEntries) {
        dedup.expire(now);
      }
      if (dedup.size() >= maxDedupEntries) {
        return refuse(Errors.retryable(ErrorCode.UNAVAILABLE, "the server remembers its maximum of "
            + maxDedupEntries + " recent message ids; send the chat again after retry_after_ms", chat.id(), ackTimeoutMs));
      }
      return accept(chat, recipients, sender, delivery, now);
    } finally {
      exit();
    }
  }

  /** LL-CHAT-4: from is the authenticated sender; LL-CHAT-3: the body exactly as sent. */
  private ChatDelivery deliveryOf(ClientSession session, Chat chat, long now) {
    return new ChatDelivery(chat.id(), 0L, session.userId(), chat.to(), chat.body(), now, false);
  }

  private ChatOutcome accept(Chat chat, List<String> recipients, String sender, PendingDelivery delivery, long now) {
    long seq = delivery.seq();
    // LL-CHAT-6: the deliveries are stored before the ack is made.
    store(recipients, delivery);
    dedup.remember(sender, chat.id(), new Accepted(seq, now), now);
    metrics.chatAccepted();
    // LL-CHAT-1: the ack carries the chat's id.
    return new ChatOutcome(new ChatAck(chat.id(), seq, now, false), true);
  }

  /** LL-DLV-4: stored for every recipient, connected or not. */
  private void store(List<String> recipients, PendingDelivery delivery) {
    for (String r : recipients) {
      inbox.append(r, delivery);
      sendLive(r, delivery.seq());
    }
  }

  /** LL-DD-1, LL-DD-2: a repeat gets the original's ack, marked duplicate, and is not delivered again. */
  private ChatOutcome repeat(Chat chat, Accepted original) {
    metrics.duplicate();
    return new ChatOutcome(new ChatAck(chat.id(), original.seq(), original.ts(), true), true);
  }

  /** LL-DD-5: a refused chat is not remembered; sent again, it is judged again. */
  private static ChatOutcome refuse(ServerMessage error) {
    return new ChatOutcome(error, false);
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

  private void sendLive(String user, long seq) {
    Set<ClientSession> sessions = sessionsByUser.get(user);
    Optional<PendingDelivery> delivery = inbox.find(user, seq);
    if (sessions == null || delivery.isEmpty()) {
      return;
    }
    boolean redelivered = inbox.wasSent(user, seq);
    // LL-CHAT-3: to every session the recipient has.
    // A copy: a send can fail at once on a dying socket, and the transport then closes the
    // session on this very thread, which removes it from the set being walked.
    for (ClientSession s : List.copyOf(sessions)) {
      s.deliver(delivery.get(), redelivered);
      metrics.deliverySent(redelivered);
    }
    inbox.markSent(user, seq);
    timers.start(user, seq);
  }

  /** Sends again, in seq order, the deliveries of {@code user} whose ack did not come in time (LL-DLV-2). */
  private void redeliverDue(String user) {
    enter();
    try {
      for (long seq : timers.due(user)) {
        sendLive(user, seq);
      }
    } finally {
      exit();
    }
  }

  /** Settles one delivery of {@code session}'s user (LL-DLV-3); unknown seqs are ignored (LL-DLV-9). */
  public void acknowledge(ClientSession session, long seq) {
    enter();
    try {
      // LL-DLV-10: an ack settles its sender's delivery only, that one seq and no other (LL-DLV-2).
      String user = session.userId();
      if (inbox.remove(user, seq)) {
        timers.cancel(user, seq);
        metrics.deliveryAcked();
      }
    } finally {
      exit();
    }
  }

  public Joined join(ClientSession session, Join join) {
    enter();
    try {
      // LL-ROOM-1: joined, with the join's id and room, also for a user who already is a member.
      rooms.join(join.room(), session.userId());
      return new Joined(join.id(), join.room());
    } finally {
      exit();
    }
  }

  public Left leave(ClientSession session, Leave leave) {
    enter();
    try {
      // LL-ROOM-4: leave ends the membership.
      rooms.leave(leave.room(), session.userId());
      return new Left(leave.id(), leave.room());
    } finally {
      exit();
    }
  }

  private long pendingTotal() {
    enter();
    try {
      return inbox.total();
    } finally {
      exit();
    }
  }

  private long pendingBytes() {
    enter();
    try {
      return inbox.totalBytes();
    } finally {
      exit();
    }
  }

  private long dedupSize() {
    enter();
    try {
      return dedup.size();
    } finally {
      exit();
    }
  }
}
