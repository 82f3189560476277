package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.Script;
import java.util.List;

/** Connecting the client under test, and what every connection of it is held to. */
public final class ConnectionSteps {

  /** How long a first connection may take to open and authenticate: a driver's library may load lazily. */
  static final long CONNECT_MS = 5000;

  private final ClientWorld world;

  public ConnectionSteps(ClientWorld world) {
    this.world = world;
  }

  @Given("the harness advertises a heartbeat of {int} ms and a timeout of {int} ms")
  public void heartbeat(int interval, int timeout) {
    world.params(world.params().withHeartbeat(interval, timeout));
  }

  @Given("the harness advertises reconnect delays from {int} ms, multiplier {double}, at most {int} ms, jitter {double}")
  public void reconnect(int initial, double multiplier, int max, double jitter) {
    world.params(world.params().withReconnect(initial, multiplier, max, jitter));
  }

  @Given("the harness holds auth_ok for {int} ms")
  public void holdAuthOk(int ms) {
    world.plan(n -> Script.answering(world.params()).delayAuthOk(ms));
  }

  @When("the client connects")
  public void connects() {
    connect(world.harness().url().toString());
  }

  /** The application's connect: the command with the harness's URL and the kit's token. */
  JsonNode connect(String url) {
    ObjectNode connect = DriverProcess.newCommand("connect").put("url", url).put("token", world.token());
    return world.driver().command(connect);
  }

  @Then("the client's session opens")
  public void sessionOpens() {
    sessionOpens(0);
  }

  /**
   * Waits for connection {@code n} to send auth and get auth_ok, and for the driver to report the
   * session open: what a scenario does next (ending the session, say) must not overtake the
   * auth_ok whose parameters the client is to use.
   */
  void sessionOpens(int n) {
    world.recorder().next("auth on connection #" + n, Wire.in(n, "auth"), ClientWorld.ms(CONNECT_MS));
    world.recorder().next("auth_ok sent on connection #" + n, Wire.authOkSent(n), ClientWorld.ms(CONNECT_MS));
    world.driver().next("state", e -> e.path("state").asText().equals("open"), ClientWorld.ms(1000 + world.tau()));
  }

  @When("the application sends a chat and joins a room")
  public void sendsAndJoins() {
    ObjectNode chat = DriverProcess.newCommand("send").put("body", "hello bob");
    chat.putObject("to").put("kind", "user").put("id", "bob");
    world.carryOut(chat);
    world.carryOut(DriverProcess.newCommand("join").put("room", "lobby"));
  }

  @When("the application also leaves the room and gets a delivery")
  public void leavesAndGetsADelivery() {
    world.carryOut(DriverProcess.newCommand("leave").put("room", "lobby"));
    DeliverySupport.deliver(world, 0, "m-welcome", 7, false);
  }

  @Then("nothing but auth arrived before auth_ok")
  public void authFirst() {
    world.recorder().next("the chat after auth_ok", Wire.in(0, "chat"), ClientWorld.ms(CONNECT_MS));
    failOn("LL-AUTH-1");
  }

  @Then("every upgrade offered longlink.v1 and no request URL carried the token")
  public void upgradesWereClean() {
    failOn("LL-TR-1");
    failOn("LL-SEC-2");
  }

  @Then("every frame the client sent within {int} ms was a valid client message")
  public void framesWereValid(int ms) {
    world.recorder().within(e -> false, ClientWorld.ms(ms));
    List<String> types = world.recorder().all().stream().filter(e -> e.kind() == HarnessEvent.Kind.FRAME_IN)
        .map(e -> e.decoded().map(m -> m.type()).orElse("?")).distinct().toList();
    for (String type : List.of("auth", "chat", "join", "leave", "ack", "ping")) {
      if (!types.contains(type)) {
        throw new CheckFailure("the client to send a valid " + type + " in this scenario", "valid frames of types " + types
            + world.recorder().problems());
      }
    }
    failOn("LL-TR-5");
    failOn("LL-MSG-4");
  }

  private void failOn(String ruleId) {
    List<String> problems = world.recorder().problems().stream().filter(p -> p.startsWith(ruleId + ":")).toList();
    if (!problems.isEmpty()) {
      throw new CheckFailure("no breach of " + ruleId, String.join("; ", problems));
    }
  }
}
