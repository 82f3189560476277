package io.longlink.kit.client.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.kit.client.harness.Script;
import io.longlink.kit.client.harness.SessionParams;
import java.util.ArrayList;
import java.util.List;

/** The client's heartbeat and dead-peer detection, judged on the wire (LL-HB-1, LL-HB-5, LL-HB-6, LL-HB-8, LL-TR-6). */
public final class HeartbeatSteps {

  /** DRIVER.md §9: lower bounds get 50 ms, the harness seeing every client act after the client took it. */
  static final long EARLY_MS = 50;

  private final ClientWorld world;
  private HarnessEvent lastHarnessFrame;
  private HarnessEvent clientEnd;

  public HeartbeatSteps(ClientWorld world) {
    this.world = world;
  }

  @Given("the harness goes silent after its first pong, still answering WebSocket pings")
  public void silentAfterOnePong() {
    world.plan(n -> n == 0 ? Script.answering(world.params()).silentAfterPongs(1).answerControlPings(true)
        : Script.answering(world.params()));
  }

  @Then("over {int} intervals every client frame follows auth_ok or the previous client frame by at most the interval")
  public void pingsWhenQuiet(int intervals) {
    SessionParams p = world.params();
    HarnessEvent authOk = world.recorder().next("auth_ok sent", Wire.authOkSent(0), ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    world.recorder().within(e -> false, ClientWorld.ms(intervals * p.intervalMs() + world.tau()));
    List<HarnessEvent> frames = new ArrayList<>();
    frames.add(authOk);
    world.recorder().all().stream().filter(e -> e.kind() == Kind.FRAME_IN && e.connection() == 0 && e.nanos() > authOk.nanos())
        .forEach(frames::add);
    long bound = p.intervalMs() + world.tau();
    for (int i = 1; i < frames.size(); i++) {
      long gap = ClientWorld.between(frames.get(i - 1), frames.get(i));
      if (gap > bound) {
        throw new CheckFailure("a client frame at most interval_ms + τ after the previous one (LL-HB-1)",
            "a gap of " + gap + " ms", new CheckFailure.Timing(gap, "<= " + bound + " ms"));
      }
    }
    long sinceLast = (System.nanoTime() - frames.get(frames.size() - 1).nanos()) / 1_000_000;
    if (sinceLast > bound || frames.size() < intervals) {
      throw new CheckFailure("a ping at least every " + bound + " ms over " + intervals + " intervals (LL-HB-1)",
          (frames.size() - 1) + " client frames, the last " + sinceLast + " ms ago");
    }
  }

  @Then("no two pings arrive less than half an interval apart")
  public void notTooOften() {
    long floor = world.params().intervalMs() / 2 - EARLY_MS;
    HarnessEvent previous = null;
    for (HarnessEvent e : world.recorder().all()) {
      if (e.connection() == 0 && e.isIn("ping")) {
        if (previous != null && ClientWorld.between(previous, e) < floor) {
          long gap = ClientWorld.between(previous, e);
          throw new CheckFailure("pings at least interval_ms / 2 apart (LL-HB-1)", "two pings " + gap + " ms apart",
              new CheckFailure.Timing(gap, ">= " + floor + " ms"));
        }
        previous = e;
      }
    }
  }

  @Then("the client closes the silent connection within the timeout of the harness's last frame")
  public void closesSilentLink() {
    long timeout = world.params().timeoutMs();
    world.recorder().next("the first pong", e -> e.kind() == Kind.FRAME_OUT && e.connection() == 0
        && e.text().startsWith("{\"type\":\"pong\""), ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    lastHarnessFrame = world.recorder().all().stream().filter(e -> e.kind() == Kind.FRAME_OUT && e.connection() == 0)
        .reduce((a, b) -> b).orElseThrow();
    clientEnd = world.recorder().next("the client to close the silent connection (LL-HB-5)", Wire.clientEnd(0),
        ClientWorld.ms(timeout + world.tau() + 2000));
    long waited = ClientWorld.between(lastHarnessFrame, clientEnd);
    Timing.within("the client to declare the link dead and close it (LL-HB-5)", waited, timeout - EARLY_MS,
        timeout + world.tau());
  }

  @Then("its close frame carries 4000")
  public void closesWith4000() {
    if (clientEnd.kind() != Kind.CLOSE_IN || clientEnd.code() == null || clientEnd.code() != 4000) {
      throw new CheckFailure("a close frame with code 4000 (LL-HB-6)", clientEnd.kind() == Kind.CLOSE_IN
          ? "close code " + clientEnd.code() : "the end of the TCP stream without a close frame");
    }
  }

  @Then("it makes a new attempt within the bounds of attempt 0")
  public void reconnectsAfterDeclaringDead() {
    HarnessEvent attempt = world.recorder().next("a new attempt after the dead link (LL-HB-5)", Wire.attempt(1),
        ClientWorld.ms(world.params().hi(0) + world.tau() + 2000));
    Timing.within("reconnect attempt 0 after the dead link (LL-HB-5, LL-RC-2)", ClientWorld.between(clientEnd, attempt),
        world.params().lo(0) - EARLY_MS, world.params().hi(0) + world.tau());
  }
}
