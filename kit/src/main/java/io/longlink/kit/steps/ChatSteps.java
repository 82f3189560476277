package io.longlink.kit.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.codec.MessageCodec;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.Deadline;
import io.longlink.kit.wire.Received;
import io.longlink.kit.wire.WireEvent;
import io.longlink.kit.wire.WireText;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.model.ServerMessage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Sending chats, their acks, and their deliveries. */
public final class ChatSteps {

  private static final MessageCodec CODEC = MessageCodec.create();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;

  public ChatSteps(Cast cast, Links links, Ledger ledger) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
  }

  @When("{word} sends {word} a chat")
  @When("{word} sends {word} another chat")
  public void sendsAChat(String from, String to) {
    ledger.send(links.latest(from), ledger.toUser(to), cast.body(to));
  }

  @When("{word} sends {word} a chat and waits for its ack")
  @When("{word} sends {word} another chat and waits for its ack")
  public void sendsAndWaits(String from, String to) {
    ledger.ack(ledger.send(links.latest(from), ledger.toUser(to), cast.body(to)));
  }

  @When("{word} sends {word} a chat carrying a member {string} that no schema defines")
  public void sendsWithExtraMember(String from, String to, String member) {
    sendWithExtra(from, to, "\"" + member + "\":{\"since\":\"1.1\"}");
  }

  @When("{word} sends {word} a chat whose recipient carries a member {string} that no schema defines")
  public void sendsWithExtraInTo(String from, String to, String member) {
    Link link = links.latest(from);
    Chat chat = ledger.prepare(link, cast.nextMessageId(), ledger.toUser(to), cast.body(to));
    String extra = "\"" + member + "\":{\"since\":\"1.1\"}";
    link.socket().sendText(CODEC.encode(chat).replace("\"kind\":\"user\"", "\"kind\":\"user\"," + extra));
    ledger.record(link, chat);
  }

  @Then("{word} receives that chat with a recipient of its kind and id only")
  public void recipientKindAndIdOnly(String role) {
    Link link = links.latest(role);
    Received<ChatDelivery> d = ledger.delivery(link, ledger.last());
    String text = link.socket().history().stream().filter(e -> e.message() == d.message()).map(WireEvent::text)
        .findFirst().orElseThrow(() -> new IllegalStateException("a received delivery is missing from the history"));
    JsonNode recipient;
    try {
      recipient = JSON.readTree(text).path("to");
    } catch (JsonProcessingException e) {
      throw new CheckFailure("a delivery that is JSON", text);
    }
    Set<String> names = new TreeSet<>();
    recipient.fieldNames().forEachRemaining(names::add);
    if (!names.equals(Set.of("id", "kind"))) {
      throw new CheckFailure("a delivery whose to holds kind and id only (members the chat's schema does not define are "
          + "ignored, not delivered)", "to " + recipient);
    }
  }

  @When("{word} sends {word} a chat that claims to be from {string}")
  public void sendsClaimingFrom(String from, String to, String claimed) {
    sendWithExtra(from, to, "\"from\":\"" + claimed + "\"");
  }

  private void sendWithExtra(String from, String to, String member) {
    Link link = links.latest(from);
    Chat chat = ledger.prepare(link, cast.nextMessageId(), ledger.toUser(to), cast.body(to));
    String json = CODEC.encode(chat);
    link.socket().sendText(json.substring(0, json.length() - 1) + "," + member + "}");
    ledger.record(link, chat);
  }

  @Then("{word} receives the ack of that chat")
  @Then("{word} receives the ack of that chat, not marked duplicate")
  public void receivesTheAck(String role) {
    Ledger.Sent sent = ledger.last();
    ChatAck ack = ledger.ack(sent).message();
    if (ack.duplicate()) {
      throw new CheckFailure("the ack of chat " + sent.id() + " with duplicate false (a first send)", WireText.of(ack));
    }
    if (ack.seq() < 1 || ack.ts() < 0) {
      throw new CheckFailure("a positive seq and a time in the ack", WireText.of(ack));
    }
  }

  @Then("the second ack's seq is larger than the first's")
  public void secondSeqLarger() {
    List<Ledger.Sent> lastTwo = ledger.last(2);
    ChatAck first = ledger.ack(lastTwo.get(0)).message();
    ChatAck second = ledger.ack(lastTwo.get(1)).message();
    if (second.seq() <= first.seq()) {
      throw new CheckFailure("the later chat's seq larger than " + first.seq(), "seq " + second.seq());
    }
  }

  @Then("{word} receives that chat from {word}")
  public void receivesFrom(String to, String from) {
    Ledger.Sent sent = ledger.last();
    ChatDelivery d = ledger.delivery(links.latest(to), sent).message();
    if (!d.from().equals(cast.userId(from))) {
      throw new CheckFailure("from " + cast.userId(from) + " (the authenticated sender)", "from " + d.from());
    }
  }

  @Then("each of {word}'s sessions receives that chat as {word} sent it, with the seq and time of its ack")
  public void eachSessionReceives(String to, String from) {
    Ledger.Sent sent = ledger.last();
    ChatAck ack = ledger.ack(sent).message();
    for (Link link : links.all(to)) {
      ChatDelivery d = ledger.delivery(link, sent).message();
      Chat c = sent.chat();
      if (!d.body().equals(c.body()) || !d.to().equals(c.to()) || d.seq().longValue() != ack.seq()
          || d.ts().longValue() != ack.ts() || d.redelivered()) {
        throw new CheckFailure("on " + link.label() + ": id " + c.id() + ", to " + WireText.of(c.to()) + ", body \"" + c.body()
            + "\", seq " + ack.seq() + ", ts " + ack.ts() + ", redelivered false", WireText.of(d));
      }
    }
  }

  @Then("the first chat {word} receives from {word} is the one {word} sent {word}")
  public void firstFromIs(String to, String from, String sender, String recipient) {
    expectFirst(ledger.firstFrom(links.latest(to), from).message(), sender, recipient);
  }

  @Then("the first chat {word} receives is the one {word} sent {word}")
  public void firstIs(String to, String sender, String recipient) {
    expectFirst(ledger.firstFromAnyone(links.latest(to)).message(), sender, recipient);
  }

  private void expectFirst(ChatDelivery first, String sender, String recipient) {
    Ledger.Sent expected = lastSentBy(sender, recipient);
    if (!first.id().equals(expected.id())) {
      throw new CheckFailure("the chat " + expected.id() + " that " + sender + " sent " + recipient + " first",
          "chat " + first.id() + " to " + WireText.of(first.to()) + " first");
    }
  }

  private Ledger.Sent lastSentBy(String sender, String recipient) {
    List<Ledger.Sent> all = ledger.last(Integer.MAX_VALUE);
    for (int i = all.size() - 1; i >= 0; i--) {
      Ledger.Sent s = all.get(i);
      if (s.role().equals(sender) && s.chat().to().id().equals(cast.userId(recipient))) {
        return s;
      }
    }
    throw new IllegalStateException("the scenario has " + sender + " send " + recipient + " nothing");
  }

  @Given("{word} has a connection that has not authenticated yet")
  public void connectedNotAuthenticated(String role) {
    links.open(role);
  }

  /** The connection is already open, so that nothing but the auth itself follows the ack. */
  @When("{word} authenticates right after the ack and pings")
  public void authenticatesRightAfterTheAck(String role) {
    Link link = links.latest(role);
    links.sendAuth(link, cast.token(role));
    link.socket().send(new Ping("after-ack"));
  }

  @Then("{word} receives that chat before the pong")
  public void receivesBeforeThePong(String role) {
    Link link = links.latest(role);
    Ledger.Sent sent = ledger.last();
    Deadline deadline = Deadline.after(Waits.reply());
    while (true) {
      ServerMessage next = link.socket().next(deadline, "chat " + sent.id() + " before the pong").message();
      if (next instanceof ChatDelivery d && d.id().equals(sent.id())) {
        return;
      }
      if (next instanceof Pong) {
        throw new CheckFailure("chat " + sent.id() + " (acked before " + role + " connected) before the pong",
            "the pong first");
      }
    }
  }

  @Then("the next chat {word} receives from {word} is the other one")
  public void nextIsTheOtherOne(String to, String from) {
    Ledger.Sent other = ledger.last();
    Received<ChatDelivery> next = ledger.firstFrom(links.latest(to), from);
    while (next.message().redelivered() && !next.message().id().equals(other.id())) {
      next = ledger.firstFrom(links.latest(to), from);
    }
    if (!next.message().id().equals(other.id())) {
      throw new CheckFailure("chat " + other.id() + " next (nothing for the repeat)", "chat " + next.message().id()
          + (next.message().redelivered() ? ", marked redelivered" : ", not marked redelivered"));
    }
  }
}
