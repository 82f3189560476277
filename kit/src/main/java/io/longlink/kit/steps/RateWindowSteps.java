package io.longlink.kit.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.wire.Received;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether the rate limit is a sliding window (LL-LIM-3, LL-LIM-4): chats sent in bursts timed so
 * that a window of any other shape lets too many through or refuses too many, judged by
 * {@link RateJudge} on when each chat was sent and answered.
 */
public final class RateWindowSteps {

  /** The kit does not spend more than about a minute on one window pattern. */
  private static final long LONGEST_WINDOW_MS = 10_000;
  private static final long LARGEST_BURST = 1_000;

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;
  private final List<Pending> sent = new ArrayList<>();
  private final Map<String, RateJudge.Attempt> answered = new HashMap<>();
  private RateJudge judge;

  private record Pending(Link link, String id, long sentNanos) {}

  public RateWindowSteps(Cast cast, Links links, Ledger ledger) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
  }

  /**
   * One chat, then all but one of the rate late in a window, then two more just after one window
   * from the first: a window that starts with the first chat has ended, a sliding one still holds
   * the late ones. Then bursts of the whole rate every three quarters of a window: a window
   * aligned to the clock, whatever its phase, has an edge between two of them with both bursts
   * far enough from it that transit jitter of up to an eighth of a window does not matter.
   */
  @When("{word} sends chats in bursts timed to find the edges of a fixed window")
  public void burstsAcrossEdges(String role) {
    Link link = links.latest(role);
    long rate = rate(link);
    long window = window(link);
    long start = System.nanoTime();
    burst(link, start, 0, 1);
    burst(link, start, window * 7 / 10, rate - 1);
    burst(link, start, window * 115 / 100, 2);
    long pulses = window * 225 / 100;
    for (int k = 0; k < 5; k++) {
      burst(link, start, pulses + k * window * 3 / 4, rate);
    }
  }

  /**
   * A window that counts the chats it refused refuses the third burst, which comes when only
   * refused chats can be in a sliding window.
   */
  @When("{word} sends as many chats as the advertised rate allows, as many again half a window later, and as many again once the first have left the window")
  public void refusedThenClear(String role) {
    Link link = links.latest(role);
    long rate = rate(link);
    long window = window(link);
    burst(link, System.nanoTime(), 0, rate);
    long firstAnswered = answers().stream().mapToLong(RateJudge.Attempt::answeredNanos).max().orElseThrow();
    burst(link, firstAnswered, window / 2, rate);
    burst(link, firstAnswered, window + 4 * RateJudge.CLOCK_GRAIN_MS, rate);
  }

  @Then("no more chats of {word}'s than the advertised rate got through within one window")
  public void noMoreThanTheRate(String role) {
    List<RateJudge.Attempt> attempts = answers();
    judge.tooManyLetThrough(attempts).ifPresent(f -> {
      throw f;
    });
  }

  @Then("no chat of {word}'s was refused for rate unless the advertised rate of them had got through in the window before it")
  public void noneRefusedBelowTheRate(String role) {
    List<RateJudge.Attempt> attempts = answers();
    judge.refusedBelowTheRate(attempts).ifPresent(f -> {
      throw f;
    });
  }

  private long rate(Link link) {
    long rate = link.authOk().limits().rateMessages();
    if (rate > LARGEST_BURST) {
      throw new NotApplicable("limits.rate_messages is " + rate + "; the kit sends bursts of at most " + LARGEST_BURST);
    }
    judge = new RateJudge(rate, link.authOk().limits().rateWindowMs());
    return rate;
  }

  private long window(Link link) {
    long window = link.authOk().limits().rateWindowMs();
    if (window > LONGEST_WINDOW_MS) {
      throw new NotApplicable("limits.rate_window_ms is " + window + "; the kit checks the shape of the window for "
          + "windows of up to " + LONGEST_WINDOW_MS + " ms, as the pattern takes five windows");
    }
    return window;
  }

  /** Sends {@code n} chats, each to a recipient of its own so that no queue limit gets in the way, at {@code offsetMs} after {@code fromNanos}. */
  private void burst(Link link, long fromNanos, long offsetMs, long n) {
    long at = fromNanos + offsetMs * 1_000_000L;
    for (long left; (left = at - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new CheckFailure("to send the next burst of chats", "the run was stopped");
      }
    }
    for (int i = 0; i < n; i++) {
      Chat chat = ledger.prepare(link, cast.nextMessageId(), ledger.toUser("window-" + sent.size()), "window " + sent.size());
      long sentNanos = System.nanoTime();
      link.socket().send(chat);
      ledger.record(link, chat);
      sent.add(new Pending(link, chat.id(), sentNanos));
    }
  }

  /** The answers to every chat sent so far, in send order: an ack or an error naming the chat. */
  private List<RateJudge.Attempt> answers() {
    List<RateJudge.Attempt> attempts = new ArrayList<>();
    for (Pending p : sent) {
      RateJudge.Attempt known = answered.get(p.id());
      if (known != null) {
        attempts.add(known);
        continue;
      }
      Received<ServerMessage> answer = p.link().socket().expect(ServerMessage.class,
          m -> (m instanceof ChatAck a && a.id().equals(p.id())) || (m instanceof ErrorMessage e && p.id().equals(e.ref())),
          Waits.reply(), "an ack of chat " + p.id() + " or an error about it");
      boolean refused = answer.message() instanceof ErrorMessage e && ErrorCode.RATE_LIMITED.wireValue().equals(e.code());
      RateJudge.Attempt attempt = new RateJudge.Attempt(p.id(), p.sentNanos(), answer.atNanos(), refused);
      answered.put(p.id(), attempt);
      attempts.add(attempt);
    }
    return attempts;
  }
}
