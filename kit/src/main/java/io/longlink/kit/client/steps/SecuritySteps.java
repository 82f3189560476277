package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;

/** LL-SEC-1: no clear-text WebSocket outside loopback. */
public final class SecuritySteps {

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private JsonNode result;

  public SecuritySteps(ClientWorld world, ConnectionSteps connection) {
    this.world = world;
    this.connection = connection;
  }

  @When("the application connects with ws: to a host that is not loopback")
  public void insecure() {
    result = connection.connect("ws://longlink.invalid:" + world.harness().port() + "/ws");
  }

  @Then("the driver reports the error insecure_url and no connecting state")
  public void refused() {
    boolean refusedAtOnce = result.path("type").asText().equals("error")
        && result.path("code").asText().equals("insecure_url");
    if (!refusedAtOnce) {
      world.driver().next("error", e -> e.path("code").asText().equals("insecure_url"), ClientWorld.ms(1000));
    }
    world.driver().within("state", e -> e.path("state").asText().equals("connecting"), ClientWorld.ms(world.tau()))
        .ifPresent(e -> {
          throw new CheckFailure("no connection attempt to a ws:// URL that is not loopback (LL-SEC-1)",
              "the driver reported " + e);
        });
  }

  @Then("a connect to the loopback address 127.0.0.1 connects")
  public void loopbackConnects() {
    connection.connect(world.harness().url().toString());
    world.recorder().next("a connection to ws://127.0.0.1 (LL-SEC-1)", Wire.anyAttempt(),
        ClientWorld.ms(ConnectionSteps.CONNECT_MS));
  }
}
