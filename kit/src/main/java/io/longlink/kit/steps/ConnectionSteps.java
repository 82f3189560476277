package io.longlink.kit.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.CloseCodes;
import io.longlink.kit.wire.Closed;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.Protocol;
import java.util.List;

/** Opening, authenticating, holding and losing connections. */
public final class ConnectionSteps {

  private final Links links;
  private final Scratch scratch;

  public ConnectionSteps(Links links, Scratch scratch) {
    this.links = links;
    this.scratch = scratch;
  }

  @Given("{word} has a session")
  @Given("{word} has a session again")
  public void hasASession(String role) {
    links.session(role);
  }

  @Given("{roles} have sessions")
  public void haveSessions(List<String> roles) {
    roles.forEach(links::session);
  }

  @Given("{word} has two sessions")
  public void hasTwoSessions(String role) {
    links.session(role);
    links.session(role);
  }

  @Given("{word} has no session")
  public void hasNoSession(String role) {
    if (!links.all(role).isEmpty()) {
      throw new IllegalStateException("the scenario gave " + role + " a connection before saying " + role + " has none");
    }
  }

  @When("{word} connects offering the subprotocol {string}")
  public void connectsOffering(String role, String subprotocol) {
    links.open(role, List.of(subprotocol), null);
  }

  @When("{word} connects offering no subprotocol")
  public void connectsOfferingNone(String role) {
    links.open(role, List.of(), null);
  }

  @Then("the server selected the subprotocol {string} for {word}")
  public void selected(String subprotocol, String role) {
    String selected = links.latest(role).socket().selectedSubprotocol().orElse(null);
    if (!subprotocol.equals(selected)) {
      throw new CheckFailure("Sec-WebSocket-Protocol: " + subprotocol + " in the handshake response",
          selected == null ? "no Sec-WebSocket-Protocol header" : "Sec-WebSocket-Protocol: " + selected);
    }
  }

  @When("{word}'s connection drops")
  public void drops(String role) {
    links.latest(role).socket().drop();
  }

  @When("{word} closes all his connections")
  @When("{word} closes all her connections")
  @When("{word} closes his connection")
  @When("{word} closes her connection")
  public void closesAll(String role) {
    links.closeAll(role);
  }

  @Then("{word}'s connection is closed with code {int}")
  public void closedWith(String role, int code) {
    expectCode(links.latest(role), code);
  }

  @Then("that connection is closed with code {int}")
  public void thatClosedWith(int code) {
    expectCode(scratch.extra, code);
  }

  @Then("{word}'s first session is closed with code {int}")
  public void firstClosedWith(String role, int code) {
    expectCode(links.all(role).get(0), code);
  }

  @Then("{word}'s connection is still open")
  @Then("{word}'s connection still answers a ping")
  public void stillOpen(String role) {
    answersAPing(links.latest(role));
  }

  @Then("{word}'s first session still answers a ping")
  public void firstStillAnswers(String role) {
    answersAPing(links.all(role).get(0));
  }

  @Then("{word}'s second session still answers a ping")
  public void secondStillAnswers(String role) {
    answersAPing(links.all(role).get(1));
  }

  static void answersAPing(Link link) {
    String id = "still-open-" + System.nanoTime();
    link.socket().send(new Ping(id));
    link.socket().expect(Pong.class, p -> id.equals(p.id()), Waits.bound(Protocol.PONG_DEADLINE_MS),
        "a pong with id " + id + " (the connection is open and serving)");
  }

  /** Waits for the close of a connection and checks its code. */
  static Closed expectCode(Link link, int code) {
    String expected = "a close with code " + CloseCode.describe(code);
    Closed closed = link.socket().expectClose(Waits.reply(), expected);
    if (closed.code() != code) {
      throw CloseCodes.judge(closed.code(), new CheckFailure(expected + " on " + link.label(), "a close with code "
          + CloseCode.describe(closed.code()) + (closed.reason() == null ? "" : " and reason \"" + closed.reason() + "\"")));
    }
    return closed;
  }
}
