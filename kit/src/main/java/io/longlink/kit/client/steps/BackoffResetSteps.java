package io.longlink.kit.client.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.Script;

/**
 * The attempt counter n of LL-RC-2: it counts attempts whose socket opened, and goes back to 0
 * on auth_ok only (LL-RC-4).
 */
public final class BackoffResetSteps {

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private final ReconnectSteps reconnect;

  public BackoffResetSteps(ClientWorld world, ConnectionSteps connection, ReconnectSteps reconnect) {
    this.world = world;
    this.connection = connection;
    this.reconnect = reconnect;
  }

  @Given("the first {int} attempts after the first session are closed with 1011 after auth, before auth_ok")
  public void firstAttemptsRefused(int refused) {
    world.plan(n -> n >= 1 && n <= refused ? Script.answering(world.params()).closeOnAuth(1011)
        : Script.answering(world.params()));
  }

  @Then("reconnect attempts 0 to {int} wait longer and longer, though each attempt's socket opened")
  public void waitsGrow(int last) {
    HarnessEvent end = reconnect.sessionEnd();
    for (int n = 0; n <= last; n++) {
      AttemptBounds.judge(world, "reconnect attempt " + n + " (LL-RC-4: attempts whose socket opened count in n, "
          + "only auth_ok resets it)", n + 1, n, end, 0);
      if (n < last) {
        end = world.recorder().next("the harness closing attempt " + n + " after its auth", Wire.harnessEnd(n + 1),
            ClientWorld.ms(ConnectionSteps.CONNECT_MS));
      }
    }
  }

  @Then("once that attempt's session opens and ends with 1011, the next attempt waits as attempt 0")
  public void resetAfterSession() {
    int session = world.harness().connections().size() - 1;
    connection.sessionOpens(session);
    world.harness().connection(session).close(1011, "closed by the harness");
    HarnessEvent end = world.recorder().next("the harness's end of the session", Wire.harnessEnd(session), ClientWorld.ms(1000));
    AttemptBounds.judge(world, "the first attempt after the session on connection #" + session
        + " (LL-RC-4: n back to 0 after auth_ok)", session + 1, 0, end, 0);
  }
}
