package io.longlink.client.connection;

import io.longlink.client.CloseCause;
import io.longlink.client.ConnectionState;
import io.longlink.client.heartbeat.Heartbeat;
import io.longlink.client.reconnect.CloseDecision;
import io.longlink.client.reconnect.ReconnectPlan;
import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.codec.DecodeResult;
import io.longlink.codec.MessageCodec;
import io.longlink.model.AuthOk;
import io.longlink.model.ClientInfo;
import io.longlink.model.ClientMessage;
import io.longlink.model.GoAway;
import io.longlink.model.Ping;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.Protocol;
import java.net.URI;
import java.time.Duration;

/**
 * The connection lifecycle of PROTOCOL.md §7, §8 and §13: one attempt at a time (LL-RC-3), auth
 * first (LL-AUTH-1), heartbeat and half-open detection, and reconnect with backoff after any
 * close the table does not mark "no". Every method runs on the scheduler's thread; transport
 * callbacks are moved onto it, and those of a link the client has let go of are ignored.
 */
public final class Connector {

  private final URI uri;
  private final ClientInfo client;
  private final Dependencies deps;
  private final SessionHandler handler;
  private final Heartbeat heartbeat;
  private String token;
  private SessionParams params = SessionParams.defaults();
  private Attempt current;
  private boolean running;
  private boolean inSession;
  private long pings;
  private final ReconnectPlan plan;

  public Connector(URI uri, String token, ClientInfo client, Dependencies deps, SessionHandler handler) {
    this.uri = uri;
    this.token = token;
    this.client = client;
    this.deps = deps;
    this.handler = handler;
    this.plan = new ReconnectPlan(deps.scheduler(), deps.backoff());
    this.heartbeat = new Heartbeat(deps.scheduler(), () -> send(new Ping("p-" + ++pings)), this::declareDead);
  }

  /** Starts connecting (attempt 0) unless already running. */
  public void start() {
    if (!running) {
      running = true;
      plan.restart();
      connect(0);
    }
  }

  /** Ends the link with a deliberate close (1000) and stops reconnecting (LL-RC-5). */
  public void stop(CloseCause cause, String reason) {
    boolean wasRunning = running;
    running = false;
    plan.cancel();
    Attempt ending = current;
    detach();
    if (ending != null) {
      ending.link.close(CloseCode.NORMAL.code(), reason);
    }
    if (wasRunning) {
      state(new ConnectionState.Closed(cause, CloseCode.NORMAL.code(), reason));
    }
  }

  /** The platform reports the network or the app back: a backoff wait under way ends early (LL-RC-10). */
  public void platformBack() {
    if (running) {
      plan.cutShort();
    }
  }

  /** New credentials: used from the next connection on, and they end a refusal (LL-RC-6). */
  public void updateToken(String newToken) {
    this.token = newToken;
    start();
  }

  /** The parameters in force: the latest auth_ok's, or the defaults before the first. */
  public SessionParams params() {
    return params;
  }

  private void connect(int attempt) {
    state(new ConnectionState.Connecting(attempt));
    heartbeat.attemptStarted(params.heartbeatTimeoutMs());
    Attempt next = new Attempt();
    current = next;
    next.link = deps.transport().open(uri, Protocol.SUBPROTOCOL, Duration.ofMillis(params.heartbeatTimeoutMs()), next);
  }

  private void opened() {
    send(HistoryEpoch.auth(token, client, handler.resumePoint()));
  }

  private void received(String frame) {
    heartbeat.received();
    DecodeResult<ServerMessage> decoded = deps.codec().decodeServerMessage(frame);
    if (!decoded.isOk()) {
      deps.observer().unreadableFrame(decoded.error().toString());
      return;
    }
    ServerMessage message = decoded.message();
    if (message instanceof GoAway goAway) {
      plan.hint(goAway.retryAfterMs());
    } else if (message instanceof AuthOk authOk && !inSession) {
      sessionStarted(authOk);
    } else if (inSession) {
      handler.received(message);
    }
  }

  private void sessionStarted(AuthOk authOk) {
    params = SessionParams.of(authOk);
    plan.sessionStarted();
    inSession = true;
    Attempt session = current;
    state(new ConnectionState.Open(authOk.sessionId(), authOk.userId()));
    heartbeat.sessionStarted(params.heartbeatIntervalMs(), params.heartbeatTimeoutMs());
    handler.sessionStarted(authOk, params, m -> {
      if (current == session) {
        send(m);
      }
    });
  }

  private void closed(int code, String reason) {
    detach();
    lost(code, reason);
  }

  private void declareDead(long silentMs) {
    deps.observer().linkDead(silentMs);
    Attempt dead = current;
    detach();
    String reason = "heartbeat_timeout: nothing received for " + silentMs + " ms";
    // Tell a server that still sees the socket why (LL-HB-6), then drop it: a half-open link never answers.
    dead.link.close(CloseCode.HEARTBEAT_TIMEOUT.code(), reason);
    dead.link.abort();
    lost(CloseCode.HEARTBEAT_TIMEOUT.code(), reason);
  }

  private void lost(int code, String reason) {
    if (!running) {
      return;
    }
    if (!CloseDecision.reconnects(code)) {
      running = false;
      state(new ConnectionState.Closed(CloseCause.REFUSED_BY_SERVER, code, reason));
      return;
    }
    state(plan.schedule(params, code, reason, this::connect));
  }

  private void detach() {
    current = null;
    heartbeat.stop();
    if (inSession) {
      inSession = false;
      handler.sessionEnded();
    }
  }

  private void send(ClientMessage message) {
    current.link.send(deps.codec().encode(message));
    heartbeat.sent();
  }

  private void state(ConnectionState state) {
    deps.stateSink().accept(state);
  }

  /** Moves one link's callbacks onto the scheduler, dropping them once the link is let go. */
  private final class Attempt implements LinkListener {

    Link link;

    @Override
    public void opened() {
      onThread(() -> Connector.this.opened());
    }

    @Override
    public void text(String frame) {
      onThread(() -> received(frame));
    }

    @Override
    public void closed(int code, String reason) {
      onThread(() -> Connector.this.closed(code, reason));
    }

    private void onThread(Runnable event) {
      deps.scheduler().execute(() -> {
        if (current == this) {
          event.run();
        }
      });
    }
  }
}
