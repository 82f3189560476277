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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Chats that outlive their connection: resent with their ids, in the application's order (LL-CHAT-7, LL-RC-8). */
public final class OutboxSteps {

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private final List<String> sent = new ArrayList<>();
  private int ackedOnFirstSession;

  public OutboxSteps(ClientWorld world, ConnectionSteps connection) {
    this.world = world;
    this.connection = connection;
  }

  @Given("the harness acks the first {int} chat(s) of the first session and no other, then closes attempts with 1011 "
      + "until connection {int}")
  public void acksSomeThenRefuses(int acked, int answering) {
    ackedOnFirstSession = acked;
    AtomicInteger chats = new AtomicInteger();
    world.plan(n -> {
      if (n == 0) {
        return Script.answering(world.params()).chats((c, chat) ->
            chats.getAndIncrement() < acked ? Script.ChatAnswer.ACK.answer(c, chat) : null);
      }
      return n < answering ? Script.answering(world.params()).closeOnAuth(1011) : Script.answering(world.params());
    });
  }

  @When("the application sends chat {string}")
  public void sends(String body) {
    ObjectNode send = DriverProcess.newCommand("send").put("body", body);
    send.putObject("to").put("kind", "user").put("id", "bob");
    String id = world.carryOut(send).path("id").asText(null);
    if (id == null) {
      throw new CheckFailure("done with the id of the chat (DRIVER.md §4)", "done without id");
    }
    sent.add(id);
  }

  @When("the harness reads chat {int} and drops the connection")
  public void readsAndDrops(int number) {
    // By count, not id: which id it carries is judged after the reconnect.
    for (int i = 1; i <= number; i++) {
      world.recorder().next("chat " + i + " on the first connection", Wire.in(0, "chat"),
          ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    }
    // A drop can discard what the client's socket had not read yet: an ack still in flight is
    // lost, and resending its chat is then right. Only an ack the application was told of counts.
    for (String id : sent.subList(0, Math.min(ackedOnFirstSession, sent.size()))) {
      world.driver().next("acked", e -> id.equals(e.path("id").asText()), ClientWorld.ms(1000 + world.tau()));
    }
    world.harness().connection(0).drop();
  }

  @Then("after auth_ok on connection {int} the chats arrive as {string} with their ids")
  public void flushed(int n, String order) {
    connection.sessionOpens(n);
    List<String> expected = new ArrayList<>();
    for (String number : order.split(", ")) {
      expected.add(sent.get(Integer.parseInt(number) - 1));
    }
    List<String> seen = new ArrayList<>();
    while (seen.size() < expected.size()) {
      HarnessEvent chat = world.recorder().next("chat " + (seen.size() + 1) + " of " + expected + " on connection #" + n
          + " (LL-RC-8, LL-CHAT-7)", Wire.in(n, "chat"), ClientWorld.ms(3000 + world.tau()));
      seen.add(((Chat) chat.message()).id());
    }
    if (!seen.equals(expected)) {
      throw new CheckFailure("the unsettled chats resent with their original ids in the application's order " + expected
          + " (LL-RC-8, LL-CHAT-7)", "chats " + seen);
    }
  }

  @Then("no further chat arrives on connection {int} within {int} ms")
  public void noMore(int n, int ms) {
    world.recorder().within(Wire.in(n, "chat"), ClientWorld.ms(ms)).ifPresent(e -> {
      throw new CheckFailure("no chat sent again once acknowledged (LL-CHAT-7)", "chat " + ((Chat) e.message()).id());
    });
  }
}
