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
import io.longlink.server.violation.Violation;
import io.longlink.server.violation.Violations;
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

  private static final Pattern USER_ID = Pattern.compile("^[!-~]{1,128}$");
  private static final long DEFERRED_STORE_MS = 1_000;

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, LinkedHashSet<ClientSession>> sessionsByUser = new HashMap<>();
  private final InboxStore inbox;
  private final DedupStore dedup;
  private final RoomStore rooms;
  private final SequenceSource sequence;
  private final ScheduledExecutorService scheduler;
  /** Stores the CHAT_6 switch defers, oldest first, guarded by the lock: each timer stores the
   * oldest, so the scheduler's two threads cannot reorder them and break LL-DLV-7 too. */
  private final ArrayDeque<Runnable> deferredStores = new ArrayDeque<>();
  private final RedeliveryTimers timers;
  private final ServerMetrics metrics;
  private final Clock clock;
  private final Violations violations;
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
      ScheduledExecutorService scheduler, ServerMetrics metrics, Clock clock) {
    this.inbox = inbox;
    this.dedup = dedup;
    this.rooms = rooms;
    this.sequence = sequence;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.clock = clock;
    this.violations = config.violations();
    this.maxPending = config.millis(SessionParameter.MAX_PENDING);
    this.maxPendingBytes = config.millis(SessionParameter.MAX_PENDING_BYTES);
    this.maxTotalPending = config.maxTotalPending();
    this.maxTotalPendingBytes = config.maxTotalPendingBytes();
    this.maxPendingBytesPerSender = config.maxPendingBytesPerSender();
    this.maxDedupEntries = config.maxDedupEntries();
    this.maxConnectionsPerUser = config.millis(SessionParameter.MAX_CONNECTIONS_PER_USER);
    this.ackTimeoutMs = config.millis(SessionParameter.ACK_TIMEOUT_MS);
    this.timers = new RedeliveryTimers(scheduler, ackTimeoutMs, System::nanoTime, this::redeliverDue);
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
      if (sessions.size() >= maxConnectionsPerUser && !violations.has(Violation.LIM_6)) {
        return Admission.TOO_MANY_CONNECTIONS;
      }
      sessions.add(session);
      onAdmitted.run();
      boolean sameHistory = sequence.epoch().equals(epoch) || violations.has(Violation.DLV_13);
      if (lastSeq != null && sameHistory && !violations.has(Violation.DLV_6)) {
        for (long seq : inbox.removeUpTo(user, lastSeq)) {
          timers.cancel(user, seq);
        }
      }
      List<PendingDelivery> backlog = inbox.pending(user);
      if (violations.has(Violation.DLV_7)) {
        Collections.reverse(backlog);
      }
      for (PendingDelivery d : backlog) {
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

  /** Unregisters a closed session; the user's pending deliveries wait for the next one. */
  public void depart(ClientSession session) {
    enter();
    try {
      String user = session.userId();
      Set<ClientSession> sessions = sessionsByUser.get(user);
      if (sessions == null || !sessions.remove(session) || !sessions.isEmpty()) {
        return;
      }
      sessionsByUser.remove(user);
      timers.cancelAll(user);
      if (violations.has(Violation.ROOM_5)) {
        rooms.forget(user);
      }
      if (violations.has(Violation.DLV_5)) {
        for (PendingDelivery d : inbox.pending(user)) {
          if (inbox.wasSent(user, d.seq())) {
            inbox.remove(user, d.seq());
          }
        }
      }
    } finally {
      exit();
    }
  }

  /** Accepts, refuses or recognises as a repeat one chat of {@code session}'s user. */
  public ChatOutcome chat(ClientSession session, Chat chat, String clientFrom) {
    long now = clock.millis();
    String sender = session.userId();
    // Encoded once, outside the lock: the costly part for a large chat; under the lock only the seq goes in.
    DeliveryDraft draft = DeliveryDraft.of(deliveryOf(session, chat, clientFrom, now), sender, codec);
    enter();
    try {
      String key = dedupKey(session);
      if (violations.has(Violation.ERRC_2) && chat.to().kind() == RecipientKind.ROOM && !rooms.isMember(chat.to().id(), sender)) {
        return refuse(key, chat, Errors.of(ErrorCode.NOT_MEMBER, "you are not a member of room '" + chat.to().id() + "'",
            chat.id()), now);
      }
      Optional<Accepted> seen = dedup.find(key, chat.id(), now);
      if (seen.isPresent()) {
        return repeat(session, chat, seen.get());
      }
      List<String> recipients;
      if (chat.to().kind() == RecipientKind.USER) {
        recipients = List.of(chat.to().id());
      } else if (rooms.isMember(chat.to().id(), sender) || violations.has(Violation.ROOM_3)) {
        recipients = roomRecipients(chat.to().id(), sender);
      } else {
        return refuse(key, chat, Errors.of(ErrorCode.NOT_MEMBER, "you are not a member of room '" + chat.to().id()
            + "'; send join for it, then send the chat again", chat.id()), now);
      }
      for (String r : recipients) {
        if (inbox.size(r) >= maxPending && !violations.has(Violation.DLV_8)) {
          return refuse(key, chat, Errors.retryable(ErrorCode.QUEUE_FULL, "user '" + r + "' already has " + maxPending
              + " deliveries waiting for an ack; send the chat again after retry_after_ms", chat.id(), ackTimeoutMs), now);
        }
      }
      // Before anything is stored: its size decides, and every recipient shares it.
      PendingDelivery delivery = draft.withSeq(sequence.next());
      for (String r : recipients) {
        if (inbox.bytes(r) + delivery.bytes() > maxPendingBytes && !violations.has(Violation.DLV_8)) {
          return refuse(key, chat, Errors.retryable(ErrorCode.QUEUE_FULL, "user '" + r + "' already has " + inbox.bytes(r)
              + " bytes of deliveries waiting for an ack, and this chat's " + delivery.bytes() + " would pass "
              + maxPendingBytes + " (delivery.max_pending_bytes); send the chat again after retry_after_ms", chat.id(),
              ackTimeoutMs), now);
        }
      }
      if (inbox.bytesFrom(sender) + delivery.bytes() > maxPendingBytesPerSender) {
        return refuse(key, chat, Errors.retryable(ErrorCode.UNAVAILABLE, "your chats already hold " + inbox.bytesFrom(sender)
            + " bytes of deliveries waiting for their recipients' acks, the most one sender may; send the chat again after"
            + " retry_after_ms", chat.id(), ackTimeoutMs), now);
      }
      if (inbox.total() + recipients.size() > maxTotalPending) {
        return refuse(key, chat, Errors.retryable(ErrorCode.UNAVAILABLE, "the server holds its maximum of "
            + maxTotalPending + " pending deliveries; send the chat again after retry_after_ms", chat.id(), ackTimeoutMs), now);
      }
      if (inbox.totalBytes() + delivery.bytes() > maxTotalPendingBytes) {
        return refuse(key, chat, Errors.retryable(ErrorCode.UNAVAILABLE, "the server holds its maximum of "
            + maxTotalPendingBytes + " bytes of pending deliveries; send the chat again after retry_after_ms", chat.id(),
            ackTimeoutMs), now);
      }
      if (dedup.size() >= maxDedupEntries) {
        dedup.expire(now);
      }
      if (dedup.size() >= maxDedupEntries) {
        return refuse(key, chat, Errors.retryable(ErrorCode.UNAVAILABLE, "the server remembers its maximum of "
            + maxDedupEntries + " recent message ids; send the chat again after retry_after_ms", chat.id(), ackTimeoutMs), now);
      }
      return accept(chat, recipients, key, delivery, now);
    } finally {
      exit();
    }
  }

  private ChatDelivery deliveryOf(ClientSession session, Chat chat, String clientFrom, long now) {
    String from = violations.has(Violation.CHAT_4) && clientFrom != null && USER_ID.matcher(clientFrom).matches()
        ? clientFrom : session.userId();
    String body = violations.has(Violation.CHAT_3) ? chat.body().strip() : chat.body();
    return new ChatDelivery(chat.id(), 0L, from, chat.to(), body, now, false);
  }

  private ChatOutcome accept(Chat chat, List<String> recipients, String key, PendingDelivery delivery, long now) {
    long seq = delivery.seq();
    if (violations.has(Violation.CHAT_6)) {
      deferredStores.add(() -> store(recipients, delivery));
      scheduler.schedule(this::storeOldestDeferred, DEFERRED_STORE_MS, TimeUnit.MILLISECONDS);
    } else {
      store(recipients, delivery);
    }
    dedup.remember(key, chat.id(), new Accepted(seq, now), now);
    metrics.chatAccepted();
    if (violations.has(Violation.CHAT_5) && chat.to().kind() == RecipientKind.USER) {
      for (Map.Entry<String, LinkedHashSet<ClientSession>> e : List.copyOf(sessionsByUser.entrySet())) {
        if (!recipients.contains(e.getKey())) {
          List.copyOf(e.getValue()).forEach(s -> s.deliver(delivery, false));
        }
      }
    }
    return new ChatOutcome(new ChatAck(ackId(chat.id()), seq, now, false), true);
  }

  private void storeOldestDeferred() {
    enter();
    try {
      deferredStores.remove().run();
    } finally {
      exit();
    }
  }

  private void store(List<String> recipients, PendingDelivery delivery) {
    for (String r : recipients) {
      if (violations.has(Violation.DLV_4) && !sessionsByUser.containsKey(r)) {
        continue;
      }
      while (violations.has(Violation.DLV_8) && inbox.size(r) > 0
          && (inbox.size(r) >= maxPending || inbox.bytes(r) + delivery.bytes() > maxPendingBytes)) {
        long oldest = inbox.pending(r).get(0).seq();
        inbox.remove(r, oldest);
        timers.cancel(r, oldest);
      }
      inbox.append(r, delivery);
      sendLive(r, delivery.seq());
    }
  }

  private ChatOutcome repeat(ClientSession session, Chat chat, Accepted original) {
    metrics.duplicate();
    if (violations.has(Violation.DD_2)) {
      List<String> recipients = chat.to().kind() == RecipientKind.USER ? List.of(chat.to().id())
          : roomRecipients(chat.to().id(), session.userId());
      ChatDelivery again = new ChatDelivery(chat.id(), original.seq(), session.userId(), chat.to(), chat.body(),
          original.ts(), false);
      recipients.forEach(r -> List.copyOf(sessionsByUser.getOrDefault(r, new LinkedHashSet<>())).forEach(s -> s.send(again)));
    }
    boolean duplicate = !violations.has(Violation.DD_1);
    return new ChatOutcome(new ChatAck(ackId(chat.id()), original.seq(), original.ts(), duplicate), true);
  }

  private ChatOutcome refuse(String key, Chat chat, ServerMessage error, long now) {
    if (violations.has(Violation.DD_5)) {
      dedup.remember(key, chat.id(), new Accepted(sequence.next(), now), now);
    }
    return new ChatOutcome(error, false);
  }

  private List<String> roomRecipients(String room, String sender) {
    List<String> recipients = new ArrayList<>();
    for (String member : rooms.members(room)) {
      if (!member.equals(sender) || violations.has(Violation.ROOM_6)) {
        recipients.add(member);
      }
    }
    if (violations.has(Violation.ROOM_2) && recipients.size() > 1) {
      return List.of(recipients.get(0));
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
        if (!violations.has(Violation.DLV_2)) {
          sendLive(user, seq);
        }
      }
    } finally {
      exit();
    }
  }

  /** Settles one delivery of {@code session}'s user (LL-DLV-3); unknown seqs are ignored (LL-DLV-9). */
  public void acknowledge(ClientSession session, long seq) {
    enter();
    try {
      if (violations.has(Violation.DLV_3)) {
        return;
      }
      List<String> users = violations.has(Violation.DLV_10) ? inbox.recipientsOf(seq) : List.of(session.userId());
      boolean settled = false;
      for (String user : users) {
        if (inbox.remove(user, seq)) {
          timers.cancel(user, seq);
          settled = true;
        }
        // The cumulative switch's server takes an ack for every delivery up to it, as TCP does.
        if (violations.has(Violation.DLV_2_CUMULATIVE)) {
          for (PendingDelivery earlier : List.copyOf(inbox.pending(user))) {
            if (earlier.seq() < seq && inbox.remove(user, earlier.seq())) {
              timers.cancel(user, earlier.seq());
            }
          }
        }
      }
      if (settled) {
        metrics.deliveryAcked();
      } else if (violations.has(Violation.DLV_9)) {
        session.send(Errors.invalid("no pending delivery has seq " + seq, null, "/seq"));
      }
    } finally {
      exit();
    }
  }

  public Joined join(ClientSession session, Join join) {
    enter();
    try {
      rooms.join(join.room(), session.userId());
      return new Joined(violations.has(Violation.ROOM_1) ? wrongId(join.id()) : join.id(), join.room());
    } finally {
      exit();
    }
  }

  public Left leave(ClientSession session, Leave leave) {
    enter();
    try {
      if (!violations.has(Violation.ROOM_4)) {
        rooms.leave(leave.room(), session.userId());
      }
      return new Left(leave.id(), violations.has(Violation.MSG_1) ? null : leave.room());
    } finally {
      exit();
    }
  }

  /** Every other session of the same user (for LL-ERR-6's violation switch). */
  public List<ClientSession> sessionsOf(String user) {
    enter();
    try {
      return new ArrayList<>(sessionsByUser.getOrDefault(user, new LinkedHashSet<>()));
    } finally {
      exit();
    }
  }

  private String dedupKey(ClientSession session) {
    if (violations.has(Violation.DD_4)) {
      return "*";
    }
    return violations.has(Violation.DD_3) ? session.userId() + "#" + session.sessionId() : session.userId();
  }

  private String ackId(String id) {
    return violations.has(Violation.CHAT_1) ? wrongId(id) : id;
  }

  private static String wrongId(String id) {
    String wrong = "x-" + id;
    return wrong.length() > 64 ? wrong.substring(0, 64) : wrong;
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
