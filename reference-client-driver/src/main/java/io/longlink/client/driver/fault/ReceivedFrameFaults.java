package io.longlink.client.driver.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.client.time.ClientScheduler;
import io.longlink.codec.DecodeResult;
import io.longlink.codec.MessageCodec;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.ErrorCode;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Faults in what the client makes of what it receives: each rewrites or drops server frames
 * before the client reads them, so the client acts on values or codes the server never sent.
 */
final class ReceivedFrameFaults {

  private static final long MAX_DEDUP_WINDOW_MS = 604_800_000L;
  private static final long MAX_MESSAGE_BYTES = 16_777_216L;
  private static final long MAX_RATE_MESSAGES = 100_000L;
  private static final long MIN_RATE_WINDOW_MS = 100L;

  private ReceivedFrameFaults() {}

  /** LL-PAR-2: every session gets the heartbeat of the first. */
  static Fault firstHeartbeatForever() {
    AtomicReference<JsonNode> first = new AtomicReference<>();
    return rewrite("auth_ok", authOk -> {
      first.compareAndSet(null, authOk.get("heartbeat").deepCopy());
      authOk.set("heartbeat", first.get().deepCopy());
    });
  }

  /** LL-DD-7: the dedup window is read as 1000 times the advertised one. */
  static Fault longerDedupWindow() {
    return rewrite("auth_ok", authOk -> authOk.put("dedup_window_ms",
        Math.min(MAX_DEDUP_WINDOW_MS, authOk.get("dedup_window_ms").asLong() * 1000)));
  }

  /** LL-LIM-8: the size and rate limits are read as the largest the schema allows. */
  static Fault unboundedLimits() {
    return rewrite("auth_ok", authOk -> ((ObjectNode) authOk.get("limits"))
        .put("max_message_bytes", MAX_MESSAGE_BYTES).put("rate_messages", MAX_RATE_MESSAGES));
  }

  /**
   * LL-LIM-13: the rate window is read 1.1 times shorter, so the client's margin of a tenth
   * brings its pacing back to exactly the advertised window, with nothing to spare.
   */
  static Fault noPacingMargin() {
    return rewrite("auth_ok", authOk -> {
      ObjectNode limits = (ObjectNode) authOk.get("limits");
      long window = limits.get("rate_window_ms").asLong();
      limits.put("rate_window_ms", Math.max(MIN_RATE_WINDOW_MS, (long) Math.ceil(window / 1.1)));
    });
  }

  /** LL-SEC-7: server_time is read as the local clock, so the signing offset is always 0. */
  static Fault localClockForSigning(ClientScheduler clock) {
    return rewrite("auth_ok", authOk -> authOk.put("server_time", clock.now()));
  }

  /** LL-SEC-8: without a key, the session's signing is not seen, so chats go out unsigned. */
  static Fault signingIgnoredWithoutKey(boolean hasSigningKey) {
    return rewrite("auth_ok", authOk -> {
      if (!hasSigningKey) {
        authOk.remove("signing");
      }
    });
  }

  /** LL-RC-7: goaway never reaches the client. */
  static Fault goawayIgnored() {
    return drop(f -> Frames.type(f).equals("goaway"));
  }

  /** LL-MSG-3: a server message with a member its schema does not define is dropped. */
  static Fault unknownMembersRefused() {
    MessageCodec codec = MessageCodec.create();
    return drop(f -> {
      DecodeResult<ServerMessage> decoded = codec.decodeServerMessage(Frames.write(f));
      if (!decoded.isOk()) {
        return false;
      }
      ObjectNode known = Frames.parse(codec.encode(decoded.message()));
      for (Iterator<String> names = f.fieldNames(); names.hasNext(); ) {
        if (known == null || !known.has(names.next())) {
          return true;
        }
      }
      return false;
    });
  }

  /** LL-CHAT-8: an error code the client knows as settling reaches it as unavailable, a retry-later code. */
  static Fault settlingCodesRetried() {
    return rewrite("error", error -> {
      Optional<ErrorCode> known = ErrorCode.of(error.path("code").asText());
      if (!error.hasNonNull("ref") || known.isEmpty()) {
        return;
      }
      if (known.get().carriesRetryAfter()) {
        // So that the scenario of the resent codes fails too: their chats go out after initial_delay_ms instead.
        error.remove("retry_after_ms");
      } else {
        error.put("code", "unavailable");
      }
    });
  }

  /** LL-ERRC-1: an error code the client does not know reaches it as unavailable. */
  static Fault unknownCodesRetried() {
    return retryInstead(code -> ErrorCode.of(code).isEmpty());
  }

  private static Fault retryInstead(Predicate<String> codes) {
    return rewrite("error", error -> {
      if (error.hasNonNull("ref") && codes.test(error.path("code").asText())) {
        error.put("code", "unavailable");
      }
    });
  }

  private static Fault rewrite(String type, Consumer<ObjectNode> change) {
    return SentFrameFaults.onLinks(() -> new LinkFault() {
      @Override
      void serverSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        if (Frames.type(f).equals(type)) {
          change.accept(f);
          client.text(Frames.write(f));
        } else {
          client.text(frame);
        }
      }
    });
  }

  private static Fault drop(Predicate<ObjectNode> dropped) {
    return SentFrameFaults.onLinks(() -> new LinkFault() {
      @Override
      void serverSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        if (f == null || !dropped.test(f)) {
          client.text(frame);
        }
      }
    });
  }
}
