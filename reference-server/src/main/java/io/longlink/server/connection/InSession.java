package io.longlink.server.connection;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.longlink.schema.Direction;
import io.longlink.schema.MessageCatalog;
import io.longlink.server.messaging.Errors;
import io.longlink.server.violation.Violation;
import java.nio.charset.StandardCharsets;

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
    DecodeResult<ClientMessage> decoded = ctx.codec().decodeClientMessage(text);
    conn.activity(decoded.isOk() && decoded.message() instanceof Ping);
    if (!decoded.isOk()) {
      refuse(decoded.error());
      return;
    }
    ClientMessage message = decoded.message();
    if (conn.violates(Violation.MSG_2) && refuseUnknownMembers(text, message)) {
      return;
    }
    long now = ctx.clock().millis();
    if (message instanceof Auth) {
      secondAuth();
    } else if (message instanceof Ping ping) {
      ping(ping, now);
    } else if (message instanceof Chat chat) {
      chat(chat, text, now);
    } else if (message instanceof DeliveryAck ack) {
      if (!conn.violates(Violation.LIM_5) || passes(guard.rate(null, now))) {
        ctx.hub().acknowledge(conn, ack.seq());
      }
    } else if (message instanceof Join join) {
      if (passes(guard.membershipRate(join.id(), now))) {
        conn.send(ctx.hub().join(conn, join));
      }
    } else if (message instanceof Leave leave) {
      if (passes(guard.membershipRate(leave.id(), now))) {
        conn.send(ctx.hub().leave(conn, leave));
      }
    }
  }

  private void secondAuth() {
    if (conn.violates(Violation.AUTH_10)) {
      conn.send(ctx.authOk().create(conn.sessionId(), conn.userId(), ctx.clock().millis(), ctx.hub().epoch()));
    } else {
      conn.close(CloseCode.ALREADY_AUTHENTICATED, "this connection is already authenticated as " + conn.userId());
    }
  }

  private void ping(Ping ping, long now) {
    if (conn.violates(Violation.LIM_5) && !passes(guard.rate(ping.id(), now))) {
      return;
    }
    if (conn.violates(Violation.HB_2)) {
      return;
    }
    Pong pong = new Pong(ping.id(), now);
    if (conn.violates(Violation.TR_4)) {
      conn.sendBinary(ctx.codec().encode(pong).getBytes(StandardCharsets.UTF_8));
    } else {
      conn.send(pong);
    }
  }

  private void chat(Chat chat, String text, long now) {
    // The ACTS switch's server forgets to stop after refusing for rate.
    if ((!passes(guard.rate(chat.id(), now)) && !conn.violates(Violation.LIM_3_ACTS)) || !passes(guard.signature(chat, now))) {
      return;
    }
    String clientFrom = conn.violates(Violation.CHAT_4) ? member(text, "from") : null;
    conn.send(ctx.hub().chat(conn, chat, clientFrom).reply());
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
    if (Auth.TYPE.equals(error.type())) {
      secondAuth();
      return;
    }
    conn.badInput();
    if (error.kind() == DecodeError.Kind.UNKNOWN_TYPE) {
      if (conn.violates(Violation.ERR_4)) {
        conn.close(CloseCode.MALFORMED_FRAME, "unknown type " + error.type());
      } else {
        passes(Errors.of(ErrorCode.UNKNOWN_TYPE, error.detail() + "; this server speaks Longlink v1", error.ref()));
      }
    } else {
      String pointer = conn.violates(Violation.ERR_5) ? null : error.pointer().orElse("");
      String text = conn.violates(Violation.ERR_7) ? "bad input" : error.detail() + "; fix it and send the message again";
      passes(Errors.invalid(text, error.ref(), pointer));
    }
  }

  /** Only the LL-MSG-2 violation switch refuses members the schema does not define. */
  private boolean refuseUnknownMembers(String text, ClientMessage message) {
    JsonNode json = ctx.codec().parse(text).message();
    JsonNode defined = MessageCatalog.load().find(Direction.CLIENT_TO_SERVER, message.type()).orElseThrow()
        .schema().getSchemaNode().path("properties");
    for (var names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!defined.has(name)) {
        passes(Errors.invalid("member " + name + " is not defined for " + message.type(), null, "/" + name));
        return true;
      }
    }
    return false;
  }

  private String member(String text, String name) {
    JsonNode value = ctx.codec().parse(text).message().get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
