package io.longlink.server.faults.filters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.ErrorCode;
import io.longlink.server.connection.CloseReason;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import io.longlink.server.store.Epochs;
import java.nio.charset.StandardCharsets;

/** Faults in what the server sends: a member changed, a message dropped, sent twice or in another form. */
public final class ServerMessageFaults {

  private ServerMessageFaults() {}

  /** Advertises {@code value} for the parameter in auth_ok, whatever the server applies (LL-LIM-6's fault applies another). */
  public static FrameFilter advertising(io.longlink.protocol.SessionParameter parameter, long value) {
    String[] path = parameter.path().split("\\.");
    return Messages.rewriting("auth_ok", (m, link) -> {
      ObjectNode at = m;
      for (int i = 0; i < path.length - 1; i++) {
        at = (ObjectNode) at.path(path[i]);
      }
      at.put(path[path.length - 1], value);
    });
  }

  /** LL-TR-4: pongs as binary frames. */
  public static FrameFilter binaryPongs() {
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        if (Json.isType(text, "pong")) {
          link.binaryToClient(text.getBytes(StandardCharsets.UTF_8));
        } else {
          link.toClient(text);
        }
      }
    };
  }

  /** LL-MSG-1: left without its room. */
  public static FrameFilter leftWithoutRoom() {
    return Messages.rewriting("left", (m, link) -> m.remove("room"));
  }

  /** LL-PAR-1: reconnect.max_delay_ms below reconnect.initial_delay_ms. */
  public static FrameFilter inconsistentReconnect() {
    return Messages.rewriting("auth_ok", (m, link) -> {
      ObjectNode reconnect = (ObjectNode) m.path("reconnect");
      long initial = reconnect.path("initial_delay_ms").asLong();
      reconnect.put("max_delay_ms", initial);
      reconnect.put("initial_delay_ms", initial + 100);
    });
  }

  /** LL-AUTH-2: auth_ok twice. */
  public static FrameFilter doubleAuthOk() {
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        link.toClient(text);
        if (Json.isType(text, "auth_ok")) {
          link.toClient(text);
        }
      }
    };
  }

  /** LL-AUTH-3: a user_id other than the token's. */
  public static FrameFilter impostor() {
    return Messages.rewriting("auth_ok", (m, link) ->
        m.put("user_id", "impostor".equals(m.path("user_id").asText()) ? "impostor-2" : "impostor"));
  }

  /** LL-AUTH-4: the same session_id for every connection. */
  public static FrameFilter sharedSessionId() {
    return Messages.rewriting("auth_ok", (m, link) -> m.put("session_id", "s-1"));
  }

  /** LL-AUTH-12: server_time an hour ahead. */
  public static FrameFilter clockAhead() {
    return Messages.rewriting("auth_ok", (m, link) -> m.put("server_time", m.path("server_time").asLong() + 3_600_000));
  }

  /** LL-DLV-12: a new epoch for every session. */
  public static FrameFilter epochPerSession() {
    return Messages.rewriting("auth_ok", (m, link) -> m.put("epoch", Epochs.fresh()));
  }

  /** LL-HB-2: pings never answered. */
  public static FrameFilter noPongs() {
    return Messages.dropping("pong", m -> true);
  }

  /** LL-CHAT-1: acks with a wrong id. */
  public static FrameFilter wrongAckId() {
    return Messages.rewriting("ack", (m, link) -> m.put("id", Messages.wrongId(m.path("id").asText())));
  }

  /** LL-CHAT-3: bodies trimmed on delivery. */
  public static FrameFilter trimmedBodies() {
    return Messages.rewriting("chat", (m, link) -> m.put("body", m.path("body").asText().strip()));
  }

  /** LL-ROOM-1: joined with a wrong id. */
  public static FrameFilter wrongJoinedId() {
    return Messages.rewriting("joined", (m, link) -> m.put("id", Messages.wrongId(m.path("id").asText())));
  }

  /** LL-DD-1: repeats acked as if new. */
  public static FrameFilter repeatsNotMarked() {
    return Messages.rewriting("ack", (m, link) -> m.put("duplicate", false));
  }

  /** LL-SHUT-3: the 4009 close without its goaway. */
  public static FrameFilter noGoAwayBefore4009() {
    return Messages.dropping("goaway", m -> m.path("code").asInt() == CloseCode.TOO_MANY_CONNECTIONS.code());
  }

  /** LL-ERR-4: an unknown type closes the connection with 4008 instead of an error. */
  public static FrameFilter unknownTypeCloses() {
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        ObjectNode m = Json.ofType(text, "error");
        if (m != null && ErrorCode.UNKNOWN_TYPE.wireValue().equals(m.path("code").asText())) {
          link.closeClient(CloseCode.MALFORMED_FRAME.code(), CloseReason.of(CloseCode.MALFORMED_FRAME, "unknown type"));
        } else {
          link.toClient(text);
        }
      }
    };
  }

  /** LL-ERR-5: invalid_message without its pointer. */
  public static FrameFilter noPointer() {
    return invalidMessages((m, link) -> m.remove("pointer"));
  }

  /** LL-ERR-7: invalid_message that says only "bad input". */
  public static FrameFilter vagueErrors() {
    return invalidMessages((m, link) -> m.put("message", "bad input"));
  }

  private static FrameFilter invalidMessages(java.util.function.BiConsumer<ObjectNode, Link> change) {
    return Messages.rewriting("error", (m, link) -> {
      if (ErrorCode.INVALID_MESSAGE.wireValue().equals(m.path("code").asText())) {
        change.accept(m, link);
      }
    });
  }
}
