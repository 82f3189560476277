package io.longlink.client.driver.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.client.time.Cancellable;
import io.longlink.client.time.ClientScheduler;
import io.longlink.client.transport.Transport;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Faults in what the client sends: each rewrites, adds, holds back or drops frames on their way
 * out. Frames out come on the client's thread, frames in on the transport's, so what a fault
 * keeps across links is concurrent.
 */
final class SentFrameFaults {

  /** How long the out-of-order fault holds a chat that no second chat overtakes. */
  static final long HOLD_MS = 500;

  private SentFrameFaults() {}

  static Fault onLinks(Supplier<? extends LinkFault> faults) {
    return new Fault() {
      @Override
      public Transport transport(Transport real) {
        return LinkFault.around(real, faults);
      }
    };
  }

  /** LL-AUTH-1: a ping goes out before auth on every connection. */
  static Fault pingBeforeAuth() {
    return onLinks(() -> new LinkFault() {
      private boolean first = true;

      @Override
      void clientSends(String frame) {
        if (first) {
          first = false;
          wire.send("{\"type\":\"ping\",\"id\":\"p-0\"}");
        }
        wire.send(frame);
      }
    });
  }

  /** LL-DLV-14: auth carries last_seq without the epoch it was counted in. */
  static Fault resumeWithoutEpoch() {
    return onLinks(() -> new LinkFault() {
      @Override
      void clientSends(String frame) {
        ObjectNode message = Frames.parse(frame);
        if (Frames.type(message).equals("auth") && message.has("epoch")) {
          message.remove("epoch");
          wire.send(Frames.write(message));
        } else {
          wire.send(frame);
        }
      }
    });
  }

  /** LL-HB-1: pings are dropped. */
  static Fault noPings() {
    return onLinks(() -> new LinkFault() {
      @Override
      void clientSends(String frame) {
        if (!Frames.type(Frames.parse(frame)).equals("ping")) {
          wire.send(frame);
        }
      }
    });
  }

  /** LL-HB-5: each ping is answered at once by the fault itself, so silence is never seen. */
  static Fault selfAnsweredPings(ClientScheduler clock) {
    return onLinks(() -> new LinkFault() {
      @Override
      void clientSends(String frame) {
        wire.send(frame);
        ObjectNode ping = Frames.parse(frame);
        if (Frames.type(ping).equals("ping")) {
          ObjectNode pong = Frames.object().put("type", "pong").put("ts", clock.now());
          if (ping.hasNonNull("id")) {
            pong.set("id", ping.get("id"));
          }
          client.text(Frames.write(pong));
        }
      }
    });
  }

  /** LL-HB-6: a link declared dead is closed with 1000. */
  static Fault deadLinkClosedNormally() {
    return onLinks(() -> new LinkFault() {
      @Override
      void clientCloses(int code, String reason) {
        wire.close(code == 4000 ? 1000 : code, reason);
      }
    });
  }

  /** LL-MSG-4: pings carry an id that breaks the message-id pattern. */
  static Fault invalidPings() {
    return rewrite("ping", ping -> ping.put("id", "not a valid id!"));
  }

  /** LL-SEC-6: chats lose their sig. */
  static Fault unsignedChats() {
    return rewrite("chat", chat -> chat.remove("sig"));
  }

  /** LL-CHAT-7: a chat sent on an earlier connection is not sent again. */
  static Fault noResendOfChats() {
    return noResendOnLaterLinks(Set.of("chat"));
  }

  /** LL-RC-9: a join or leave sent on an earlier connection is not sent again. */
  static Fault noResendOfRoomRequests() {
    return noResendOnLaterLinks(Set.of("join", "leave"));
  }

  private static Fault noResendOnLaterLinks(Set<String> types) {
    Set<String> sentBefore = ConcurrentHashMap.newKeySet();
    return onLinks(() -> new LinkFault() {
      private final Set<String> sentHere = new HashSet<>();

      @Override
      void clientSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        if (types.contains(Frames.type(f))) {
          String id = f.path("id").asText();
          if (sentBefore.contains(id) && !sentHere.contains(id)) {
            return;
          }
          sentBefore.add(id);
          sentHere.add(id);
        }
        wire.send(frame);
      }
    });
  }

  /**
   * LL-RC-8: on every session after the first, the first chat is held back until the next chat
   * has gone out (or {@link #HOLD_MS} passed), so the flush leaves out of order.
   */
  static Fault outOfOrderFlush(ClientScheduler clock) {
    AtomicInteger sessions = new AtomicInteger();
    return onLinks(() -> new LinkFault() {
      private volatile boolean holding;
      private String held;
      private Cancellable release = Cancellable.NONE;

      @Override
      void serverSends(String frame) {
        if (Frames.type(Frames.parse(frame)).equals("auth_ok")) {
          holding = sessions.incrementAndGet() > 1;
        }
        client.text(frame);
      }

      @Override
      void clientSends(String frame) {
        if (!Frames.type(Frames.parse(frame)).equals("chat")) {
          wire.send(frame);
        } else if (holding && held == null) {
          held = frame;
          release = clock.schedule(HOLD_MS, this::releaseHeld);
        } else {
          wire.send(frame);
          releaseHeld();
        }
      }

      private void releaseHeld() {
        release.cancel();
        holding = false;
        if (held != null) {
          wire.send(held);
          held = null;
        }
      }
    });
  }

  /**
   * LL-DLV-11: auth claims the highest seq received, processed or not. Counted afresh in a new
   * epoch, as LL-DLV-14 asks, so that only LL-DLV-11 breaks.
   */
  static Fault dishonestLastSeq() {
    AtomicLong highest = new AtomicLong();
    AtomicReference<String> epoch = new AtomicReference<>();
    return onLinks(() -> new LinkFault() {
      @Override
      void serverSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        if (Frames.type(f).equals("auth_ok")) {
          String advertised = f.path("epoch").asText();
          if (!advertised.equals(epoch.getAndSet(advertised))) {
            highest.set(0);
          }
        }
        if (Frames.type(f).equals("chat") && f.has("seq")) {
          highest.accumulateAndGet(f.get("seq").asLong(), Math::max);
        }
        client.text(frame);
      }

      @Override
      void clientSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        if (Frames.type(f).equals("auth") && highest.get() > f.path("last_seq").asLong(0)) {
          wire.send(Frames.write(f.put("last_seq", highest.get())));
        } else {
          wire.send(frame);
        }
      }
    });
  }

  /** LL-DLV-1: only the first copy of a delivery, by (from, id), is acknowledged. */
  static Fault noAckForRepeats() {
    Map<Long, String> keyOfSeq = new ConcurrentHashMap<>();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    return onLinks(() -> new LinkFault() {
      @Override
      void serverSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        if (Frames.type(f).equals("chat") && f.has("seq")) {
          keyOfSeq.put(f.get("seq").asLong(), f.path("from").asText() + "\n" + f.path("id").asText());
        }
        client.text(frame);
      }

      @Override
      void clientSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        if (Frames.type(f).equals("ack") && f.has("seq")) {
          String key = keyOfSeq.get(f.get("seq").asLong());
          if (key != null && !acked.add(key)) {
            return;
          }
        }
        wire.send(frame);
      }
    });
  }

  private static Fault rewrite(String type, Consumer<ObjectNode> change) {
    return onLinks(() -> new LinkFault() {
      @Override
      void clientSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        if (Frames.type(f).equals(type)) {
          change.accept(f);
          wire.send(Frames.write(f));
        } else {
          wire.send(frame);
        }
      }
    });
  }
}
