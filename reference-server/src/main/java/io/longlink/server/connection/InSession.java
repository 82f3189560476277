package io.longlink.server.connection;

import io.longlink.codec.DecodeError;
import io.longlink.codec.DecodeResult;
import io.longlink.model.Auth;
import io.longlink.model.Chat;
import io.longlink.model.ClientMessage;
import io.longlink.model.DeliveryAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.Join;
import io.longlink.model.Leave;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.ErrorCode;
import io.longlink.server.messaging.Errors;

/** A connection in session: every message of PROTOCOL.md §5 that a client sends, and every way it can be wrong (§15). */
final class InSession {

  private final ConnectionContext ctx;
  private final Connection conn;
  private final ChatGuard guard;

  InSession(ConnectionContext ctx, Connection conn, ChatGuard guard) {
    this.ctx = ctx;
    this.conn = conn;
    this.guard = guard;
  }

  void onText(String text) {
    // LL-MSG-2: the codec reads the members each schema defines and ignores the others.
    DecodeResult<ClientMessage> decoded = ctx.codec().decodeClientMessage(text);
    conn.activity();
    if (!decoded.isOk()) {
      refuse(decoded.error());
      return;
    }
    ClientMessage message = decoded.message();
    long now = ctx.clock().millis();
    if (message instanceof Auth) {
      secondAuth();
    } else if (message instanceof Ping ping) {
      // LL-HB-2: every ping is answered with a pong of its id, as a text frame (LL-TR-4).
      conn.send(new Pong(ping.id(), now));
    } else if (message instanceof Chat chat) {
      chat(chat, now);
    } else if (message instanceof DeliveryAck ack) {
      // LL-LIM-5: pings and delivery acks are not counted against the rate.
      ctx.hub().acknowledge(conn, ack.seq());
    } else if (message instanceof Join join) {
      if (passes(guard.rate(join.id(), now))) {
        conn.send(ctx.hub().join(conn, join));
      }
    } else if (message instanceof Leave leave) {
      if (passes(guard.rate(leave.id(), now))) {
        conn.send(ctx.hub().leave(conn, leave));
      }
    }
  }

  /** LL-AUTH-10: a second auth on a connection closes it with 4006. */
  private void secondAuth() {
    conn.close(CloseCode.ALREADY_AUTHENTICATED, "this connection is already authenticated as " + conn.userId());
  }

  private void chat(Chat chat, long now) {
    // LL-LIM-3: a chat over the rate is refused, and only refused.
    if (!passes(guard.rate(chat.id(), now)) || !passes(guard.signature(chat, now))) {
      return;
    }
    conn.send(ctx.hub().chat(conn, chat).reply());
  }

  private boolean passes(ErrorMessage error) {
    if (error == null) {
      return true;
    }
    conn.send(error);
    return false;
  }

  private void refuse(DecodeError error) {
    if (error.unreadable()) {
      Unreadable.handle(conn, error);
      return;
    }
    // LL-AUTH-10: an auth that fails its schema is still a second auth: 4006, not an error.
    if (Auth.TYPE.equals(error.type())) {
      secondAuth();
      return;
    }
    // LL-ERR-6: bad input costs the connection that sent it an error, and nothing else.
    if (error.kind() == DecodeError.Kind.UNKNOWN_TYPE) {
      // LL-ERR-4: an unknown type is answered with unknown_type; the connection stays open.
      passes(Errors.of(ErrorCode.UNKNOWN_TYPE, error.detail() + "; this server speaks Longlink v1", error.ref()));
    } else {
      // LL-ERR-5, LL-ERR-7: invalid_message names the member that is wrong and says what to do.
      passes(Errors.invalid(error.detail() + "; fix it and send the message again", error.ref(), error.pointer().orElse("")));
    }
  }
}
