package io.longlink.server.faults.filters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.codec.MessageCodec;
import io.longlink.model.ChatAck;
import io.longlink.model.Pong;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.ErrorCode;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import io.longlink.server.messaging.Errors;
import java.util.function.BiConsumer;

/** Messages the faults make up, encoded as the server encodes its own, and the filter shapes they share. */
final class Messages {

  static final MessageCodec CODEC = MessageCodec.create();

  private Messages() {}

  static String encode(ServerMessage message) {
    return CODEC.encode(message);
  }

  static String invalid(String message, String ref, String pointer) {
    return encode(Errors.invalid(message, ref, pointer));
  }

  static String error(ErrorCode code, String message, String ref) {
    return encode(Errors.of(code, message, ref));
  }

  static String retryable(ErrorCode code, String message, String ref, long retryAfterMs) {
    return encode(Errors.retryable(code, message, ref, retryAfterMs));
  }

  static String pong(String id, long now) {
    return encode(new Pong(id, now));
  }

  static String ack(String id, long seq, long ts, boolean duplicate) {
    return encode(new ChatAck(id, seq, ts, duplicate));
  }

  /** An id the client did not send, within the schema's 64 characters. */
  static String wrongId(String id) {
    String wrong = "x-" + id;
    return wrong.length() > 64 ? wrong.substring(0, 64) : wrong;
  }

  /** A filter that changes every server message of one type, then passes it on. */
  static FrameFilter rewriting(String type, BiConsumer<ObjectNode, Link> change) {
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        ObjectNode message = Json.ofType(text, type);
        if (message == null) {
          link.toClient(text);
          return;
        }
        change.accept(message, link);
        link.toClient(Json.write(message));
      }
    };
  }

  /** A filter that drops the server messages of one type that {@code which} picks. */
  static FrameFilter dropping(String type, java.util.function.Predicate<ObjectNode> which) {
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        ObjectNode message = Json.ofType(text, type);
        if (message == null || !which.test(message)) {
          link.toClient(text);
        }
      }
    };
  }
}
