package io.longlink.server.messaging;

import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.Join;
import io.longlink.model.Joined;
import io.longlink.model.Leave;
import io.longlink.model.Left;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.ErrorCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.Engine;
import io.longlink.server.store.MessageStore;
import io.longlink.server.store.StoreBounds;
import io.longlink.server.store.StoreUnavailable;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes chats between users, as the connections of this node see it: admission and the
 * connection limit, acceptance, delivery and redelivery, settlement. Transport-agnostic: it sees
 * sessions, not sockets. The ordering rules hold because the engine's store makes each step
 * atomic (a seq is taken and stored for every recipient in one step: LL-CHAT-2, LL-CHAT-6) and
 * because each user's sessions here are sent their deliveries under that user's lock, in seq
 * order, backlog first (LL-DLV-4, LL-DLV-7); so they hold across nodes sharing one store too.
 */
public final class Hub {

  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

  /** The outcome of a session asking to be admitted. */
  public enum Admission {
    ADMITTED,
    TOO_MANY_CONNECTIONS,
    /** The store could not be reached: the session was not admitted, and counts nowhere. */
    STORE_UNAVAILABLE
  }

  private final MessageStore store;
  private final Delivery delivery;
  private final Acceptance acceptance;
  private final Settlement settlement;
  private final long retryAfterMs;

  public Hub(ServerConfig config, Engine engine, ScheduledExecutorService scheduler, ServerMetrics metrics, Clock clock,
      LongSupplier nanoTime, MessageCodec codec) {
    this.store = engine.messages();
    long ackTimeoutMs = config.millis(SessionParameter.ACK_TIMEOUT_MS);
    this.delivery = new Delivery(store, engine.presence(), new LocalSessions(), new UserLocks(), scheduler, ackTimeoutMs,
        nanoTime, metrics, config.millis(SessionParameter.MAX_CONNECTIONS_PER_USER));
    this.acceptance = new Acceptance(store, engine.bus(), delivery, metrics, clock, codec, StoreBounds.of(config),
        ackTimeoutMs);
    this.settlement = new Settlement(store, delivery.timers(), metrics);
    this.retryAfterMs = config.retryAfterMs();
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
    try {
      return delivery.admit(session, lastSeq, epoch, onAdmitted) == Delivery.Admitted.YES
          ? Admission.ADMITTED
          : Admission.TOO_MANY_CONNECTIONS;
    } catch (StoreUnavailable e) {
      LOG.warn("session {} of {} not admitted: {}", session.sessionId(), session.userId(), e.getMessage());
      return Admission.STORE_UNAVAILABLE;
    }
  }

  /** Unregisters a closed session. */
  public void depart(ClientSession session) {
    delivery.depart(session);
  }

  /** Accepts, refuses or recognises as a repeat one chat of {@code session}'s user. */
  public ChatOutcome chat(ClientSession session, Chat chat) {
    try {
      return acceptance.chat(session, chat);
    } catch (StoreUnavailable e) {
      // Not acked, so not promised: the client sends it again, and dedup knows it if the store took it after all.
      LOG.warn("chat {} of {} not judged: {}", chat.id(), session.userId(), e.getMessage());
      return new ChatOutcome(unavailable(chat.id()), false);
    }
  }

  /** Settles one delivery of {@code session}'s user (LL-DLV-3); unknown seqs are ignored (LL-DLV-9). */
  public void acknowledge(ClientSession session, long seq) {
    try {
      settlement.acknowledge(session, seq);
    } catch (StoreUnavailable e) {
      // Still pending, so sent again after the ack timeout, and acked again.
      LOG.warn("ack of {} by {} not settled: {}", seq, session.userId(), e.getMessage());
    }
  }

  /** Joined, or an unavailable error when the store could not be reached. */
  public ServerMessage join(ClientSession session, Join join) {
    try {
      // LL-ROOM-1: joined, with the join's id and room, also for a user who already is a member.
      store.join(join.room(), session.userId());
      return new Joined(join.id(), join.room());
    } catch (StoreUnavailable e) {
      return unavailable(join.id());
    }
  }

  /** Left, or an unavailable error when the store could not be reached. */
  public ServerMessage leave(ClientSession session, Leave leave) {
    try {
      // LL-ROOM-4: leave ends the membership.
      store.leave(leave.room(), session.userId());
      return new Left(leave.id(), leave.room());
    } catch (StoreUnavailable e) {
      return unavailable(leave.id());
    }
  }

  private ServerMessage unavailable(String id) {
    return Errors.retryable(ErrorCode.UNAVAILABLE, "the server cannot reach its store just now; send it again after "
        + "retry_after_ms", id, retryAfterMs);
  }
}
