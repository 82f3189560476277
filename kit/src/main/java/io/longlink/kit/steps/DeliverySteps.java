package io.longlink.kit.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.wire.Deadline;
import io.longlink.kit.wire.Received;
import io.longlink.kit.wire.WireText;
import io.longlink.model.AuthOk;
import io.longlink.model.ChatAck;
import io.longlink.model.ChatDelivery;
import io.longlink.model.DeliveryAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.model.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deliveries: acks, redelivery, offline queues, resume. */
public final class DeliverySteps {

  /** The most chats the kit sends to fill one queue; a target with a larger max_pending is not checked for LL-DLV-8. */
  static final int MAX_QUEUE_TO_FILL = 1_000;
  private static final long UNUSED_SEQ = 9_007_199_254_740_000L;

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;
  private final Scratch scratch;
  private final Map<String, Received<ChatDelivery>> firstDeliveries = new HashMap<>();
  private final Map<String, Received<ChatDelivery>> latestCopies = new HashMap<>();

  public DeliverySteps(Cast cast, Links links, Ledger ledger, Scratch scratch) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
    this.scratch = scratch;
  }

  @When("{word} receives that chat and does not acknowledge it")
  public void receivesWithoutAck(String role) {
    firstDeliveries.put(role, ledger.delivery(links.latest(role), ledger.last()));
  }

  @When("{word} receives that chat and acknowledges it")
  public void receivesAndAcks(String role) {
    Received<ChatDelivery> d = ledger.delivery(links.latest(role), ledger.last());
    firstDeliveries.put(role, d);
    links.latest(role).socket().send(new DeliveryAck(d.message().seq()));
  }

  /** A server that takes an ack for "everything up to this seq", as TCP does, settles the first one too. */
  @When("{word} receives those 2 chats and acknowledges only the second")
  public void acksOnlyTheSecond(String role) {
    Link link = links.latest(role);
    List<Ledger.Sent> two = ledger.last(2);
    firstDeliveries.put(role, ledger.delivery(link, two.get(0)));
    link.socket().send(new DeliveryAck(ledger.delivery(link, two.get(1)).message().seq()));
  }

  @Then("{word} receives that chat again, marked redelivered, between the ack timeout and twice the ack timeout after the first time")
  @Then("{word} receives the first of them again, marked redelivered, between the ack timeout and twice the ack timeout after the first time")
  public void redeliveredOnTime(String role) {
    latestCopies.put(role, copyAfter(role, firstDeliveries.get(role), "second", "first"));
  }

  @Then("{word} receives that chat a third time, marked redelivered, between the ack timeout and twice the ack timeout after the second time")
  public void redeliveredAgain(String role) {
    copyAfter(role, latestCopies.get(role), "third", "second");
  }

  /** The next copy of a delivery, which has to come marked redelivered, one to two ack timeouts after {@code previous}. */
  private Received<ChatDelivery> copyAfter(String role, Received<ChatDelivery> previous, String nth, String before) {
    Link link = links.latest(role);
    long ackTimeout = link.authOk().delivery().ackTimeoutMs();
    ChatDelivery original = previous.message();
    Received<ChatDelivery> again = link.socket().expect(ChatDelivery.class,
        d -> d.id().equals(original.id()) && d.seq().equals(original.seq()), Waits.bound(2 * ackTimeout),
        "chat " + original.id() + " a " + nth + " time (seq " + original.seq() + ") within " + 2 * ackTimeout + " ms");
    if (!again.message().redelivered()) {
      throw new CheckFailure("the " + nth + " delivery of chat " + original.id() + " marked redelivered", WireText.of(again.message()));
    }
    long afterMs = Waits.millisSince(previous.atNanos(), again.atNanos());
    Waits.between(afterMs, ackTimeout, 2 * ackTimeout, "the " + nth + " delivery " + ackTimeout + "-" + 2 * ackTimeout
        + " ms after the " + before, "the " + nth + " delivery after " + afterMs + " ms");
    return again;
  }

  @Then("{word} receives no copy of that chat within two and a half ack timeouts")
  public void noCopy(String role) {
    Link link = links.latest(role);
    String id = firstDeliveries.get(role).message().id();
    long window = 5 * link.authOk().delivery().ackTimeoutMs() / 2;
    link.socket().expectNone(ChatDelivery.class, d -> d.id().equals(id), Duration.ofMillis(window + Waits.slackMs()),
        "copy of chat " + id + " after its ack");
  }

  @When("{word} sends {word} {int} chats")
  public void sendsN(String from, String to, int n) {
    for (int i = 0; i < n; i++) {
      ledger.ack(ledger.send(links.latest(from), ledger.toUser(to), "chat " + (i + 1) + " of " + n));
    }
  }

  @When("{word} and {word} take turns sending {word} {int} chats")
  public void takeTurns(String first, String second, String to, int n) {
    for (int i = 0; i < n; i++) {
      String from = i % 2 == 0 ? first : second;
      ledger.ack(ledger.send(links.latest(from), ledger.toUser(to), "turn " + (i + 1)));
    }
  }

  @When("{word} has a session again and pings")
  public void sessionAndPing(String role) {
    links.session(role).socket().send(new Ping("after-backlog"));
  }

  @When("{word} resumes after the second of them and pings")
  public void resumes(String role) {
    List<Ledger.Sent> three = ledger.last(3);
    long secondSeq = ledger.ack(three.get(1)).message().seq();
    links.session(role, secondSeq, links.latestEpoch()).socket().send(new Ping("after-backlog"));
  }

  @When("{word} resumes after those chats with an epoch that is not the server's, and pings")
  public void resumesWithAnotherEpoch(String role) {
    links.session(role, lastSentSeq(), otherEpoch(links.latestEpoch())).socket().send(new Ping("after-backlog"));
  }

  @When("{word} resumes after those chats without an epoch, and pings")
  public void resumesWithoutEpoch(String role) {
    links.session(role, lastSentSeq(), null).socket().send(new Ping("after-backlog"));
  }

  @Then("every session of the scenario got one and the same epoch")
  public void oneEpoch() {
    Map<String, String> epochs = new LinkedHashMap<>();
    links.authenticatedSoFar().forEach(l -> epochs.put(l.label(), l.authOk().epoch()));
    if (epochs.containsValue(null) || new HashSet<>(epochs.values()).size() != 1) {
      throw new CheckFailure("one epoch in the auth_ok of every session of a running server", epochs.toString());
    }
  }

  /** The seq of the last chat sent: a resume point at or above every chat of the scenario. */
  private long lastSentSeq() {
    return ledger.ack(ledger.last()).message().seq();
  }

  /**
   * The server's epoch with its last character changed: a valid epoch that is not the server's,
   * as a client would hold after the server's history ended.
   */
  private static String otherEpoch(String epoch) {
    if (epoch == null || epoch.isEmpty()) {
      return "not-the-servers-epoch";
    }
    char last = epoch.charAt(epoch.length() - 1);
    return epoch.substring(0, epoch.length() - 1) + (last == 'x' ? 'y' : 'x');
  }

  @Then("{word} receives those {int} chats in seq order before the pong")
  public void inOrderBeforePong(String role, int n) {
    List<ChatDelivery> before = deliveriesBeforePong(role);
    List<String> expected = ids(ledger.last(n));
    List<String> got = new ArrayList<>();
    before.forEach(d -> got.add(d.id()));
    if (!got.equals(expected)) {
      throw new CheckFailure("chats " + expected + " in this order before the pong", got.isEmpty() ? "none before the pong" : got.toString());
    }
  }

  @Then("{word} receives only the third of them before the pong")
  public void onlyThird(String role) {
    List<String> expected = List.of(ledger.last().id());
    List<String> got = new ArrayList<>();
    deliveriesBeforePong(role).forEach(d -> got.add(d.id()));
    if (!got.equals(expected)) {
      throw new CheckFailure("only chat " + expected.get(0) + " before the pong (the others are at or below last_seq)",
          got.isEmpty() ? "none before the pong" : got.toString());
    }
  }

  private List<ChatDelivery> deliveriesBeforePong(String role) {
    Link link = links.latest(role);
    List<ChatDelivery> deliveries = new ArrayList<>();
    Deadline deadline = Deadline.after(Waits.reply());
    while (true) {
      ServerMessage next = link.socket().next(deadline, "the backlog, then the pong of ping after-backlog").message();
      if (next instanceof Pong pong && "after-backlog".equals(pong.id())) {
        return deliveries;
      }
      if (next instanceof ChatDelivery d && cast.isOurs(d.from())) {
        deliveries.add(d);
        link.socket().send(new DeliveryAck(d.seq()));
      }
    }
  }

  @When("{word} receives those chats without acknowledging them")
  public void receivesThoseWithoutAck(String role) {
    for (Ledger.Sent s : ledger.last(countSentTo(role))) {
      ledger.delivery(links.latest(role), s);
    }
  }

  @Then("{word} receives those {int} chats again, marked redelivered")
  public void receivesThoseAgain(String role, int n) {
    for (Ledger.Sent s : ledger.last(n)) {
      ChatDelivery d = ledger.delivery(links.latest(role), s).message();
      if (!d.redelivered()) {
        throw new CheckFailure("chat " + s.id() + " again, marked redelivered (it was sent on the closed connection)", WireText.of(d));
      }
    }
  }

  @Then("{word} receives those {int} chats in increasing seq order")
  public void increasingSeq(String role, int n) {
    List<Ledger.Sent> sent = ledger.last(n);
    long previous = 0;
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ChatDelivery d = ledger.firstFromAnyone(links.latest(role)).message();
      seen.add(d.id() + "@" + d.seq());
      if (d.seq() <= previous) {
        throw new CheckFailure("the " + n + " chats in increasing seq order", String.join(", ", seen));
      }
      previous = d.seq();
    }
    List<String> expected = ids(sent);
    List<String> got = seen.stream().map(s -> s.substring(0, s.indexOf('@'))).toList();
    if (!got.containsAll(expected)) {
      throw new CheckFailure("chats " + expected, String.join(", ", seen));
    }
  }

  @When("{word} fills {word}'s queue of pending deliveries")
  public void fillsQueue(String from, String to) {
    Link link = links.latest(from);
    AuthOk ok = link.authOk();
    long max = ok.delivery().maxPending();
    if (max > MAX_QUEUE_TO_FILL) {
      throw new NotApplicable("the target's delivery.max_pending is " + max + "; the kit fills queues of at most "
          + MAX_QUEUE_TO_FILL + " (configure a smaller one on a test server to check LL-DLV-8)");
    }
    long rate = ok.limits().rateMessages();
    long window = ok.limits().rateWindowMs();
    for (int i = 0; i < max; i++) {
      if (i > 0 && i % rate == 0) {
        link.socket().expectOpenFor(Duration.ofMillis(window + Waits.slackMs()), "pacing to stay within the rate limit");
      }
      Ledger.Sent s = ledger.send(link, ledger.toUser(to), "fill " + i);
      ChatAck ack = ledger.ack(s).message();
      if (i == 0) {
        scratch.firstQueued = s;
      }
      if (ack.duplicate()) {
        throw new CheckFailure("chat " + s.id() + " accepted while the queue has room", WireText.of(ack));
      }
    }
    if (max % rate == 0) {
      link.socket().expectOpenFor(Duration.ofMillis(window + Waits.slackMs()), "pacing to stay within the rate limit");
    }
  }

  @When("{word} sends {word} one more chat")
  public void oneMore(String from, String to) {
    ledger.send(links.latest(from), ledger.toUser(to), "one too many");
  }

  @Then("{word} receives an error {string} about that chat, with a retry hint")
  public void errorWithRetry(String role, String code) {
    Ledger.Sent sent = ledger.last();
    ErrorMessage error = links.latest(role).socket().expect(ErrorMessage.class, e -> sent.id().equals(e.ref()),
        Waits.reply(), "an error with ref " + sent.id() + " (and no ack)").message();
    if (!code.equals(error.code()) || error.retryAfterMs() == null) {
      throw new CheckFailure("an error with code " + code + ", ref " + sent.id() + " and retry_after_ms", WireText.of(error));
    }
  }

  @Then("{word} receives the first chat of the queue when he has a session again")
  public void firstOfQueue(String role) {
    Link link = links.session(role);
    ChatDelivery first = ledger.firstFromAnyone(link).message();
    if (!first.id().equals(scratch.firstQueued.id())) {
      throw new CheckFailure("chat " + scratch.firstQueued.id() + " (the oldest) first: nothing pending is dropped",
          "chat " + first.id() + " first");
    }
  }

  @When("{word} acknowledges a seq that was never delivered to her")
  @When("{word} acknowledges a seq that was never delivered to him")
  public void acksUnknown(String role) {
    links.latest(role).socket().send(new DeliveryAck(UNUSED_SEQ));
  }

  private int countSentTo(String role) {
    int n = 0;
    for (Ledger.Sent s : ledger.last(Integer.MAX_VALUE)) {
      if (s.chat().to().id().equals(cast.userId(role))) {
        n++;
      }
    }
    return n;
  }

  private static List<String> ids(List<Ledger.Sent> sent) {
    List<String> ids = new ArrayList<>();
    sent.forEach(s -> ids.add(s.id()));
    return ids;
  }
}
