package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.Script;
import io.longlink.model.Chat;
import io.longlink.model.Join;
import io.longlink.model.Leave;
import java.util.ArrayList;
import java.util.List;

/** Joins and leaves queued with the chats while there is no session, and sent again until answered (LL-RC-9). */
public final class RoomQueueSteps {

  private static final String ROOM = "lobby";

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private final List<String> asked = new ArrayList<>();

  public RoomQueueSteps(ClientWorld world, ConnectionSteps connection) {
    this.world = world;
    this.connection = connection;
  }

  @Given("the harness closes the first attempt with 1011 before auth_ok, answers nothing on the next session, "
      + "and answers on the one after")
  public void refuseThenIgnoreThenAnswer() {
    world.plan(n -> switch (n) {
      case 1 -> Script.answering(world.params()).closeOnAuth(1011);
      case 2 -> Script.answering(world.params()).chats(Script.ChatAnswer.WITHHOLD).withholdRoomAnswers();
      default -> Script.answering(world.params());
    });
  }

  @When("once that attempt failed, the application joins the room, sends a chat to it and leaves it")
  public void asksWhileOffline() {
    world.recorder().next("the harness closing reconnect attempt 0", Wire.harnessEnd(1),
        ClientWorld.ms(world.params().hi(0) + world.tau() + ConnectionSteps.CONNECT_MS));
    asked.add("join " + id(world.carryOut(DriverProcess.newCommand("join").put("room", ROOM)).path("id").asText(null)));
    ObjectNode chat = DriverProcess.newCommand("send").put("body", "hello lobby");
    chat.putObject("to").put("kind", "room").put("id", ROOM);
    asked.add("chat " + id(world.carryOut(chat).path("id").asText(null)));
    asked.add("leave " + id(world.carryOut(DriverProcess.newCommand("leave").put("room", ROOM)).path("id").asText(null)));
  }

  @Then("on connection {int}, unanswered and dropped, and again on connection {int}, they arrive in that order with their ids")
  public void sentOnBothSessions(int unanswered, int answered) {
    arriveInOrder(unanswered);
    world.harness().connection(unanswered).drop();
    arriveInOrder(answered);
  }

  private void arriveInOrder(int n) {
    connection.sessionOpens(n);
    List<String> seen = new ArrayList<>();
    while (seen.size() < asked.size()) {
      HarnessEvent e = world.recorder().next("message " + (seen.size() + 1) + " of " + asked + " on connection #" + n
          + " (LL-RC-9)", x -> x.connection() == n && (x.isIn("join") || x.isIn("chat") || x.isIn("leave")),
          ClientWorld.ms(3000 + world.tau()));
      seen.add(describe(e));
    }
    if (!seen.equals(asked)) {
      throw new CheckFailure("the queued join, chat and leave sent on connection #" + n + " in the application's order "
          + "with the ids done reported: " + asked + " (LL-RC-9)", String.join(", ", seen));
    }
  }

  private static String describe(HarnessEvent e) {
    if (e.message() instanceof Join j) {
      return "join " + j.id();
    }
    if (e.message() instanceof Leave l) {
      return "leave " + l.id();
    }
    return "chat " + ((Chat) e.message()).id();
  }

  private static String id(String id) {
    if (id == null) {
      throw new CheckFailure("done with the id of the join, chat or leave (DRIVER.md §4)", "done without id");
    }
    return id;
  }
}
