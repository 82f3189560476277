package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.kit.client.harness.Script;
import io.longlink.kit.client.harness.SessionParams;
import java.util.List;
import java.util.Optional;

/**
 * LL-HB-7: every frame restarts the client's silence timer, not only pongs. The harness answers
 * no ping but keeps the link busy with deliveries; a client that counts only pongs declares the
 * link dead one timeout after auth_ok, well inside the watch.
 */
public final class SignOfLifeSteps {

  private static final String ID_PREFIX = "m-alive-";

  private final ClientWorld world;
  private int deliveries;

  public SignOfLifeSteps(ClientWorld world) {
    this.world = world;
  }

  @Given("the harness answers no ping, nor anything else the client sends but auth")
  public void answersNoPing() {
    world.plan(n -> Script.answering(world.params()).silentAfterPongs(0));
  }

  @Then("while the harness sends a delivery every third of the timeout for {int} timeouts, the client neither closes nor reports a reconnect")
  public void deliveriesKeepItAlive(int timeouts) {
    SessionParams p = world.params();
    long gap = p.timeoutMs() / 3;
    // The session-opens step has waited for it already.
    HarnessEvent authOk = world.recorder().all().stream().filter(Wire.authOkSent(0)).findFirst()
        .orElseThrow(() -> new IllegalStateException("this step follows the client's session opening"));
    long startNanos = authOk.nanos();
    int count = (int) (timeouts * p.timeoutMs() / gap);
    for (int k = 1; k <= count; k++) {
      // Each wait is the check itself: no close may come before the next delivery is due.
      long dueNanos = startNanos + k * gap * 1_000_000;
      long waitMs = Math.max(0, (dueNanos - System.nanoTime()) / 1_000_000);
      Optional<HarnessEvent> end = world.recorder().within(Wire.clientEnd(0), ClientWorld.ms(waitMs));
      if (end.isPresent()) {
        throw closed(end.get(), authOk, gap);
      }
      DeliverySupport.deliver(world, 0, ID_PREFIX + k, k, false);
      deliveries = k;
    }
    Optional<HarnessEvent> end = world.recorder().within(Wire.clientEnd(0), ClientWorld.ms(gap));
    if (end.isPresent()) {
      throw closed(end.get(), authOk, gap);
    }
    List<JsonNode> states = world.driver().events().stream().filter(e -> e.path("type").asText().equals("state")
        && !e.path("state").asText().equals("open") && !e.path("state").asText().equals("connecting")).toList();
    if (!states.isEmpty()) {
      throw new CheckFailure("the session kept open while a delivery came every " + gap + " ms and no pong (LL-HB-7)",
          "the driver reported " + states);
    }
  }

  private CheckFailure closed(HarnessEvent end, HarnessEvent authOk, long gap) {
    HarnessEvent lastFrame = world.recorder().all().stream().filter(e -> e.kind() == Kind.FRAME_OUT
        && e.connection() == 0 && e.nanos() < end.nanos()).reduce((a, b) -> b).orElse(authOk);
    return new CheckFailure("the session kept open while the harness sent a frame every " + gap + " ms, though it "
        + "answered no ping: every frame is a sign of life (LL-HB-7)", "the client ended the connection "
        + ClientWorld.between(authOk, end) + " ms after auth_ok, " + ClientWorld.between(lastFrame, end)
        + " ms after the harness's last frame (" + deliveries + " deliveries sent, no pong): "
        + end.describe(world.recorder().startNanos()));
  }

  @Then("the driver reports every one of those deliveries")
  public void allDelivered() {
    long deadline = System.nanoTime() + ClientWorld.ms(1000 + world.tau()).toNanos();
    for (int k = 1; k <= deliveries; k++) {
      String id = ID_PREFIX + k;
      long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      if (world.driver().within("delivered", e -> e.path("id").asText().equals(id), ClientWorld.ms(left)).isEmpty()) {
        throw new CheckFailure("a delivered for each of the " + deliveries + " deliveries that kept the link alive "
            + "(LL-HB-7: they reached the client)", "none for " + id);
      }
    }
  }
}
