package io.longlink.server.connection;

import io.longlink.codec.DecodeError;
import io.longlink.codec.DecodeResult;
import io.longlink.model.Auth;
import io.longlink.model.AuthOk;
import io.longlink.model.ClientMessage;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.auth.AuthDecision;
import io.longlink.server.messaging.Hub;
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
    } else {
      // LL-AUTH-9: nothing but auth before the session, not even a ping.
      conn.close(CloseCode.NOT_AUTHENTICATED, "send auth first; got " + message.type());
    }
  }

  private void refuse(DecodeError error) {
    if (error.unreadable()) {
      Unreadable.handle(conn, error);
    } else if (error.kind() == DecodeError.Kind.SCHEMA_VIOLATION && Auth.TYPE.equals(error.type())) {
      // LL-AUTH-11: an auth that fails its schema closes with 4001, not an error the client could retry.
      conn.close(CloseCode.UNAUTHORIZED, "invalid auth: " + error.violations().get(0));
    } else {
      // LL-AUTH-9: a first message of another type, valid or not, is 4005; only an unreadable frame is 4008 (LL-ERR-3).
      conn.close(CloseCode.NOT_AUTHENTICATED, "send auth first; got " + (error.type() == null ? "an invalid message" : error.type()));
    }
  }

  private void authenticate(Auth auth) {
    conn.cancelAuthTimer();
    // LL-SEC-3: the token comes in auth only; the URL is never read for one.
    AuthDecision decision = ctx.verifier().verify(auth.token());
    if (!decision.accepted()) {
      LOG.info("auth refused {} ({} {}): {}", conn.connectionId(), auth.client().name(), auth.client().version(), decision.reason());
      conn.close(decision.refusal(), decision.reason());
      return;
    }
    String user = decision.userId();
    // LL-AUTH-4: every connection its own session_id; LL-AUTH-3: the token's user, as verified.
    String session = "s-" + UUID.randomUUID();
    conn.identify(user, session);
    long serverTime = ctx.clock().millis();
    ChatGuard guard = new ChatGuard(ctx.config(), ctx.rateLimits(), user);
    // LL-DLV-12: the epoch is the history's as the store has it when the backlog is read, not as this node last saw it.
    Hub.Admission admission = ctx.hub().admit(conn, auth.lastSeq(), auth.epoch(), epoch -> {
      AuthOk ok = ctx.authOk().create(session, user, serverTime, epoch);
      conn.admitted();
      conn.startSession(guard);
      // LL-AUTH-2: exactly one auth_ok, before anything else of the session.
      conn.send(ok);
    });
    // LL-LIM-6: one session too many gets goaway and a 4009 close, and no auth_ok: admit did not run onAdmitted.
    if (admission == Hub.Admission.TOO_MANY_CONNECTIONS) {
      long max = ctx.config().millis(SessionParameter.MAX_CONNECTIONS_PER_USER);
      String why = "user " + user + " already holds " + max + " sessions; close one, or retry after retry_after_ms";
      // LL-SHUT-3: a goaway with the retry hint goes before the 4009 close.
      conn.goAway(CloseCode.TOO_MANY_CONNECTIONS, ctx.config().retryAfterMs(), why);
      return;
    }
    if (admission == Hub.Admission.STORE_UNAVAILABLE) {
      conn.goAway(CloseCode.TRY_AGAIN_LATER, ctx.config().retryAfterMs(),
          "the server cannot reach its store just now; reconnect after retry_after_ms");
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
}
