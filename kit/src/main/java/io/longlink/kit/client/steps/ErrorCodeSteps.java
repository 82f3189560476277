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
import io.longlink.model.ErrorMessage;
import java.util.Optional;

/** LL-ERRC-1: an error code the client does not know settles the chat it names. */
public final class ErrorCodeSteps {

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private String code;
  private String chatId;

  public ErrorCodeSteps(ClientWorld world, ConnectionSteps connection) {
    this.world = world;
    this.connection = connection;
  }

  @Given("the harness answers every chat with an error of code {string}")
  public void refusesWith(String code) {
    this.code = code;
    world.plan(n -> Script.answering(world.params()).chats((c, chat) ->
        new ErrorMessage(code, "the harness refuses this chat with a code no version of Longlink defines", chat.id(),
            null, null)));
  }

  @When("the application sends a chat the harness refuses")
  public void sendsRefusedChat() {
    ObjectNode send = DriverProcess.newCommand("send").put("body", "refused with an unknown code");
    send.putObject("to").put("kind", "user").put("id", "bob");
    chatId = world.carryOut(send).path("id").asText();
  }

  @Then("the driver reports that chat failed with code {string} within τ of the error")
  public void reportsFailed(String expectedCode) {
    HarnessEvent error = world.recorder().next("the harness's error for chat " + chatId, e -> e.kind()
        == HarnessEvent.Kind.FRAME_OUT && e.connection() == 0 && e.text().startsWith("{\"type\":\"error\""),
        ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    long left = Math.max(0, world.tau() - (System.nanoTime() - error.nanos()) / 1_000_000);
    boolean failed = world.driver().within("failed", e -> e.path("id").asText().equals(chatId)
        && e.path("code").asText().equals(expectedCode), ClientWorld.ms(left)).isPresent();
    if (!failed) {
      throw new CheckFailure("a failed for chat " + chatId + " with code " + expectedCode + " within " + world.tau()
          + " ms of the error: an unknown code settles the chat (LL-ERRC-1)", "the driver reported "
          + world.driver().events().stream().filter(e -> e.path("id").asText().equals(chatId)).toList());
    }
  }

  @Then("the chat is not sent again within the initial reconnect delay plus τ")
  public void notResentOnThisSession() {
    // A client that takes an unknown code for a retry-later one waits initial_delay_ms, as LL-CHAT-8 says.
    notResent(0, world.params().initialDelayMs() + world.tau());
  }

  @Then("after the harness closes with {int} the chat is not sent on the next session within {int} ms of its auth_ok")
  public void notResentOnNextSession(int closeCode, int ms) {
    world.harness().connection(0).close(closeCode, "closed by the harness");
    connection.sessionOpens(1);
    notResent(1, ms);
  }

  private void notResent(int n, long windowMs) {
    Optional<HarnessEvent> again = world.recorder().within(e -> e.connection() == n && e.isIn("chat")
        && ((Chat) e.message()).id().equals(chatId), ClientWorld.ms(windowMs));
    if (again.isPresent()) {
      throw new CheckFailure("chat " + chatId + ", settled by the unknown code " + code + ", not sent again (LL-ERRC-1)",
          "it was sent again on connection #" + n + ": " + again.get().describe(world.recorder().startNanos()));
    }
  }
}
