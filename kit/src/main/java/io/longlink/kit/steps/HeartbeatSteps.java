package io.longlink.kit.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.Closed;
import io.longlink.kit.wire.KitSocket;
import io.longlink.kit.wire.WireText;
import io.longlink.model.AuthOk;
import io.longlink.model.DeliveryAck;
import io.longlink.model.Join;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.Protocol;
import java.time.Duration;

/** Ping, pong, and silence. */
public final class HeartbeatSteps {

  private static final long UNUSED_SEQ = 9_007_199_254_740_000L;

  private final Cast cast;
  private final Links links;

  public HeartbeatSteps(Cast cast, Links links) {
    this.cast = cast;
    this.links = links;
  }

  @When("{word} pings with id {string}")
  public void pingsWithId(String role, String id) {
    links.latest(role).socket().send(new Ping(id));
  }

  @When("{word} pings without an id")
  public void pingsWithoutId(String role) {
    links.latest(role).socket().send(new Ping(null));
  }

  @Then("{word} receives a pong with id {string}")
  @Then("{word} receives a pong with id {string} within the pong deadline")
  public void pongWithId(String role, String id) {
    links.latest(role).socket().expect(Pong.class, p -> id.equals(p.id()), Waits.bound(Protocol.PONG_DEADLINE_MS),
        "a pong with id " + id);
  }

  @Then("{word} receives a pong without an id within the pong deadline")
  public void pongWithoutId(String role) {
    links.latest(role).socket().expect(Pong.class, p -> p.id() == null, Waits.bound(Protocol.PONG_DEADLINE_MS),
        "a pong without an id");
  }

  @Then("{word} receives no other pong")
  public void noOtherPong(String role) {
    links.latest(role).socket().expectNone(Pong.class, p -> true, Waits.bound(Protocol.PONG_DEADLINE_MS),
        "pong beyond one per ping");
  }

  @Then("the next message {word} receives is a pong with id {string}")
  public void nextIsPong(String role, String id) {
    ServerMessage next = links.nextOwn(links.latest(role), Waits.bound(Protocol.PONG_DEADLINE_MS),
        "a pong with id " + id + " as the next message").message();
    if (!(next instanceof Pong pong) || !id.equals(pong.id())) {
      throw new CheckFailure("a pong with id " + id + " as the next message", WireText.of(next));
    }
  }

  @When("{word} falls silent")
  public void fallsSilent(String role) {
    links.latest(role).socket().stopKeepAlive();
  }

  @Then("{word}'s connection is closed with code {int} between the heartbeat timeout and one heartbeat interval after it")
  public void closedOnTime(String role, int code) {
    Link link = links.latest(role);
    AuthOk ok = link.authOk();
    long timeout = ok.heartbeat().timeoutMs();
    long interval = ok.heartbeat().intervalMs();
    KitSocket socket = link.socket();
    Closed closed = socket.expectClose(Waits.bound(timeout + interval),
        "a close with code " + code + " after " + timeout + "-" + (timeout + interval) + " ms of silence");
    if (closed.code() != code) {
      throw new CheckFailure("a close with code " + code, "a close with code " + closed.code() + " (" + closed.reason() + ")");
    }
    long silentMs = Waits.millisSince(socket.lastSentNanos(), closed.atNanos());
    Waits.between(silentMs, timeout, timeout + interval,
        "the close " + timeout + "-" + (timeout + interval) + " ms after the last frame " + role + " sent",
        "the close after " + silentMs + " ms of silence");
  }

  @When("{word} sends nothing but {traffic} for twice the heartbeat timeout")
  public void onlyTraffic(String role, String traffic) {
    Link link = links.latest(role);
    KitSocket socket = link.socket();
    socket.stopKeepAlive();
    long interval = link.authOk().heartbeat().intervalMs();
    long end = System.nanoTime() + Duration.ofMillis(2 * link.authOk().heartbeat().timeoutMs()).toNanos();
    int n = 0;
    while (System.nanoTime() < end) {
      switch (traffic) {
        case "pings" -> socket.send(new Ping("traffic-" + n));
        case "room joins" -> socket.send(new Join("join-" + n, cast.room("heartbeat")));
        default -> socket.send(new DeliveryAck(UNUSED_SEQ));
      }
      n++;
      socket.expectOpenFor(Duration.ofMillis(interval / 2), "it sent " + traffic + " every " + interval / 2 + " ms");
    }
  }
}
