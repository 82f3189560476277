package io.longlink.kit.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.Deadline;
import io.longlink.kit.wire.WireText;
import io.longlink.model.ChatAck;
import io.longlink.model.ErrorMessage;
import io.longlink.model.Join;
import io.longlink.model.Joined;
import io.longlink.model.Leave;
import io.longlink.model.Left;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.model.ServerMessage;
import java.util.List;

/** Joining, leaving, and chatting in rooms. */
public final class RoomSteps {

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;
  private final Scratch scratch;

  public RoomSteps(Cast cast, Links links, Ledger ledger, Scratch scratch) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
    this.scratch = scratch;
  }

  @When("{word} joins the room {string}")
  @When("{word} joins the room {string} again")
  public void joins(String role, String room) {
    String id = cast.nextMessageId();
    scratch.roomRequests.add(id);
    links.latest(role).socket().send(new Join(id, cast.room(room)));
  }

  @Given("{word} is a member of the room {string}")
  public void isMember(String role, String room) {
    String id = cast.nextMessageId();
    links.latest(role).socket().send(new Join(id, cast.room(room)));
    links.latest(role).socket().expect(Joined.class, j -> cast.room(room).equals(j.room()), Waits.reply(),
        "joined for room " + cast.room(room));
  }

  @Given("{roles} are members of the room {string}")
  public void areMembers(List<String> roles, String room) {
    roles.forEach(r -> isMember(r, room));
  }

  @Then("{word} receives joined for each join, with its id and the room")
  public void joinedForEach(String role) {
    for (String id : scratch.roomRequests) {
      Joined joined = links.latest(role).socket().expect(Joined.class, j -> true, Waits.reply(), "joined for join " + id).message();
      if (!id.equals(joined.id()) || joined.room() == null) {
        throw new CheckFailure("joined with id " + id + " and the room", WireText.of(joined));
      }
    }
  }

  @When("{word} leaves the room {string}")
  public void leaves(String role, String room) {
    String id = cast.nextMessageId();
    scratch.roomRequests.add(id);
    links.latest(role).socket().send(new Leave(id, cast.room(room)));
  }

  @Then("{word} receives left for that leave, with its id and the room")
  public void leftForThatLeave(String role) {
    String id = scratch.roomRequests.get(scratch.roomRequests.size() - 1);
    Left left = links.latest(role).socket().expect(Left.class, l -> true, Waits.reply(), "left for leave " + id).message();
    if (!id.equals(left.id())) {
      throw new CheckFailure("left with id " + id, WireText.of(left));
    }
  }

  @When("{word} sends a chat to the room {string}")
  public void sendsToRoom(String role, String room) {
    ledger.send(links.latest(role), ledger.toRoom(room), cast.body(room));
  }

  @When("{word} sends a chat to the room {string} and waits for its ack")
  public void sendsToRoomAndWaits(String role, String room) {
    ledger.ack(ledger.send(links.latest(role), ledger.toRoom(room), cast.body(room)));
  }

  @Then("{word} receives an error {string} about that chat")
  public void errorAboutThatChat(String role, String code) {
    Ledger.Sent sent = ledger.last();
    ErrorMessage error = links.latest(role).socket().expect(ErrorMessage.class, e -> sent.id().equals(e.ref()),
        Waits.reply(), "an error with ref " + sent.id()).message();
    if (!code.equals(error.code())) {
      throw new CheckFailure("an error with code " + code + " and ref " + sent.id(), WireText.of(error));
    }
  }

  @Then("{word} receives no ack of that chat before the answer to a later ping")
  public void noAckBeforeLaterPing(String role) {
    Link link = links.latest(role);
    Ledger.Sent sent = ledger.last();
    String id = "after-" + sent.id();
    link.socket().send(new Ping(id));
    Deadline deadline = Deadline.after(Waits.reply());
    while (true) {
      ServerMessage next = link.socket().next(deadline, "the pong of ping " + id).message();
      if (next instanceof ChatAck ack && ack.id().equals(sent.id())) {
        throw new CheckFailure("no ack of chat " + sent.id() + " (it was refused)", WireText.of(ack));
      }
      if (next instanceof Pong pong && id.equals(pong.id())) {
        return;
      }
    }
  }
}
