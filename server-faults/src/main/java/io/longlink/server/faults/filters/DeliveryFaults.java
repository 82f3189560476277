package io.longlink.server.faults.filters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Faults in delivery and its acks that one connection's traffic shows: what is sent, when, and what an ack settles. */
public final class DeliveryFaults {

  private static final long LATE_MS = 1_000;

  private DeliveryFaults() {}

  /** LL-DLV-2: an unacknowledged delivery never sent again on the connection that had it. */
  public static Supplier<FrameFilter> neverResends() {
    return () -> new FrameFilter() {
      private final Set<Long> sent = new java.util.HashSet<>();

      @Override
      public void fromServer(String text, Link link) {
        ObjectNode d = Json.ofType(text, "chat");
        if (d == null || sent.add(d.path("seq").asLong()) || !d.path("redelivered").asBoolean()) {
          link.toClient(text);
        }
      }
    };
  }

  /** LL-DLV-2 (cumulative): an ack taken as acknowledging every delivery of the connection up to its seq. */
  public static Supplier<FrameFilter> cumulativeAcks() {
    return () -> new FrameFilter() {
      private final TreeSet<Long> unacked = new TreeSet<>();

      @Override
      public void fromServer(String text, Link link) {
        ObjectNode delivery = Json.ofType(text, "chat");
        if (delivery != null) {
          unacked.add(delivery.path("seq").asLong());
        }
        link.toClient(text);
      }

      @Override
      public void fromClient(String text, Link link) {
        ObjectNode ack = Json.ofType(text, "ack");
        if (ack != null) {
          long seq = ack.path("seq").asLong();
          for (long earlier : Set.copyOf(unacked.headSet(seq, true))) {
            unacked.remove(earlier);
            if (earlier != seq) {
              link.toServer(ackOf(earlier));
            }
          }
        }
        link.toServer(text);
      }
    };
  }

  /** LL-DLV-9: an ack of a seq the user has no pending delivery of answered with an error. */
  public static FrameFilter errorsOnUnknownAcks() {
    Map<String, Set<Long>> outstanding = new ConcurrentHashMap<>();
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        ObjectNode delivery = link.user() == null ? null : Json.ofType(text, "chat");
        if (delivery != null) {
          outstanding.computeIfAbsent(link.user(), u -> ConcurrentHashMap.newKeySet()).add(delivery.path("seq").asLong());
        }
        link.toClient(text);
      }

      @Override
      public void fromClient(String text, Link link) {
        ObjectNode ack = link.user() == null ? null : Json.ofType(text, "ack");
        if (ack != null) {
          long seq = ack.path("seq").asLong();
          Set<Long> mine = outstanding.get(link.user());
          if (mine == null || !mine.remove(seq)) {
            link.toClient(Messages.invalid("no pending delivery has seq " + seq, null, "/seq"));
          }
        }
        link.toServer(text);
      }
    };
  }

  /**
   * LL-CHAT-6: a chat acked before its deliveries exist, as if they were stored a second after the
   * ack: each delivery reaches the connection a second late, in order, so that what the server
   * sends meanwhile (a pong) overtakes it, and the redeliveries the server's earlier clock makes
   * meanwhile are dropped, as a server that stored it late would not have made them yet.
   */
  public static Supplier<FrameFilter> deliveriesLate() {
    return () -> new FrameFilter() {
      private final ArrayDeque<String> late = new ArrayDeque<>();
      /** When each delivery held back reached the client (Long.MAX_VALUE while held). */
      private final Map<Long, Long> released = new java.util.HashMap<>();

      @Override
      public void fromServer(String text, Link link) {
        ObjectNode d = Json.ofType(text, "chat");
        if (d == null) {
          link.toClient(text);
          return;
        }
        long seq = d.path("seq").asLong();
        Long at = released.get(seq);
        if (at != null) {
          long ackTimeout = link.authOk() == null ? 0 : link.authOk().path("delivery").path("ack_timeout_ms").asLong();
          if (at != Long.MAX_VALUE && link.nowMs() >= at + ackTimeout) {
            link.toClient(text);
          }
          return;
        }
        released.put(seq, Long.MAX_VALUE);
        late.add(text);
        link.after(LATE_MS, () -> {
          String next = late.remove();
          released.put(Json.parse(next).path("seq").asLong(), link.nowMs());
          link.toClient(next);
        });
      }
    };
  }

  /**
   * LL-CHAT-2 (on a proxy): seqs counting down. Every seq the server sends is given as 2^53 minus
   * it, and every seq the client sends (an ack, a last_seq) turned back, so that the server still
   * settles what the client acks.
   */
  public static FrameFilter seqsCountingDown() {
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        ObjectNode m = Json.ofType(text, "chat");
        m = m != null ? m : Json.ofType(text, "ack");
        if (m == null || !m.path("seq").canConvertToLong()) {
          link.toClient(text);
          return;
        }
        m.put("seq", MIRROR - m.path("seq").asLong());
        link.toClient(Json.write(m));
      }

      @Override
      public void fromClient(String text, Link link) {
        String member = Json.isType(text, "ack") ? "seq" : Json.isType(text, "auth") ? "last_seq" : null;
        ObjectNode m = member == null ? null : Json.parse(text);
        if (m == null || !m.path(member).canConvertToLong() || m.path(member).asLong() < 1) {
          link.toServer(text);
          return;
        }
        m.put(member, MIRROR - m.path(member).asLong());
        link.toServer(Json.write(m));
      }
    };
  }

  /** 2^53: a seq s becomes 2^53 - s, which stays within the 1..2^53-1 a seq may be. */
  private static final long MIRROR = 9_007_199_254_740_992L;

  static String ackOf(long seq) {
    ObjectNode ack = Json.object();
    ack.put("type", "ack");
    ack.put("seq", seq);
    return Json.write(ack);
  }
}
