package io.longlink.server.faults.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.codec.DecodeError;
import io.longlink.codec.DecodeResult;
import io.longlink.model.ClientMessage;
import io.longlink.protocol.CloseCode;
import io.longlink.schema.Direction;
import io.longlink.schema.MessageCatalog;
import io.longlink.server.connection.CloseReason;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Supplier;

/** Faults in how the server takes what the client sends: answered when it should close, read when it should refuse. */
public final class ClientMessageFaults {

  private ClientMessageFaults() {}

  /** LL-TR-2: no subprotocol selected in the handshake response. */
  public static FrameFilter noSubprotocol() {
    return new FrameFilter() {
      @Override
      public String subprotocol(String chosen) {
        return null;
      }
    };
  }

  /** LL-TR-3: clients served whether they offered longlink.v1 or not. */
  public static FrameFilter servesAnyProtocol() {
    return new FrameFilter() {
      @Override
      public boolean offeredSubprotocol(boolean offered) {
        return true;
      }
    };
  }

  /** LL-AUTH-9: a ping before auth answered with a pong. */
  public static FrameFilter pongsBeforeAuth() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        if (link.authOk() == null && Json.isType(text, "ping")) {
          JsonNode id = Json.parse(text).get("id");
          link.toClient(Messages.pong(id != null && id.isTextual() ? id.asText() : null, link.nowMs()));
        } else {
          link.toServer(text);
        }
      }
    };
  }

  /** LL-AUTH-10: a second auth answered with another auth_ok. */
  public static FrameFilter authOkAgain() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        if (link.authOk() != null && Json.isType(text, "auth")) {
          ObjectNode again = link.authOk().deepCopy();
          again.put("server_time", link.nowMs());
          link.toClient(Json.write(again));
        } else {
          link.toServer(text);
        }
      }
    };
  }

  /** LL-AUTH-11: an auth that fails its schema answered with an error instead of the 4001 close. */
  public static FrameFilter invalidAuthAnswered() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        if (link.authOk() == null && Json.isType(text, "auth")) {
          DecodeResult<ClientMessage> decoded = Messages.CODEC.decodeClientMessage(text);
          DecodeError error = decoded.isOk() ? null : decoded.error();
          if (error != null && error.kind() == DecodeError.Kind.SCHEMA_VIOLATION) {
            link.toClient(Messages.invalid(error.detail(), error.ref(), error.pointer().orElse(null)));
            return;
          }
        }
        link.toServer(text);
      }
    };
  }

  /** LL-MSG-2: client messages with members their schema does not define refused. */
  public static FrameFilter refusesUnknownMembers() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        if (link.authOk() != null && Messages.CODEC.decodeClientMessage(text).isOk()) {
          ObjectNode message = Json.parse(text);
          String type = Json.type(message);
          JsonNode defined = MessageCatalog.load().find(Direction.CLIENT_TO_SERVER, type).orElseThrow()
              .schema().getSchemaNode().path("properties");
          for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!defined.has(name)) {
              link.toClient(Messages.invalid("member " + name + " is not defined for " + type, null, "/" + name));
              return;
            }
          }
        }
        link.toServer(text);
      }
    };
  }

  /** LL-ERR-1: binary frames ignored. */
  public static FrameFilter ignoresBinary() {
    return new FrameFilter() {
      @Override
      public void binaryFromClient(Link link) {
      }
    };
  }

  /** LL-ERR-2: invalid UTF-8 read with replacement characters. */
  public static FrameFilter replacesInvalidUtf8() {
    return new FrameFilter() {
      @Override
      public void invalidTextFromClient(byte[] bytes, Link link) {
        try {
          link.toServer(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
          throw new IllegalStateException("a replacing decoder refused input", e);
        }
      }
    };
  }

  /** LL-HB-4: only pings count as signs of life; the session closes heartbeat.timeout_ms after the last one. */
  public static Supplier<FrameFilter> onlyPingsCount() {
    return () -> new FrameFilter() {
      private long lastPingMs;
      private boolean watching;

      @Override
      public void fromClient(String text, Link link) {
        if (Json.isType(text, "ping")) {
          lastPingMs = link.nowMs();
        }
        link.toServer(text);
      }

      @Override
      public void fromServer(String text, Link link) {
        link.toClient(text);
        if (!watching && link.authOk() != null) {
          watching = true;
          lastPingMs = link.nowMs();
          check(link);
        }
      }

      private void check(Link link) {
        long timeout = link.authOk().path("heartbeat").path("timeout_ms").asLong();
        long silent = link.nowMs() - lastPingMs;
        if (silent >= timeout) {
          link.closeClient(CloseCode.HEARTBEAT_TIMEOUT.code(),
              CloseReason.of(CloseCode.HEARTBEAT_TIMEOUT, "no ping for " + silent + " ms"));
        } else {
          link.after(timeout - silent, () -> check(link));
        }
      }
    };
  }

  /** LL-LIM-1: the message limit counted in UTF-16 characters: the transport reads up to four bytes a character. */
  public static Supplier<FrameFilter> limitInCharacters() {
    return () -> new FrameFilter() {
      private long maxChars = Long.MAX_VALUE;

      @Override
      public long maxMessageBytes(long configured) {
        maxChars = configured;
        return 4 * configured;
      }

      @Override
      public void fromClient(String text, Link link) {
        if (text.length() > maxChars) {
          link.closeClient(CloseCode.MESSAGE_TOO_BIG.code(), CloseReason.of(CloseCode.MESSAGE_TOO_BIG,
              "more than " + maxChars + " characters"));
        } else {
          link.toServer(text);
        }
      }
    };
  }

  /** LL-LIM-2: messages above half of limits.max_message_bytes closed with 1009. */
  public static FrameFilter halfTheLimit() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        long max = link.authOk() == null ? Long.MAX_VALUE : link.authOk().path("limits").path("max_message_bytes").asLong();
        if (text.getBytes(StandardCharsets.UTF_8).length > max / 2) {
          link.closeClient(CloseCode.MESSAGE_TOO_BIG.code(), CloseReason.of(CloseCode.MESSAGE_TOO_BIG,
              "more than " + max / 2 + " bytes"));
        } else {
          link.toServer(text);
        }
      }
    };
  }

  /** Rewrites each auth the client sends (LL-DLV-6, LL-DLV-13). */
  public static FrameFilter rewritingAuth(java.util.function.Consumer<ObjectNode> change) {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        ObjectNode auth = link.authOk() == null ? Json.ofType(text, "auth") : null;
        if (auth == null) {
          link.toServer(text);
        } else {
          change.accept(auth);
          link.toServer(Json.write(auth));
        }
      }
    };
  }

  /** A \\u escape of a high surrogate that no low one follows, or of a low one that no high one precedes. */
  private static final java.util.regex.Pattern LONE_SURROGATE = java.util.regex.Pattern.compile(
      "\\\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\\\u[dD][c-fC-F][0-9a-fA-F]{2})"
          + "|(?<!\\\\u[dD][89abAB][0-9a-fA-F]{2})\\\\u[dD][c-fC-F][0-9a-fA-F]{2}");

  /**
   * LL-ERR-9 (on a proxy): strings holding an unpaired surrogate accepted, and sent on as "?":
   * each escaped surrogate without its pair becomes a question mark before the server reads it.
   */
  public static FrameFilter surrogatesAsQuestionMarks() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        link.toServer(text.contains("\\u") ? LONE_SURROGATE.matcher(text).replaceAll("?") : text);
      }
    };
  }

  /** LL-ROOM-4 (on a proxy): leave answered with left, and never passed on: the membership stays. */
  public static FrameFilter leavesAnsweredNotMade() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        ObjectNode leave = link.authOk() != null ? Json.ofType(text, "leave") : null;
        if (leave == null || !Messages.CODEC.decodeClientMessage(text).isOk()) {
          link.toServer(text);
          return;
        }
        ObjectNode left = Json.object();
        left.put("type", "left");
        left.put("id", leave.path("id").asText());
        left.put("room", leave.path("room").asText());
        link.toClient(Json.write(left));
      }
    };
  }

  /**
   * LL-DLV-13 (on a proxy): last_seq applied whatever epoch the auth carries, or none: every auth
   * with a last_seq claims the epoch the server advertised last.
   */
  public static Supplier<FrameFilter> epochOfTheServerClaimed() {
    java.util.concurrent.atomic.AtomicReference<String> epoch = new java.util.concurrent.atomic.AtomicReference<>();
    return () -> new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        if (Json.isType(text, "auth_ok")) {
          String advertised = Json.parse(text).path("epoch").asText(null);
          if (advertised != null) {
            epoch.set(advertised);
          }
        }
        link.toClient(text);
      }

      @Override
      public void fromClient(String text, Link link) {
        ObjectNode auth = link.authOk() == null && epoch.get() != null ? Json.ofType(text, "auth") : null;
        if (auth == null || !auth.has("last_seq")) {
          link.toServer(text);
          return;
        }
        auth.put("epoch", epoch.get());
        link.toServer(Json.write(auth));
      }
    };
  }

  /**
   * LL-DLV-3: delivery acks ignored. Each reaches the server as an ack of a seq nobody was
   * given, which settles nothing (LL-DLV-9) but is still a message, a sign of life (LL-HB-4).
   */
  public static FrameFilter ignoresAcks() {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        link.toServer(Json.isType(text, "ack") ? DeliveryFaults.ackOf(NOBODYS_SEQ) : text);
      }
    };
  }

  /** The largest seq there is (2^53-1): no server hands it out before 2^53-2 others. */
  private static final long NOBODYS_SEQ = 9_007_199_254_740_991L;
}
