package io.longlink.server.faults.filters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.protocol.ErrorCode;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import io.longlink.server.faults.wire.Peer;
import io.longlink.server.faults.wire.Peers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Faults in who gets a chat and what a repeat or a refusal leads to: each acts across the
 * connections of one server, so each instance keeps what it learns for all of them.
 */
public final class RoutingFaults {

  private static final Pattern USER_ID = Pattern.compile("^[!-~]{1,128}$");
  private static final Set<String> REFUSALS = Set.of(ErrorCode.NOT_MEMBER.wireValue(), ErrorCode.QUEUE_FULL.wireValue(),
      ErrorCode.UNAVAILABLE.wireValue());

  private RoutingFaults() {}

  /** LL-CHAT-4: deliveries stamped with the from member the client sent. */
  public static Supplier<FrameFilter> clientChosenFrom() {
    Map<String, String> claimed = new ConcurrentHashMap<>();
    return () -> new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        ObjectNode chat = link.user() != null ? Json.ofType(text, "chat") : null;
        String from = chat == null ? null : chat.path("from").asText(null);
        if (from != null && USER_ID.matcher(from).matches()) {
          claimed.put(link.user() + "\n" + chat.path("id").asText(), from);
        }
        link.toServer(text);
      }

      @Override
      public void fromServer(String text, Link link) {
        ObjectNode d = Json.ofType(text, "chat");
        String from = d == null ? null : claimed.get(d.path("from").asText() + "\n" + d.path("id").asText());
        if (from == null) {
          link.toClient(text);
        } else {
          d.put("from", from);
          link.toClient(Json.write(d));
        }
      }
    };
  }

  /** LL-CHAT-5: direct chats sent to every other connected user too. */
  public static Supplier<FrameFilter> directChatsToEveryone(Peers peers) {
    Set<Long> copied = ConcurrentHashMap.newKeySet();
    return () -> new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        link.toClient(text);
        ObjectNode d = Json.ofType(text, "chat");
        if (d != null && "user".equals(d.path("to").path("kind").asText()) && copied.add(d.path("seq").asLong())) {
          for (Peer other : peers.all()) {
            if (!other.user().equals(link.user())) {
              other.sendToClient(text);
            }
          }
        }
      }
    };
  }

  /** LL-ROOM-2: a room chat delivered to one member only, whichever gets it first. */
  public static Supplier<FrameFilter> oneMemberOnly() {
    Map<Long, String> firstRecipient = new ConcurrentHashMap<>();
    return () -> new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        ObjectNode d = Json.ofType(text, "chat");
        if (d == null || !"room".equals(d.path("to").path("kind").asText())
            || firstRecipient.computeIfAbsent(d.path("seq").asLong(), s -> link.user()).equals(link.user())) {
          link.toClient(text);
        }
      }
    };
  }

  /** LL-ROOM-6: a room chat delivered to its sender too, once it is acked. */
  public static Supplier<FrameFilter> roomChatsToTheSender(Peers peers) {
    return () -> new SentChats() {
      @Override
      void acked(ObjectNode chat, ObjectNode ack, Link link) {
        if ("room".equals(chat.path("to").path("kind").asText()) && !ack.path("duplicate").asBoolean()) {
          String delivery = delivery(chat, ack, link.user());
          peers.of(link.user()).forEach(p -> p.sendToClient(delivery));
        }
      }
    };
  }

  /** LL-DD-2: a repeat delivered again to the original's recipients. */
  public static Supplier<FrameFilter> repeatsDeliveredAgain(Peers peers, Memberships rooms) {
    return () -> new SentChats() {
      @Override
      void acked(ObjectNode chat, ObjectNode ack, Link link) {
        if (!ack.path("duplicate").asBoolean()) {
          return;
        }
        String delivery = delivery(chat, ack, link.user());
        String to = chat.path("to").path("id").asText();
        Set<String> recipients = "room".equals(chat.path("to").path("kind").asText()) ? rooms.members(to) : Set.of(to);
        for (String r : recipients) {
          if (!r.equals(link.user())) {
            peers.of(r).forEach(p -> p.sendToClient(delivery));
          }
        }
      }
    };
  }

  /**
   * LL-DD-4 (on a proxy): repeats recognised by id alone. The first user to send an id claims it;
   * a chat with that id from anyone else is answered as the claimer's duplicate, once the
   * claimer's ack is known (chats sent at the same time wait for it), and never passed on.
   */
  public static Supplier<FrameFilter> repeatsByIdAlone() {
    Map<String, Claim> claims = new ConcurrentHashMap<>();
    return () -> new SentChats() {
      @Override
      public void fromClient(String text, Link link) {
        ObjectNode chat = link.user() != null ? Json.ofType(text, "chat") : null;
        String id = chat == null ? null : chat.path("id").asText(null);
        Claim claim = id == null ? null : claims.computeIfAbsent(id, k -> new Claim(link.user()));
        if (claim == null || claim.sender.equals(link.user())) {
          super.fromClient(text, link);
        } else {
          claim.answer(id, link.self());
        }
      }

      @Override
      void acked(ObjectNode chat, ObjectNode ack, Link link) {
        Claim claim = claims.get(chat.path("id").asText());
        if (claim != null && claim.sender.equals(link.user()) && !ack.path("duplicate").asBoolean()) {
          claim.acked(chat.path("id").asText(), ack);
        }
      }
    };
  }

  /** Who sent an id first, its ack once known, and the other users' chats with it that wait for that ack. */
  private static final class Claim {
    final String sender;
    private ObjectNode ack;
    private final List<Peer> waiting = new ArrayList<>();

    Claim(String sender) {
      this.sender = sender;
    }

    synchronized void answer(String id, Peer peer) {
      if (ack == null) {
        waiting.add(peer);
      } else {
        peer.sendToClient(Messages.ack(id, ack.path("seq").asLong(), ack.path("ts").asLong(), true));
      }
    }

    synchronized void acked(String id, ObjectNode original) {
      if (ack == null) {
        ack = original;
        waiting.forEach(p -> p.sendToClient(Messages.ack(id, ack.path("seq").asLong(), ack.path("ts").asLong(), true)));
        waiting.clear();
      }
    }
  }

  /** LL-DD-5: a refused chat remembered, and acked as a duplicate when it comes again. */
  public static Supplier<FrameFilter> remembersRefusals() {
    Map<String, Boolean> refused = new ConcurrentHashMap<>();
    return () -> new SentChats() {
      @Override
      public void fromClient(String text, Link link) {
        ObjectNode chat = link.user() != null ? Json.ofType(text, "chat") : null;
        if (chat != null && refused.containsKey(link.user() + "\n" + chat.path("id").asText())) {
          link.toClient(Messages.ack(chat.path("id").asText(), 1, link.nowMs(), true));
          return;
        }
        super.fromClient(text, link);
      }

      @Override
      void refused(ObjectNode chat, ObjectNode error, Link link) {
        if (REFUSALS.contains(error.path("code").asText())) {
          refused.put(link.user() + "\n" + chat.path("id").asText(), true);
        }
      }
    };
  }

  /** LL-ERRC-2: membership checked before dedup: a repeat of an accepted room chat gets not_member once its sender left. */
  public static FrameFilter membershipBeforeDedup(Memberships rooms) {
    return new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        ObjectNode chat = link.user() != null ? Json.ofType(text, "chat") : null;
        String room = chat != null && "room".equals(chat.path("to").path("kind").asText()) ? chat.path("to").path("id").asText()
            : null;
        if (room != null && !rooms.members(room).contains(link.user())) {
          link.toClient(Messages.error(ErrorCode.NOT_MEMBER, "you are not a member of room '" + room + "'",
              chat.path("id").asText()));
        } else {
          link.toServer(text);
        }
      }
    };
  }

  /**
   * LL-ROOM-3 (on a proxy): chats to rooms the sender has not joined accepted: before such a
   * chat, the proxy joins the room for the sender, and keeps the joined answer to itself.
   */
  public static Supplier<FrameFilter> joinsForOutsiders(Memberships rooms) {
    java.util.concurrent.atomic.AtomicLong joins = new java.util.concurrent.atomic.AtomicLong();
    return () -> new FrameFilter() {
      @Override
      public void fromClient(String text, Link link) {
        ObjectNode chat = link.user() != null ? Json.ofType(text, "chat") : null;
        String room = chat != null && "room".equals(chat.path("to").path("kind").asText()) ? chat.path("to").path("id").asText()
            : null;
        if (room != null && !rooms.members(room).contains(link.user())) {
          ObjectNode join = Json.object();
          join.put("type", "join");
          join.put("id", OWN_JOIN + joins.incrementAndGet());
          join.put("room", room);
          link.toServer(Json.write(join));
        }
        link.toServer(text);
      }

      @Override
      public void fromServer(String text, Link link) {
        if (!Json.isType(text, "joined") || !Json.parse(text).path("id").asText().startsWith(OWN_JOIN)) {
          link.toClient(text);
        }
      }
    };
  }

  /** The ids of the proxy's own joins (ids allow A-Z a-z 0-9 . _ : -). */
  private static final String OWN_JOIN = "proxy:join:";

  /** A delivery of {@code chat} as the server made it, with the ack's seq and ts. */
  static String delivery(ObjectNode chat, ObjectNode ack, String from) {
    ObjectNode d = Json.object();
    d.put("type", "chat");
    d.put("id", chat.path("id").asText());
    d.put("seq", ack.path("seq").asLong());
    d.put("from", from);
    d.set("to", chat.path("to").deepCopy());
    d.put("body", chat.path("body").asText());
    d.put("ts", ack.path("ts").asLong());
    d.put("redelivered", false);
    return Json.write(d);
  }

  /** Pairs each chat the client sent with the server's answer to it: its ack, or an error that names it. */
  abstract static class SentChats implements FrameFilter {
    private final Map<String, ObjectNode> sent = new HashMap<>();

    @Override
    public void fromClient(String text, Link link) {
      ObjectNode chat = Json.ofType(text, "chat");
      if (chat != null && chat.path("id").isTextual()) {
        sent.put(chat.path("id").asText(), chat);
      }
      link.toServer(text);
    }

    @Override
    public void fromServer(String text, Link link) {
      link.toClient(text);
      boolean ack = Json.isType(text, "ack");
      if (ack || Json.isType(text, "error")) {
        ObjectNode answer = Json.parse(text);
        ObjectNode chat = sent.remove(answer.path(ack ? "id" : "ref").asText());
        if (chat != null && ack) {
          acked(chat, answer, link);
        } else if (chat != null) {
          refused(chat, answer, link);
        }
      }
    }

    void acked(ObjectNode chat, ObjectNode ack, Link link) {}

    void refused(ObjectNode chat, ObjectNode error, Link link) {}
  }
}
