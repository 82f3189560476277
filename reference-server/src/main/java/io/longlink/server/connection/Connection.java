package io.longlink.server.connection;

import io.longlink.model.ErrorMessage;
import io.longlink.model.GoAway;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.limits.Utf8;
import io.longlink.server.messaging.ClientSession;
import io.longlink.server.store.PendingDelivery;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: its state (awaiting auth, in session, closed), its timers (auth timeout,
 * heartbeat silence) and its outbound queue. The transport calls the {@code on*} methods one at a
 * time, in the order frames arrived; the hub and the timers call {@link #send} and
 * {@link #close} from other threads, which is why those only touch atomics and the wire.
 */
public final class Connection implements ClientSession, Inbound {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private static final long ABORT_GRACE_MS = 1_000;
  private static final int MAX_VICTIMS = 64;

  enum State {
    AWAITING_AUTH,
    IN_SESSION,
    CLOSED
  }

  private final ConnectionContext ctx;
  private final Wire wire;
  private final String connectionId;
  private final AtomicReference<State> state = new AtomicReference<>(State.AWAITING_AUTH);
  private final OutboundQueue outbound;
  private final OrderedWrites writes = new OrderedWrites();
  private final PreAuth preAuth;
  private volatile InSession inSession;
  private volatile String userId;
  private volatile String sessionId;
  private volatile boolean admitted;
  private volatile long lastActivityNanos;
  private volatile ScheduledFuture<?> authTimer;
  private volatile ScheduledFuture<?> heartbeatTimer;

  public Connection(ConnectionContext ctx, Wire wire) {
    this.ctx = ctx;
    this.wire = wire;
    this.connectionId = "c" + ctx.connectionCounter().incrementAndGet();
    this.lastActivityNanos = ctx.nanoTime().getAsLong();
    this.preAuth = new PreAuth(ctx, this);
    this.outbound = new OutboundQueue(ctx.config().maxOutboundFrames(), ctx.config().maxOutboundBytes(),
        ctx.openConnections().budget());
  }

  @Override
  public void onOpen() {
    ctx.openConnections().add(this);
    ctx.metrics().connectionOpened();
    // Connects, auths and closes are DEBUG: a server of 10,000 reconnecting phones would log little else.
    LOG.debug("connect {} from {}", connectionId, wire.remoteAddress());
    // LL-TR-3: a client that did not offer longlink.v1 may speak another protocol; it is not served.
    if (!wire.offeredSubprotocol()) {
      close(CloseCode.SUBPROTOCOL_REQUIRED, "offer longlink.v1 in Sec-WebSocket-Protocol");
      return;
    }
    // LL-AUTH-8: a connection that does not authenticate in time is closed with 4004.
    long timeout = ctx.config().millis(SessionParameter.AUTH_TIMEOUT_MS);
    authTimer = ctx.scheduler().schedule(() -> {
      if (state.get() == State.AWAITING_AUTH) {
        close(CloseCode.AUTH_TIMEOUT, "no auth within " + timeout + " ms");
      }
    }, timeout, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onText(String text) {
    ctx.metrics().frameIn();
    switch (state.get()) {
      case AWAITING_AUTH -> preAuth.onText(text);
      case IN_SESSION -> inSession.onText(text);
      case CLOSED -> { }
    }
  }

  /** Longlink is text only (LL-ERR-1). */
  @Override
  public void onBinary() {
    ctx.metrics().frameIn();
    activity();
    close(CloseCode.UNSUPPORTED_DATA, "Longlink uses text frames only");
  }

  /** A text message that is not UTF-8 ends the connection with 1007 (LL-ERR-2). */
  @Override
  public void onInvalidText(byte[] bytes) {
    ctx.metrics().frameIn();
    close(CloseCode.INVALID_PAYLOAD, "the text frame is not valid UTF-8");
  }

  /** A WebSocket control frame or continuation: a sign of life like any other frame (LL-HB-4). */
  @Override
  public void onOtherFrame() {
    activity();
  }

  /** Runs {@code task} after {@code delayMs}, unless the connection closed by then. */
  public void after(long delayMs, Runnable task) {
    ctx.scheduler().schedule(() -> {
      if (state.get() != State.CLOSED) {
        task.run();
      }
    }, delayMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onClosed(int code, String reason) {
    if (state.getAndSet(State.CLOSED) == State.CLOSED) {
      return;
    }
    ctx.openConnections().remove(this);
    cancel(authTimer);
    cancel(heartbeatTimer);
    if (admitted) {
      ctx.hub().depart(this);
    }
    ctx.metrics().connectionClosed(code);
    LOG.debug("close {} user={} session={} code={} reason={}", connectionId, userId, sessionId, code, reason);
  }

  /** Called by {@link PreAuth} once the token is accepted and the hub admitted the session. */
  void startSession(ChatGuard guard) {
    this.inSession = new InSession(ctx, this, guard);
    state.set(State.IN_SESSION);
    cancel(authTimer);
    // Let go of it: a cancelled task is still a task, and every connection would keep one for good.
    authTimer = null;
    wire.sessionStarted();
    activity();
    // LL-HB-3: a session silent for heartbeat.timeout_ms is closed with 4000.
    scheduleHeartbeatCheck(ctx.config().millis(SessionParameter.HEARTBEAT_TIMEOUT_MS));
  }

  void identify(String user, String session) {
    this.userId = user;
    this.sessionId = session;
  }

  void admitted() {
    this.admitted = true;
  }

  void cancelAuthTimer() {
    cancel(authTimer);
    authTimer = null;
  }

  /** Records a sign of life: any frame counts, not only pings (LL-HB-4). */
  void activity() {
    lastActivityNanos = ctx.nanoTime().getAsLong();
  }

  private void scheduleHeartbeatCheck(long delayMs) {
    heartbeatTimer = ctx.scheduler().schedule(this::checkHeartbeat, delayMs, TimeUnit.MILLISECONDS);
  }

  /** LL-HB-3: a session silent for heartbeat.timeout_ms closes with 4000; otherwise it checks again when that would run out. */
  private void checkHeartbeat() {
    if (state.get() != State.IN_SESSION) {
      return;
    }
    long timeout = ctx.config().millis(SessionParameter.HEARTBEAT_TIMEOUT_MS);
    long silentMs = TimeUnit.NANOSECONDS.toMillis(ctx.nanoTime().getAsLong() - lastActivityNanos);
    if (silentMs >= timeout) {
      close(CloseCode.HEARTBEAT_TIMEOUT, "nothing received for " + silentMs + " ms");
    } else {
      scheduleHeartbeatCheck(timeout - silentMs);
    }
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public String userId() {
    return userId;
  }

  @Override
  public void send(ServerMessage message) {
    if (state.get() == State.CLOSED) {
      return;
    }
    // LL-TR-4, LL-MSG-1: a model generated from the schemas, written by the spec's codec as one JSON object, sent as text.
    String text = ctx.codec().encode(message);
    if (enqueue(text, Utf8.length(text)) && message instanceof ErrorMessage error) {
      ctx.metrics().errorSent(error.code());
    }
  }

  @Override
  public void deliver(PendingDelivery delivery, boolean redelivered) {
    if (state.get() != State.CLOSED) {
      enqueue(delivery.frame(redelivered), delivery.bytes(redelivered));
    }
  }

  /**
   * Queues a frame within the bounds on this connection's queue and on all queues together. A
   * client that stops reading fills its queue; past the bound it is closed as a slow consumer
   * (LL-LIM-7). When the queues together are full, the connections holding the most are closed as
   * slow consumers until the frame fits (LL-LIM-11): possibly this one, never one that holds less.
   */
  private boolean enqueue(String text, long bytes) {
    for (int attempt = 0; attempt < MAX_VICTIMS; attempt++) {
      switch (outbound.offer(bytes)) {
        case QUEUED -> {
          writes.add(() -> wire.sendText(text, () -> outbound.written(bytes)));
          return true;
        }
        case DROPPED -> {
          return false;
        }
        case FULL -> {
          slowConsumer("more than " + outbound.maxBytes() + " bytes or " + outbound.maxFrames()
              + " messages waiting to be sent");
          return false;
        }
        case OVER_BUDGET -> {
          // Null: the queues emptied meanwhile; try again.
          Connection victim = ctx.openConnections().largestQueue();
          if (victim != null) {
            victim.slowConsumer("the server's outbound queues are full and this connection holds the most of them ("
                + victim.queuedBytes() + " bytes)");
          }
          if (victim == this) {
            return false;
          }
        }
      }
    }
    slowConsumer("the server's outbound queues stay full");
    return false;
  }

  /** Closes as a slow consumer (4010): the close frame now, the socket after a grace period for a client that is merely slow. */
  void slowConsumer(String detail) {
    if (!outbound.drop()) {
      return;
    }
    ctx.metrics().slowConsumer();
    LOG.info("slow consumer {} user={}: {}", connectionId, userId, detail);
    close(CloseCode.SLOW_CONSUMER, detail);
    ctx.scheduler().schedule(wire::abort, ABORT_GRACE_MS, TimeUnit.MILLISECONDS);
  }

  long queuedBytes() {
    return outbound.bytes();
  }

  /** Announces a deliberate close with its retry hint, then closes (LL-SHUT-2, LL-SHUT-3). */
  public void goAway(CloseCode code, long retryAfterMs, String why) {
    send(new GoAway(code.code(), retryAfterMs, why));
    close(code, why);
  }

  /** Closes with a code of the table and a reason that names it (LL-CLOSE-1, LL-CLOSE-2). */
  @Override
  public void close(CloseCode code, String detail) {
    if (state.get() != State.CLOSED) {
      String reason = CloseReason.of(code, detail);
      LOG.debug("closing {} with {} {}", connectionId, code.code(), reason);
      // Behind the frames queued before it: a goaway, then its close.
      writes.add(() -> wire.close(code.code(), reason));
    }
  }

  boolean isClosed() {
    return state.get() == State.CLOSED;
  }

  String connectionId() {
    return connectionId;
  }

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
