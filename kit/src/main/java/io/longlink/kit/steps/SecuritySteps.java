package io.longlink.kit.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.longlink.kit.NotApplicable;
import io.longlink.model.AuthOk;
import io.longlink.model.Chat;
import java.security.SecureRandom;
import java.util.List;

/** Signed chats and the replay window. */
public final class SecuritySteps {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;

  public SecuritySteps(Cast cast, Links links, Ledger ledger) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
  }

  @Given("{roles} have sessions that sign chats")
  public void signingSessions(List<String> roles) {
    for (String role : roles) {
      AuthOk ok = links.session(role).authOk();
      if (ok.signing() == null) {
        throw new NotApplicable("the target does not advertise signing in auth_ok, so it does not sign chats; "
            + "this rule binds only servers that do");
      }
      cast.signingKey(role).orElseThrow(() -> new NotApplicable(
          "the target signs chats and the kit has no signing key for its users; give --signing-secret"));
    }
  }

  @When("{word} sends {word} an unsigned chat")
  public void unsigned(String from, String to) {
    Link link = links.latest(from);
    Chat chat = new Chat(cast.nextMessageId(), ledger.toUser(to), "unsigned", System.currentTimeMillis(), null);
    link.socket().send(chat);
    ledger.record(link, chat);
  }

  @When("{word} sends {word} a chat signed with another user's key")
  public void signedByAnother(String from, String to) {
    Link link = links.latest(from);
    // Any key but alice's is another user's key.
    byte[] other = new byte[32];
    RANDOM.nextBytes(other);
    Chat chat = Ledger.sign(Chat.of(cast.nextMessageId(), ledger.toUser(to), "forged"),
        System.currentTimeMillis(), other);
    link.socket().send(chat);
    ledger.record(link, chat);
  }

  /** The window is two-sided: a ts as far ahead of the server's clock is as stale as one behind it. */
  /** Half the window from the kit's clock: a server with a window in the wrong unit refuses it. */
  @When("{word} sends {word} a correctly signed chat whose ts is half the replay window behind the kit's clock")
  public void insideTheWindowBehind(String from, String to) {
    insideTheWindow(from, to, -1);
  }

  @When("{word} sends {word} a correctly signed chat whose ts is half the replay window ahead of the kit's clock")
  public void insideTheWindowAhead(String from, String to) {
    insideTheWindow(from, to, 1);
  }

  private void insideTheWindow(String from, String to, int side) {
    Link link = links.latest(from);
    long half = link.authOk().signing().replayWindowMs() / 2;
    if (half <= Waits.slackMs() + 1_000) {
      throw new NotApplicable("signing.replay_window_ms is " + 2 * half + "; half of it leaves no room for the timing "
          + "slack of " + Waits.slackMs() + " ms and a second of clock difference, so the kit does not place a ts inside it");
    }
    byte[] key = cast.signingKey(from).orElseThrow();
    long ts = System.currentTimeMillis() + side * half;
    Chat chat = Ledger.sign(Chat.of(cast.nextMessageId(), ledger.toUser(to), "inside the window"), ts, key);
    link.socket().send(chat);
    ledger.record(link, chat);
  }

  @When("{word} sends {word} a correctly signed chat whose ts is {word} the replay window")
  public void stale(String from, String to, String side) {
    if (!side.equals("before") && !side.equals("after")) {
      throw new IllegalArgumentException("the ts is before or after the replay window, not " + side);
    }
    Link link = links.latest(from);
    long window = link.authOk().signing().replayWindowMs();
    byte[] key = cast.signingKey(from).orElseThrow();
    long beyond = window + 5_000 + Waits.slackMs();
    long ts = System.currentTimeMillis() + (side.equals("before") ? -beyond : beyond);
    Chat chat = Ledger.sign(Chat.of(cast.nextMessageId(), ledger.toUser(to), "stale"), ts, key);
    link.socket().send(chat);
    ledger.record(link, chat);
  }
}
