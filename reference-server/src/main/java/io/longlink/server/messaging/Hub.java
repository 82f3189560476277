package io.longlink.server.messaging;

import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.Join;
import io.longlink.model.Joined;
import io.longlink.model.Leave;
import io.longlink.model.Left;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.Engine;
import io.longlink.server.store.MessageStore;
import io.longlink.server.store.StoreBounds;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Routes chats between users, as the connections of this node see it: admission and the
 * connection limit, acceptance, delivery and redelivery, settlement. Transport-agnostic: it sees
 * sessions, not sockets. The ordering rules hold because the engine's store makes each step
 * atomic (a seq is taken and stored for every recipient in one step: LL-CHAT-2, LL-CHAT-6) and
 * because each user's sessions here are sent their deliveries under that user's lock, in seq
 * order, backlog first (LL-DLV-4, LL-DLV-7); so they hold across nodes sharing one store too.
 */
public final class Hub {

  /** The outcome of a session asking to be admitted. */
  public enum Admission {
    ADMITTED,
    TOO_MANY_CONNECTIONS
  }

  private final MessageStore store;
  private final Delivery delivery;
  private final Acceptance acceptance;
  private final Settlement settlement;

  public Hub(ServerConfig config, Engine engine, ScheduledExecutorService scheduler, ServerMetrics metrics, Clock clock,
      LongSupplier nanoTime, MessageCodec codec) {
    this.store = engine.messages();
    long ackTimeoutMs = config.millis(SessionParameter.ACK_TIMEOUT_MS);
    this.delivery = new Delivery(store, engine.presence(), new LocalSessions(), new UserLocks(), scheduler, ackTimeoutMs,
        nanoTime, metrics, config.millis(SessionParameter.MAX_CONNECTIONS_PER_USER));
    this.acceptance = new Acceptance(store, engine.bus(), delivery, metrics, clock, codec, StoreBounds.of(config),
        ackTimeoutMs);
    this.settlement = new Settlement(store, delivery.timers(), metrics);
    engine.bus().listen(delivery::wake, delivery::wakeAll);
    metrics.gauges(store::pendingTotal, store::dedupEntries);
    metrics.pendingBytes(store::pendingBytes, config.maxTotalPendingBytes());
  }

  /** The epoch of the history as it is now, which auth_ok advertises (LL-DLV-12). */
  public String epoch() {
    return store.epoch();
  }

  /**
   * Registers a session of an authenticated user. When admitted, {@code onAdmitted} runs first
   * with the history's epoch (it sends auth_ok), then the user's pending deliveries follow in seq
   * order: those above {@code lastSeq} when {@code epoch} is the history's, every one otherwise (LL-DLV-13).
   */
  public Admission admit(ClientSession session, Long lastSeq, String epoch, Consumer<String> onAdmitted) {
    return delivery.admit(session, lastSeq, epoch, onAdmitted) == Delivery.Admitted.YES
        ? Admission.ADMITTED
        : Admission.TOO_MANY_CONNECTIONS;
  }

  /** Unregisters a closed session. */
  public void depart(ClientSession session) {
    delivery.depart(session);
  }

  /** Accepts, refuses or recognises as a repeat one chat of {@code session}'s user. */
  public ChatOutcome chat(ClientSession session, Chat chat) {
    return acceptance.chat(session, chat);
  }

  /** Settles one delivery of {@code session}'s user (LL-DLV-3); unknown seqs are ignored (LL-DLV-9). */
  public void acknowledge(ClientSession session, long seq) {
    settlement.acknowledge(session, seq);
  }

  public Joined join(ClientSession session, Join join) {
    // LL-ROOM-1: joined, with the join's id and room, also for a user who already is a member.
    store.join(join.room(), session.userId());
    return new Joined(join.id(), join.room());
  }

  public Left leave(ClientSession session, Leave leave) {
    // LL-ROOM-4: leave ends the membership.
    store.leave(leave.room(), session.userId());
    return new Left(leave.id(), leave.room());
  }
}
