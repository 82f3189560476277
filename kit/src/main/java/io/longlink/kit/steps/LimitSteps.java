package io.longlink.kit.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.codec.MessageCodec;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.wire.Received;
import io.longlink.kit.wire.WireText;
import io.longlink.model.AuthOk;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.DeliveryAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.GoAway;
import io.longlink.model.Join;
import io.longlink.model.Leave;
import io.longlink.model.Ping;
import io.longlink.model.ServerMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Message size, rate, and connections per user. */
public final class LimitSteps {

  /** OkHttp queues at most 16 MiB per connection; a larger frame cannot be sent. */
  private static final long LARGEST_SENDABLE = 16L * 1024 * 1024 - 1024;
  /** The kit does not send bursts larger than this to check a rate limit. */
  private static final long LARGEST_BURST = 1_000;
  /** The kit does not open more sessions than this to check a connection limit. */
  private static final long MOST_SESSIONS = 50;
  private static final long UNUSED_SEQ = 9_007_199_254_740_000L;
  private static final MessageCodec CODEC = MessageCodec.create();

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;
  private final Scratch scratch;
  private final List<Ledger.Sent> burst = new ArrayList<>();
  private long burstStartNanos;

  public LimitSteps(Cast cast, Links links, Ledger ledger, Scratch scratch) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
    this.scratch = scratch;
  }

  /**
   * The limit is in UTF-8 bytes: in three-byte characters (€) a frame one byte over it has about
   * a third as many characters, which a server that counts characters lets through.
   */
  @When("{word} sends a chat frame of {string} one byte larger than the advertised limit")
  public void oneByteTooLarge(String role, String text) {
    if (!text.equals("ASCII") && !text.equals("three-byte characters")) {
      throw new IllegalArgumentException("the frame's text is \"ASCII\" or \"three-byte characters\", not \"" + text + "\"");
    }
    sendFrameOfSize(role, links.latest(role).authOk().limits().maxMessageBytes() + 1, !text.equals("ASCII"));
  }

  @When("{word} sends a chat frame exactly as large as the advertised limit")
  public void exactlyTheLimit(String role) {
    sendFrameOfSize(role, links.latest(role).authOk().limits().maxMessageBytes(), false);
  }

  private void sendFrameOfSize(String role, long size, boolean threeByteChars) {
    if (size > LARGEST_SENDABLE) {
      throw new NotApplicable("limits.max_message_bytes is " + size + "; the kit sends frames of at most " + LARGEST_SENDABLE + " bytes");
    }
    Link link = links.latest(role);
    String id = cast.nextMessageId();
    Chat empty = ledger.prepare(link, id, ledger.toUser("bob"), "x");
    int overhead = CODEC.encode(empty).getBytes(StandardCharsets.UTF_8).length - 1;
    int bodyBytes = (int) (size - overhead);
    String body = threeByteChars ? "\u20ac".repeat(bodyBytes / 3) + "x".repeat(bodyBytes % 3) : "x".repeat(bodyBytes);
    Chat sized = ledger.prepare(link, id, ledger.toUser("bob"), body);
    String json = CODEC.encode(sized);
    if (json.getBytes(StandardCharsets.UTF_8).length != size) {
      throw new IllegalStateException("the kit built a frame of " + json.getBytes(StandardCharsets.UTF_8).length
          + " bytes instead of " + size);
    }
    link.socket().sendText(json);
    ledger.record(link, sized);
  }

  @When("{word} sends one chat more than the advertised rate allows, at once")
  public void overTheRate(String role) {
    sendBurst(links.latest(role), rate(role) + 1, null);
  }

  /** The last chat, which is refused, goes to a user with a session, who must never receive it. */
  @When("{word} sends one chat more than the advertised rate allows, at once, the last one to {word}")
  public void overTheRateTo(String role, String recipient) {
    sendBurst(links.latest(role), rate(role) + 1, recipient);
  }

  @When("{word} sends exactly as many chats as the advertised rate allows, at once")
  public void upToTheRate(String role) {
    sendBurst(links.latest(role), rate(role), null);
  }

  /** A limit per user, or per server, instead of per connection refuses half of them. */
  @When("{word} sends exactly as many chats as the advertised rate allows on each of her sessions, at once")
  @When("{word} sends exactly as many chats as the advertised rate allows on each of his sessions, at once")
  public void upToTheRateOnEach(String role) {
    long rate = rate(role);
    for (Link link : links.all(role)) {
      sendBurst(link, rate, null);
    }
  }

  /** Joins and leaves in pairs, room by room, then a chat, which is one message over the rate. */
  @When("{word} sends as many joins and leaves as the advertised rate allows and one chat, at once")
  public void membershipThenChat(String role) {
    Link link = links.latest(role);
    long rate = rate(role);
    burstStartNanos = System.nanoTime();
    for (int i = 0; i < rate; i++) {
      String room = cast.room("rate-" + i / 2);
      link.socket().send(i % 2 == 0 ? new Join(cast.nextMessageId(), room) : new Leave(cast.nextMessageId(), room));
    }
    Chat chat = ledger.prepare(link, cast.nextMessageId(), ledger.toUser("burst-0"), "after joins and leaves");
    link.socket().send(chat);
    burst.add(ledger.record(link, chat));
  }

  private long rate(String role) {
    long rate = links.latest(role).authOk().limits().rateMessages();
    if (rate + 1 > LARGEST_BURST) {
      throw new NotApplicable("limits.rate_messages is " + rate + "; the kit sends bursts of at most " + LARGEST_BURST);
    }
    return rate;
  }

  private void sendBurst(Link link, long n, String lastTo) {
    List<Chat> chats = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // A recipient per chat, so that no recipient's queue limit gets in the way.
      String to = lastTo != null && i == n - 1 ? lastTo : "burst-" + i;
      chats.add(ledger.prepare(link, cast.nextMessageId(), ledger.toUser(to), "burst " + i));
    }
    if (burst.isEmpty()) {
      burstStartNanos = System.nanoTime();
    }
    for (Chat c : chats) {
      link.socket().send(c);
      burst.add(ledger.record(link, c));
    }
  }

  @Then("{word} receives an ack for each chat within the rate")
  public void acksWithinRate(String role) {
    for (Ledger.Sent s : burst.subList(0, burst.size() - 1)) {
      ackOrFail(s, "within the rate");
    }
  }

  @Then("{word} receives an ack for each of them")
  public void acksForEach(String role) {
    for (Ledger.Sent s : burst) {
      ackOrFail(s, "within the rate");
    }
  }

  private void ackOrFail(Ledger.Sent s, String why) {
    ServerMessage answer = s.link().socket().expect(ServerMessage.class,
        m -> (m instanceof ChatAck a && a.id().equals(s.id())) || (m instanceof ErrorMessage e && s.id().equals(e.ref())),
        Waits.reply(), "an ack of chat " + s.id()).message();
    if (!(answer instanceof ChatAck)) {
      throw new CheckFailure("an ack of chat " + s.id() + " (" + why + ")", WireText.of(answer));
    }
  }

  @Then("{word} receives an error {string} about the last chat, with a retry hint")
  public void errorAboutLast(String role, String code) {
    Ledger.Sent last = burst.get(burst.size() - 1);
    Received<ServerMessage> received = last.link().socket().expect(ServerMessage.class,
        m -> (m instanceof ChatAck a && a.id().equals(last.id())) || (m instanceof ErrorMessage e && last.id().equals(e.ref())),
        Waits.reply(), "an error about chat " + last.id());
    ServerMessage answer = received.message();
    long windowMs = last.link().authOk().limits().rateWindowMs();
    long tookMs = Waits.millisSince(burstStartNanos, received.atNanos());
    if (answer instanceof ChatAck && tookMs >= windowMs - RateJudge.CLOCK_GRAIN_MS) {
      // The server may have seen the first message leave the window before the last arrived.
      throw new NotApplicable("the burst took " + tookMs + " ms from the first send to the last answer, not less than "
          + "limits.rate_window_ms " + windowMs + " ms: the kit cannot tell whether the last one was over the rate");
    }
    if (!(answer instanceof ErrorMessage error) || !code.equals(error.code()) || error.retryAfterMs() == null) {
      throw new CheckFailure("an error with code " + code + ", ref " + last.id() + " and retry_after_ms", WireText.of(answer));
    }
  }

  @When("{word} sends three times the advertised rate of pings and delivery acks")
  public void pingsAndAcks(String role) {
    Link link = links.latest(role);
    long n = 3 * rate(role);
    for (int i = 0; i < n; i++) {
      link.socket().send(i % 2 == 0 ? new Ping("unlimited-" + i) : new DeliveryAck(UNUSED_SEQ));
    }
  }

  @Given("{word} holds as many sessions as the advertised limit allows")
  public void holdsMaxSessions(String role) {
    AuthOk ok = links.session(role).authOk();
    long max = ok.limits().maxConnectionsPerUser();
    if (max > MOST_SESSIONS) {
      throw new NotApplicable("limits.max_connections_per_user is " + max + "; the kit opens at most " + MOST_SESSIONS);
    }
    for (int i = 1; i < max; i++) {
      links.session(role);
    }
  }

  @When("{word} connects once more and authenticates")
  public void onceMore(String role) {
    Link extra = links.open(role);
    links.sendAuth(extra, cast.token(role));
    scratch.extra = extra;
  }

  @When("{word} closes her first session")
  @When("{word} closes his first session")
  public void closesFirst(String role) {
    links.all(role).get(0).socket().close();
  }

  @Then("that connection gets a session")
  public void extraGetsSession() {
    links.authenticated(scratch.extra);
  }

  @Then("that connection receives a goaway with code {int} and a retry hint before it is closed with code {int}")
  public void goawayBeforeClose(int goawayCode, int closeCode) {
    Link extra = scratch.extra;
    GoAway goaway = extra.socket().expect(GoAway.class, g -> true, Waits.reply(),
        "goaway with code " + goawayCode + " before the close").message();
    if (goaway.code() != goawayCode || goaway.retryAfterMs() == null) {
      throw new CheckFailure("goaway with code " + goawayCode + " and retry_after_ms", WireText.of(goaway));
    }
    ConnectionSteps.expectCode(extra, closeCode);
  }
}
