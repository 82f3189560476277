package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.kit.client.harness.Script;
import io.longlink.model.Chat;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A chat whose dedup window ran out unacknowledged: never sent again, reported not confirmed at
 * the latest at the next auth_ok (LL-DD-7). The harness keeps the client offline past the window
 * by closing its attempts before auth_ok, or the client restarts with the chat stored long ago.
 */
public final class NotConfirmedSteps {

  private static final String RESTORED_ID = "dd7-restored-1";

  private final ClientWorld world;
  /** When the chat arrived at the harness, in nanos; attempts are refused until its window and τ have passed. */
  private volatile long chatArrived = Long.MAX_VALUE;
  private String chatId;
  /** The first connection on which a resend would break the rule. */
  private int laterFrom;

  public NotConfirmedSteps(ClientWorld world) {
    this.world = world;
  }

  @Given("the harness advertises a dedup window of {int} ms")
  public void window(int ms) {
    world.params(world.params().withDelivery(world.params().ackTimeoutMs(), ms));
  }

  @Given("the harness acks no chat, and closes attempts with 1011 before auth_ok until the window and τ have passed "
      + "since the chat arrived")
  public void keepsTheClientOfflinePastTheWindow() {
    world.plan(n -> {
      Script script = Script.answering(world.params()).chats(Script.ChatAnswer.WITHHOLD);
      long windowEnd = chatArrived == Long.MAX_VALUE ? Long.MAX_VALUE
          : chatArrived + (world.params().dedupWindowMs() + world.tau()) * 1_000_000;
      return n > 0 && System.nanoTime() - windowEnd < 0 ? script.closeOnAuth(1011) : script;
    });
  }

  @When("the application sends a chat, which the harness reads before it drops the connection")
  public void sendsAndIsDropped() {
    ObjectNode send = DriverProcess.newCommand("send").put("body", "will this be confirmed?");
    send.putObject("to").put("kind", "user").put("id", "bob");
    world.carryOut(send);
    HarnessEvent chat = world.recorder().next("the chat on the first connection", Wire.in(0, "chat"),
        ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    chatId = ((Chat) chat.message()).id();
    chatArrived = chat.nanos();
    laterFrom = 1;
    world.harness().connection(0).drop();
  }

  @When("the client restarts with a chat in its outbox first sent two dedup windows ago")
  public void restartsWithAnOldChat() {
    world.require("stored_state");
    ObjectNode connect = DriverProcess.newCommand("connect").put("url", world.harness().url().toString())
        .put("token", world.token());
    ObjectNode chat = connect.putObject("state").putArray("outbox").addObject().put("id", RESTORED_ID);
    chat.putObject("to").put("kind", "user").put("id", "bob");
    chat.put("body", "stored before the restart").put("first_sent_ms",
        System.currentTimeMillis() - 2 * world.params().dedupWindowMs());
    world.carryOut(connect);
    chatId = RESTORED_ID;
    laterFrom = 0;
  }

  @Then("the client reports the chat not confirmed by τ after the next auth_ok, and does not send it again")
  public void notConfirmed() {
    long tau = world.tau();
    long offline = world.params().dedupWindowMs() + tau + world.params().maxDelayMs() + ConnectionSteps.CONNECT_MS;
    HarnessEvent authOk = world.recorder().next("auth_ok sent on a connection from #" + laterFrom + " on",
        e -> e.kind() == Kind.FRAME_OUT && e.connection() >= laterFrom && e.text().startsWith("{\"type\":\"auth_ok\""),
        ClientWorld.ms(offline));
    Predicate<HarnessEvent> resent = e -> e.connection() >= laterFrom && e.isIn("chat")
        && ((Chat) e.message()).id().equals(chatId);
    Optional<HarnessEvent> again = world.recorder().all().stream().filter(resent).findFirst()
        .or(() -> world.recorder().within(resent, ClientWorld.ms(Math.max(1, tau - sinceMs(authOk)))));
    again.ifPresent(e -> {
      throw new CheckFailure("chat " + chatId + " never sent again once dedup_window_ms ("
          + world.params().dedupWindowMs() + " ms) had passed since it was first sent (LL-DD-7)",
          "it arrived again on connection #" + e.connection() + " " + ClientWorld.between(authOk, e) + " ms after auth_ok");
    });
    try {
      world.driver().next("failed", e -> e.path("id").asText().equals(chatId)
          && e.path("code").asText().equals("not_confirmed"), ClientWorld.ms(Math.max(1, tau - sinceMs(authOk))));
    } catch (CheckFailure e) {
      throw new CheckFailure("failed with id " + chatId + " and code not_confirmed by τ after the next auth_ok (LL-DD-7)",
          e.actual());
    }
  }

  private static long sinceMs(HarnessEvent event) {
    return (System.nanoTime() - event.nanos()) / 1_000_000;
  }
}
