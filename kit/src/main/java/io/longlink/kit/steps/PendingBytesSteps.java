package io.longlink.kit.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.codec.MessageCodec;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.wire.WireText;
import io.longlink.model.AuthOk;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ChatDelivery;
import io.longlink.model.DeliveryAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.Recipient;
import io.longlink.model.ServerMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The byte bound of LL-DLV-8. Sizes are computed as PROTOCOL.md §11 defines them, from what the
 * wire shows: the chat as sent plus the members the server adds (seq and ts from the ack, from,
 * redelivered false), encoded compactly. The server may count each delivery up to
 * {@link #TOLERANCE} bytes off, so the fill stops a tolerance per delivery short of the bound and
 * the chat that has to be refused passes it by as much. The bodies are of two-, three- and
 * four-byte characters (one outside the BMP), so that a server counting characters or UTF-16
 * units instead of UTF-8 bytes, or one that counts one width wrong, lets the last chat in.
 */
public final class PendingBytesSteps {

  /** PROTOCOL.md §11: a server may count a delivery's size up to this many bytes above or below. */
  static final int TOLERANCE = 256;
  /** The most chats the kit sends to fill a queue by bytes; a target whose bound needs more is not checked. */
  static final int MAX_CHATS_TO_FILL = 64;
  private static final long LARGEST_SEQ = 9_007_199_254_740_991L;
  private static final MessageCodec CODEC = MessageCodec.create();
  /** é, U+0800, 中 and 😀: 2 + 3 + 3 + 4 = 12 bytes in UTF-8, 5 UTF-16 units, 4 characters. */
  private static final String WIDE = "\u00e9\u0800\u4e2d\ud83d\ude00";
  private static final int WIDE_BYTES = 12;

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;
  private final Scratch scratch;

  public PendingBytesSteps(Cast cast, Links links, Ledger ledger, Scratch scratch) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
    this.scratch = scratch;
  }

  @When("{word} fills {word}'s queue with chats up to its bytes")
  public void fillsByBytes(String from, String to) {
    Link link = links.latest(from);
    AuthOk ok = link.authOk();
    long bound = ok.delivery().maxPendingBytes();
    String body = WIDE.repeat((int) (ok.limits().maxMessageBytes() / 2 / WIDE_BYTES));
    long rate = ok.limits().rateMessages();
    Recipient recipient = ledger.toUser(to);
    String id = cast.nextMessageId();
    while (scratch.queuedBytes + estimate(link, id, recipient, body) + (scratch.queued.size() + 2L) * TOLERANCE <= bound) {
      int n = scratch.queued.size();
      if (n + 2 >= ok.delivery().maxPending() || n >= MAX_CHATS_TO_FILL) {
        throw new NotApplicable("the target's delivery.max_pending_bytes is " + bound + "; filling it takes more chats of "
            + body.getBytes(StandardCharsets.UTF_8).length + " bytes than delivery.max_pending (" + ok.delivery().maxPending() + ") or the kit's "
            + MAX_CHATS_TO_FILL + " allow (configure a smaller one on a test server to check LL-DLV-8 by bytes)");
      }
      if (n > 0 && n % rate == 0) {
        link.socket().expectOpenFor(Duration.ofMillis(ok.limits().rateWindowMs() + Waits.slackMs()),
            "pacing to stay within the rate limit");
      }
      Ledger.Sent s = ledger.send(link, id, recipient, body);
      ChatAck ack = ackOrRefusal(s, bound);
      scratch.queued.add(s);
      scratch.queuedBytes += size(s.chat(), cast.userId(from), ack.seq(), ack.ts());
      id = cast.nextMessageId();
    }
  }

  @When("{word} sends {word} one more chat that would take his queue past its bytes")
  public void oneMorePastTheBound(String from, String to) {
    Link link = links.latest(from);
    AuthOk ok = link.authOk();
    long needed = ok.delivery().maxPendingBytes() - scratch.queuedBytes + (scratch.queued.size() + 1L) * TOLERANCE + TOLERANCE;
    String id = cast.nextMessageId();
    long bodyBytes = needed - estimate(link, id, ledger.toUser(to), "") + 1;
    Chat chat = ledger.prepare(link, id, ledger.toUser(to), WIDE.repeat((int) Math.max(1, (bodyBytes + WIDE_BYTES - 1) / WIDE_BYTES)));
    long frame = CODEC.encode(chat).getBytes(StandardCharsets.UTF_8).length;
    if (frame > ok.limits().maxMessageBytes()) {
      throw new NotApplicable("a chat whose delivery passes delivery.max_pending_bytes by the tolerance of PROTOCOL.md §11 "
          + "would be " + frame + " bytes, more than limits.max_message_bytes (" + ok.limits().maxMessageBytes() + ")");
    }
    ledger.send(link, chat.id(), chat.to(), chat.body());
  }

  @Then("{word} receives every chat of the queue, none dropped, when he has a session again")
  public void everyChatOfTheQueue(String role) {
    Link link = links.session(role);
    for (Ledger.Sent s : scratch.queued) {
      ChatDelivery d = ledger.delivery(link, s).message();
      link.socket().send(new DeliveryAck(d.seq()));
    }
  }

  private ChatAck ackOrRefusal(Ledger.Sent s, long bound) {
    ServerMessage reply = s.link().socket().expect(ServerMessage.class, m -> m instanceof ChatAck a && a.id().equals(s.id())
        || m instanceof ErrorMessage e && s.id().equals(e.ref()), Waits.reply(), "an ack or an error with ref " + s.id()).message();
    if (reply instanceof ChatAck ack) {
      return ack;
    }
    throw new CheckFailure("an ack for chat " + s.id() + ": with it the queue holds at most " + (scratch.queuedBytes
        + estimate(s.link(), s.id(), s.chat().to(), s.chat().body()) + (scratch.queued.size() + 1L) * TOLERANCE)
        + " bytes, within delivery.max_pending_bytes (" + bound + ") and its tolerance", WireText.of(reply));
  }

  /** The size of the delivery of a chat not acked yet: with the largest seq there can be. */
  private long estimate(Link from, String id, Recipient to, String body) {
    return size(new Chat(id, to, body, null, null), cast.userId(from.role()), LARGEST_SEQ, System.currentTimeMillis());
  }

  private static long size(Chat chat, String from, long seq, long ts) {
    ChatDelivery d = new ChatDelivery(chat.id(), seq, from, chat.to(), chat.body(), ts, false);
    return CODEC.encode(d).getBytes(StandardCharsets.UTF_8).length;
  }
}
