package io.longlink.kit.steps;

import io.longlink.kit.NotApplicable;
import io.longlink.kit.wire.Received;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.signing.ChatSignature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chats of one scenario: what was sent, by whom, and the acks. "That chat" in a step is the
 * last one sent; "those 3 chats" the last three. Chats are signed whenever the sender's session
 * signs chats.
 */
public final class Ledger {

  /** One chat as sent; {@code n} tells apart two sends of the same chat. */
  public record Sent(String role, Link link, Chat chat, int n) {
    public String id() {
      return chat.id();
    }
  }

  private final Cast cast;
  private final List<Sent> sent = new ArrayList<>();
  private final Map<Sent, Received<ChatAck>> acks = new HashMap<>();

  public Ledger(Cast cast) {
    this.cast = cast;
  }

  public Recipient toUser(String role) {
    return new Recipient(RecipientKind.USER, cast.userId(role));
  }

  public Recipient toRoom(String name) {
    return new Recipient(RecipientKind.ROOM, cast.room(name));
  }

  /** Sends a chat with a fresh id. */
  public Sent send(Link from, Recipient to, String body) {
    return send(from, cast.nextMessageId(), to, body);
  }

  /** Sends a chat with this id, signed when the session signs chats. */
  public Sent send(Link from, String id, Recipient to, String body) {
    Chat chat = prepare(from, id, to, body);
    from.socket().send(chat);
    Sent s = new Sent(from.role(), from, chat, sent.size());
    sent.add(s);
    return s;
  }

  /** The chat as it goes on the wire: signed, with the current time, when the session asks for it. */
  public Chat prepare(Link from, String id, Recipient to, String body) {
    Chat chat = Chat.of(id, to, body);
    if (from.authOk() != null && from.authOk().signing() != null) {
      byte[] key = cast.signingKey(from.role()).orElseThrow(() -> new NotApplicable(
          "the target signs chats and the kit has no signing key for its users; give --signing-secret"));
      chat = sign(chat, System.currentTimeMillis(), key);
    }
    return chat;
  }

  /** The chat with {@code ts} and a signature under {@code key}. */
  public static Chat sign(Chat chat, long ts, byte[] key) {
    Chat withTs = chat.withTs(ts).withSig(null);
    return withTs.withSig(ChatSignature.sign(key, withTs));
  }

  /** Records a chat sent by other means (raw frames), so that later steps can refer to it. */
  public Sent record(Link from, Chat chat) {
    Sent s = new Sent(from.role(), from, chat, sent.size());
    sent.add(s);
    return s;
  }

  /** Sends a chat again, exactly as it was first sent. */
  public Sent resend(Link on, Sent original) {
    on.socket().send(original.chat());
    Sent s = new Sent(original.role(), on, original.chat(), sent.size());
    sent.add(s);
    return s;
  }

  /** The last chat sent. */
  public Sent last() {
    if (sent.isEmpty()) {
      throw new IllegalStateException("the scenario refers to a chat before sending one");
    }
    return sent.get(sent.size() - 1);
  }

  /** The last {@code n} chats sent, oldest first. */
  public List<Sent> last(int n) {
    return List.copyOf(sent.subList(Math.max(0, sent.size() - n), sent.size()));
  }

  /** Waits for the ack of a chat on the connection that sent it; a second call returns the same ack. */
  public Received<ChatAck> ack(Sent chat) {
    Received<ChatAck> known = acks.get(chat);
    if (known != null) {
      return known;
    }
    Received<ChatAck> ack = chat.link().socket().expect(ChatAck.class, a -> a.id().equals(chat.id()), Waits.reply(),
        "an ack with id " + chat.id());
    acks.put(chat, ack);
    return ack;
  }

  /** Waits for the delivery of a chat on a connection. */
  public Received<ChatDelivery> delivery(Link to, Sent chat) {
    return to.socket().expect(ChatDelivery.class, d -> d.id().equals(chat.id()) && d.from().equals(cast.userId(chat.role())),
        Waits.reply(), "a delivery of chat " + chat.id() + " from " + chat.role());
  }

  /** Waits for the first delivery from one of this scenario's users (deliveries from others are left alone). */
  public Received<ChatDelivery> firstFrom(Link to, String role) {
    String from = cast.userId(role);
    return to.socket().expect(ChatDelivery.class, d -> d.from().equals(from), Waits.reply(), "a chat from " + role);
  }

  /** Waits for the first delivery from any user of this scenario. */
  public Received<ChatDelivery> firstFromAnyone(Link to) {
    return to.socket().expect(ChatDelivery.class, d -> cast.isOurs(d.from()), Waits.reply(), "a chat");
  }
}
