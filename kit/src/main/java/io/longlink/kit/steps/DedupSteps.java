package io.longlink.kit.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.WireText;
import io.longlink.model.ChatAck;
import io.longlink.model.ChatDelivery;
import java.time.Duration;
import java.util.List;

/** Sending chats again, and what a repeat may and may not cause. */
public final class DedupSteps {

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;

  public DedupSteps(Cast cast, Links links, Ledger ledger) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
  }

  @When("{word} sends that chat again")
  public void sendsAgain(String role) {
    ledger.resend(links.latest(role), firstSendOf(ledger.last()));
  }

  /**
   * A window kept in the wrong unit (a thousandth of it, read as microseconds, or seconds taken
   * for minutes) forgets the chat before a repeat that comes a moment later: two seconds tell.
   */
  @When("{word} sends that chat again two seconds later, or halfway through the dedup window if that is sooner")
  public void sendsAgainLater(String role) {
    Link link = links.latest(role);
    long waitMs = Math.min(2_000, link.authOk().dedupWindowMs() / 2);
    link.socket().expectOpenFor(Duration.ofMillis(waitMs), "the kit waits " + waitMs + " ms before sending the chat again");
    ledger.resend(link, firstSendOf(ledger.last()));
  }

  @When("{word} sends that chat again and waits for its ack")
  public void sendsAgainAndWaits(String role) {
    ledger.ack(ledger.resend(links.latest(role), firstSendOf(ledger.last())));
  }

  @Then("{word} receives an ack of the repeat marked duplicate, with the seq and time of the first ack")
  public void duplicateAck(String role) {
    Ledger.Sent repeat = ledger.last();
    ChatAck first = ledger.ack(firstSendOf(repeat)).message();
    ChatAck again = ledger.ack(repeat).message();
    if (!again.duplicate() || !again.seq().equals(first.seq()) || !again.ts().equals(first.ts())) {
      throw new CheckFailure("an ack with id " + repeat.id() + ", duplicate true, seq " + first.seq() + " and ts " + first.ts(),
          WireText.of(again));
    }
  }

  @When("{word} and {word} each send {word} a chat with the id {string}")
  public void bothSendSameId(String first, String second, String to, String label) {
    String id = cast.messageId(label);
    ledger.send(links.latest(first), id, ledger.toUser(to), "from " + first);
    ledger.send(links.latest(second), id, ledger.toUser(to), "from " + second);
  }

  @Then("neither ack is marked duplicate")
  public void neitherDuplicate() {
    for (Ledger.Sent s : ledger.last(2)) {
      ChatAck ack = ledger.ack(s).message();
      if (ack.duplicate()) {
        throw new CheckFailure("the chat of " + s.role() + " acked with duplicate false (another sender's id does not count)",
            WireText.of(ack));
      }
    }
  }

  @Then("{word} receives both chats, one from {word} and one from {word}")
  public void receivesBoth(String to, String first, String second) {
    for (String from : List.of(first, second)) {
      ChatDelivery d = ledger.firstFrom(links.latest(to), from).message();
      if (!d.body().equals("from " + from)) {
        throw new CheckFailure("the chat " + from + " sent", WireText.of(d));
      }
    }
  }

  /** The first send of the chat that {@code sent} repeats. */
  private Ledger.Sent firstSendOf(Ledger.Sent sent) {
    for (Ledger.Sent s : ledger.last(Integer.MAX_VALUE)) {
      if (s.id().equals(sent.id()) && s.role().equals(sent.role())) {
        return s;
      }
    }
    return sent;
  }
}
