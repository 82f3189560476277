package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessEvent;

/**
 * Platform events during a backoff wait (LL-RC-10): the client may bring its next attempt
 * forward once per "network back" or "app shown", never before a goaway's hint, and the early
 * attempt counts in n.
 */
public final class LifecycleSteps {

  /** How long the platform stays offline or hidden: long enough to see an attempt the client should not make. */
  private static final long AWAY_MS = 200;

  private final ClientWorld world;
  private final ReconnectSteps reconnect;
  private long backNanos;
  private String back;

  public LifecycleSteps(ClientWorld world, ReconnectSteps reconnect) {
    this.world = world;
    this.reconnect = reconnect;
  }

  @When("while the client waits, the platform reports {string} then {string}")
  public void awayAndBack(String away, String back) {
    world.require(away.split(" ")[0]);
    // "While the client waits": once it has answered the close, it has seen the goaway before it.
    // An event sent sooner may find the link still open, and a client may then declare it dead
    // (LL-RC-10) before the goaway arrives, and rightly know of no hint.
    world.recorder().within(Wire.clientEnd(0), ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    world.carryOut(event(away));
    // Not a pause: an attempt in this window is one the client made without an event allowing it, judged below.
    world.recorder().within(Wire.attempt(1), ClientWorld.ms(AWAY_MS));
    this.back = back;
    backNanos = System.nanoTime();
    world.carryOut(event(back));
  }

  @Then("attempt 0 comes at once after that event or when its wait is over, never before the event nor the hint")
  public void earlyOnlyAfterTheEvent() {
    long hint = reconnect.retryAfterMs();
    long low = AttemptBounds.low(world, 0, hint);
    long high = AttemptBounds.high(world, 0, hint);
    HarnessEvent attempt = world.recorder().next("reconnect attempt 0 (LL-RC-10)", Wire.attempt(1), ClientWorld.ms(high + 1000));
    long waited = ClientWorld.between(reconnect.sessionEnd(), attempt);
    long afterEvent = (attempt.nanos() - backNanos) / 1_000_000;
    boolean atOnce = afterEvent >= 0 && afterEvent <= world.tau() && waited >= hint - HeartbeatSteps.EARLY_MS;
    if (!atOnce && (waited < low || waited > high)) {
      throw new CheckFailure("reconnect attempt 0 within " + world.tau() + " ms after the platform reported " + back
          + (hint > 0 ? " but no sooner than retry_after_ms " + hint + " after the goaway" : "")
          + ", or within [" + low + ", " + high + "] ms of the end of the session; never before the event (LL-RC-10)",
          "it came " + waited + " ms after the end of the session, " + Math.abs(afterEvent) + " ms "
          + (afterEvent < 0 ? "before" : "after") + " the event", new CheckFailure.Timing(waited, "[" + low + ", " + high
          + "] ms, or at once after the event"));
    }
  }

  @Then("reconnect attempt 1 still waits as attempt 1")
  public void earlyAttemptCounted() {
    HarnessEvent end = world.recorder().next("the harness closing attempt 0", Wire.harnessEnd(1),
        ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    AttemptBounds.judge(world, "reconnect attempt 1 (LL-RC-10: one early attempt per event, and it counts in n)", 2, 1,
        end, 0);
  }

  /** "network offline", "network online", "app background", "app foreground": the driver command. */
  private static ObjectNode event(String what) {
    String[] words = what.split(" ");
    ObjectNode command = DriverProcess.newCommand(words[0]);
    return words[0].equals("network") ? command.put("online", words[1].equals("online")) : command.put("state", words[1]);
  }
}
