package io.longlink.kit.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.Closed;
import io.longlink.kit.wire.Received;
import io.longlink.kit.wire.WireText;
import io.longlink.model.AuthOk;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.Protocol;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The first message of a connection, and what the server answers to it. */
public final class HandshakeSteps {

  private final Cast cast;
  private final Links links;
  private final Scratch scratch;

  public HandshakeSteps(Cast cast, Links links, Scratch scratch) {
    this.cast = cast;
    this.links = links;
    this.scratch = scratch;
  }

  @When("{word} connects and authenticates with a valid token")
  public void authenticatesValid(String role) {
    links.sendAuth(links.open(role), cast.token(role));
  }

  @When("{word} connects and authenticates with a token that is not a JWT")
  public void authenticatesGarbage(String role) {
    links.sendAuth(links.open(role), "not-a-jwt");
  }

  @When("{word} connects and authenticates with a valid token with a broken signature")
  public void authenticatesBrokenSignature(String role) {
    links.sendAuth(links.open(role), brokenSignature(cast.token(role)));
  }

  @When("{word} connects and authenticates with an expired token with a broken signature")
  public void authenticatesExpiredBroken(String role) {
    links.sendAuth(links.open(role), brokenSignature(cast.expiredToken(role)));
  }

  private static String brokenSignature(String token) {
    return token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
  }

  @When("{word} connects and authenticates with an expired token")
  public void authenticatesExpired(String role) {
    links.sendAuth(links.open(role), cast.expiredToken(role));
  }

  @When("{word} connects and authenticates with a token of a user who is not allowed in")
  public void authenticatesForbidden(String role) {
    links.sendAuth(links.open(role), cast.forbiddenToken(role));
  }

  @When("{word} connects with a valid token in the URL query and authenticates with a token that is not a JWT")
  public void tokenInUrl(String role) {
    String token = URLEncoder.encode(cast.token(role), StandardCharsets.UTF_8);
    Link link = links.open(role, List.of(Protocol.SUBPROTOCOL), "token=" + token + "&access_token=" + token);
    links.sendAuth(link, "not-a-jwt");
  }

  @When("{word} connects and sends an auth without its client member")
  public void authWithoutClient(String role) {
    links.open(role).socket().sendText("{\"type\":\"auth\",\"token\":\"" + cast.token(role) + "\"}");
  }

  @When("{word} connects and pings before authenticating")
  public void pingsFirst(String role) {
    links.open(role).socket().send(new Ping("too-early"));
  }

  @When("{word} connects and sends the frame {} before authenticating")
  public void sendsFrameFirst(String role, String frame) {
    links.open(role).socket().sendText(frame);
  }

  @When("{word} authenticates again on the same connection")
  public void authenticatesAgain(String role) {
    links.sendAuth(links.latest(role), cast.token(role));
  }

  @Then("the first message {word} receives is an auth_ok")
  public void firstIsAuthOk(String role) {
    Link link = links.latest(role);
    Received<ServerMessage> first = links.nextOwn(link, Waits.reply(), "auth_ok as the first message");
    if (!(first.message() instanceof AuthOk ok)) {
      throw new CheckFailure("auth_ok as the first message", WireText.of(first.message()));
    }
    link.authenticated(ok);
  }

  @Then("the next message after {word}'s next ping is its pong")
  public void nextIsPong(String role) {
    Link link = links.latest(role);
    link.socket().send(new Ping("after-auth-ok"));
    Received<ServerMessage> next = links.nextOwn(link, Waits.reply(), "the pong of ping after-auth-ok as the next message");
    if (!(next.message() instanceof Pong pong) || !"after-auth-ok".equals(pong.id())) {
      throw new CheckFailure("the pong of ping after-auth-ok as the next message, and exactly one auth_ok before it",
          WireText.of(next.message()));
    }
  }

  @Then("{word}'s auth_ok names {word} as its user")
  public void namesUser(String role, String user) {
    String advertised = links.latest(role).authOk().userId();
    if (!cast.userId(user).equals(advertised)) {
      throw new CheckFailure("user_id " + cast.userId(user) + " (the token's subject)", "user_id " + advertised);
    }
  }

  @Then("{word}'s sessions have different session ids")
  public void differentSessionIds(String role) {
    List<Link> sessions = links.all(role);
    String first = sessions.get(0).authOk().sessionId();
    String second = sessions.get(1).authOk().sessionId();
    if (first.equals(second)) {
      throw new CheckFailure("a different session_id for each connection", "session_id " + first + " twice");
    }
  }

  @Then("{word} received no auth_ok")
  public void noAuthOk(String role) {
    noSuch(role, AuthOk.class, "auth_ok");
  }

  @Then("that connection received no auth_ok")
  public void extraNoAuthOk() {
    scratch.extra.socket().history().stream().filter(e -> e.message() instanceof AuthOk).findFirst().ifPresent(e -> {
      throw new CheckFailure("no auth_ok on " + scratch.extra.label() + ", a connection over the limit", e.describe());
    });
  }

  @Then("{word} received no second auth_ok")
  public void noSecondAuthOk(String role) {
    noSuch(role, AuthOk.class, "second auth_ok");
  }

  @Then("{word} received no pong")
  public void noPong(String role) {
    noSuch(role, Pong.class, "pong");
  }

  private void noSuch(String role, Class<? extends ServerMessage> type, String what) {
    Link link = links.latest(role);
    link.socket().history().stream()
        .filter(e -> type.isInstance(e.message()) && (link.authOk() == null || e.message() != link.authOk()))
        .findFirst()
        .ifPresent(e -> {
          throw new CheckFailure("no " + what + " on " + link.label(), e.describe());
        });
  }

  @Given("the auth timeout the server advertises")
  public void probeAuthTimeout() {
    Link probe = links.session("probe");
    scratch.authTimeoutMs = probe.authOk().limits().authTimeoutMs();
    links.closeAll("probe");
  }

  @When("{word} connects and sends nothing")
  public void sendsNothing(String role) {
    links.open(role);
    scratch.openedNanos = System.nanoTime();
  }

  @Then("{word}'s connection is closed with code {int} between the auth timeout and one second after it")
  public void closedAfterAuthTimeout(String role, int code) {
    long timeout = scratch.authTimeoutMs;
    Link link = links.latest(role);
    Closed closed = link.socket().expectClose(Waits.bound(timeout + Protocol.AUTH_TIMEOUT_GRACE_MS),
        "a close with code " + code + " " + timeout + "-" + (timeout + Protocol.AUTH_TIMEOUT_GRACE_MS) + " ms after the connection opened");
    if (closed.code() != code) {
      throw new CheckFailure("a close with code " + code, "a close with code " + closed.code() + " (" + closed.reason() + ")");
    }
    long afterMs = Waits.millisSince(scratch.openedNanos, closed.atNanos());
    Waits.between(afterMs, timeout, timeout + Protocol.AUTH_TIMEOUT_GRACE_MS,
        "the close " + timeout + "-" + (timeout + Protocol.AUTH_TIMEOUT_GRACE_MS) + " ms after the connection opened",
        "the close " + afterMs + " ms after it");
  }

  @Then("the server time in {word}'s auth_ok is within {int} ms of the kit's clock")
  public void serverTime(String role, int toleranceMs) {
    long skew = Math.abs(links.latest(role).authOk().serverTime() - System.currentTimeMillis());
    if (skew > toleranceMs) {
      throw new CheckFailure("server_time within " + toleranceMs + " ms of the kit's clock",
          "server_time " + skew + " ms off", new CheckFailure.Timing(skew, "at most " + toleranceMs + " ms"));
    }
  }
}
