package io.longlink.kit.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.model.ChatAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.Join;
import io.longlink.model.Joined;
import io.longlink.model.Leave;
import io.longlink.model.Left;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.protocol.ParameterCheck;
import java.util.ArrayList;
import java.util.List;

/** What holds for every message and every session: frames, schemas, parameters. */
public final class ProtocolSteps {

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;

  public ProtocolSteps(Cast cast, Links links, Ledger ledger) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
  }

  @Then("every frame {word} received was a text frame holding one JSON object")
  public void textFramesOnly(String role) {
    for (Link link : links.all(role)) {
      for (String problem : link.socket().problems()) {
        if (problem.startsWith("a binary frame") || problem.contains("not one JSON value") || problem.contains("not an object")) {
          throw new CheckFailure("text frames that each hold one JSON object, on " + link.label(), problem);
        }
      }
    }
  }

  /** Makes the server send pong, joined, ack, chat, left and error (auth_ok came with the session). */
  @When("{word} makes the server answer with every kind of message it sends in a session")
  public void everyKind(String role) {
    Link link = links.latest(role);
    String room = cast.room("everything");
    link.socket().send(new Ping("every-kind"));
    link.socket().expect(Pong.class, p -> "every-kind".equals(p.id()), Waits.reply(), "a pong");
    link.socket().send(new Join(cast.nextMessageId(), room));
    link.socket().expect(Joined.class, j -> true, Waits.reply(), "joined");
    Ledger.Sent sent = ledger.send(link, ledger.toUser("bob"), "every kind");
    link.socket().expect(ChatAck.class, a -> a.id().equals(sent.id()), Waits.reply(), "an ack");
    ledger.delivery(links.latest("bob"), sent);
    link.socket().send(new Leave(cast.nextMessageId(), room));
    link.socket().expect(Left.class, l -> true, Waits.reply(), "left");
    link.socket().sendText("{\"type\":\"typing\",\"id\":\"every-kind\"}");
    link.socket().expect(ErrorMessage.class, e -> true, Waits.reply(), "an error");
  }

  @Then("every message {roles} received validated against its schema")
  public void allValid(List<String> roles) {
    List<String> problems = new ArrayList<>();
    for (String role : roles) {
      for (Link link : links.all(role)) {
        link.socket().problems().forEach(p -> problems.add(link.label() + ": " + p));
      }
    }
    if (!problems.isEmpty()) {
      throw new CheckFailure("every message valid against the schema of its type", String.join("; ", problems));
    }
  }

  @Then("every session parameter {word} was given is within its range and consistent with the others")
  public void parametersConsistent(String role) {
    List<String> problems = ParameterCheck.problems(links.parameters(role));
    if (!problems.isEmpty()) {
      throw new CheckFailure("session parameters within PROTOCOL.md §6's ranges and relations", String.join("; ", problems));
    }
  }
}
