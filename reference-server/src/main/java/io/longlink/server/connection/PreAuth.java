package io.longlink.server.connection;

import io.longlink.codec.DecodeError;
import io.longlink.codec.DecodeResult;
import io.longlink.model.Auth;
import io.longlink.model.AuthOk;
import io.longlink.model.ClientMessage;
import io.longlink.model.GoAway;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.auth.AuthDecision;
import io.longlink.server.messaging.Errors;
import io.longlink.server.messaging.Hub;
import io.longlink.server.violation.Violation;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connection before its session: the first message has to be a valid auth with a good token (PROTOCOL.md §7). */
final class PreAuth {

  private static final Logger LOG = LoggerFactory.getLogger(PreAuth.class);

  private final ConnectionContext ctx;
  private final Connection conn;

  PreAuth(ConnectionContext ctx, Connection conn) {
    this.ctx = ctx;
    this.conn = conn;
  }

  void onText(String text) {
    DecodeResult<ClientMessage> decoded = ctx.codec().decodeClientMessage(text);
    if (!decoded.isOk()) {
      refuse(decoded.error());
      return;
    }
    ClientMessage message = decoded.message();
    if (message instanceof Auth auth) {
      authenticate(auth);
    } else if (conn.violates(Violation.AUTH_9)) {
      if (message instanceof Ping ping) {
        conn.send(new Pong(ping.id(), ctx.clock().millis()));
      }
    } else {
      conn.close(CloseCode.NOT_AUTHENTICATED, "send auth first; got " + message.type());
    }
  }

  private void refuse(DecodeError error) {
    if (error.unreadable()) {
      Unreadable.handle(conn, error);
    } else if (error.kind() == DecodeError.Kind.SCHEMA_VIOLATION && Auth.TYPE.equals(error.type())) {
      if (conn.violates(Violation.AUTH_11)) {
        conn.send(Errors.invalid(error.detail(), error.ref(), error.pointer().orElse(null)));
      } else {
        conn.close(CloseCode.UNAUTHORIZED, "invalid auth: " + error.violations().get(0));
      }
    } else {
      conn.close(CloseCode.NOT_AUTHENTICATED, "send auth first; got " + (error.type() == null ? "an invalid message" : error.type()));
    }
  }

  private void authenticate(Auth auth) {
    conn.cancelAuthTimer();
    AuthDecision decision = ctx.verifier().verify(auth.token());
    if (!decision.accepted() && conn.violates(Violation.SEC_3)) {
      String urlToken = QueryToken.find(conn.wire().query());
      AuthDecision byUrl = urlToken == null ? null : ctx.verifier().verify(urlToken);
      if (byUrl != null && byUrl.accepted()) {
        decision = byUrl;
      }
    }
    if (!decision.accepted()) {
      LOG.info("auth refused {} ({} {}): {}", conn.connectionId(), auth.client().name(), auth.client().version(), decision.reason());
      conn.close(decision.refusal(), decision.reason());
      return;
    }
    String user = decision.userId();
    String session = conn.violates(Violation.AUTH_4) ? "s-1" : "s-" + UUID.randomUUID();
    conn.identify(user, session);
    AuthOk ok = ctx.authOk().create(session, conn.violates(Violation.AUTH_3) ? impostor(user) : user, ctx.clock().millis(),
        ctx.hub().epoch());
    ChatGuard guard = new ChatGuard(ctx.config(), user);
    Hub.Admission admission = ctx.hub().admit(conn, auth.lastSeq(), auth.epoch(), () -> {
      conn.admitted();
      conn.startSession(guard);
      conn.send(ok);
      if (conn.violates(Violation.AUTH_2)) {
        conn.send(ok);
      }
    });
    if (admission == Hub.Admission.TOO_MANY_CONNECTIONS) {
      long max = ctx.config().millis(SessionParameter.MAX_CONNECTIONS_PER_USER);
      String why = "user " + user + " already holds " + max + " sessions; close one, or retry after retry_after_ms";
      if (!conn.violates(Violation.SHUT_3)) {
        conn.send(new GoAway(CloseCode.TOO_MANY_CONNECTIONS.code(), ctx.config().retryAfterMs(), why));
      }
      conn.close(CloseCode.TOO_MANY_CONNECTIONS, why);
      return;
    }
    if (conn.isClosed()) {
      ctx.hub().depart(conn);
      return;
    }
    ctx.metrics().sessionStarted();
    LOG.debug("auth ok {} user={} session={} client={} {} last_seq={} epoch={}", conn.connectionId(), user, session,
        auth.client().name(), auth.client().version(), auth.lastSeq(), auth.epoch());
  }

  private static String impostor(String user) {
    return "impostor".equals(user) ? "impostor-2" : "impostor";
  }
}
