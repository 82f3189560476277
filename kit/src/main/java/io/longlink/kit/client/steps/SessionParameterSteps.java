package io.longlink.kit.client.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.kit.client.harness.Script;
import io.longlink.kit.client.harness.SessionParams;
import java.util.ArrayList;
import java.util.List;

/**
 * LL-PAR-2: the parameters of the latest auth_ok are the ones in force. Two sessions advertise
 * heartbeats far apart; the second session's pings are judged by LL-HB-1's bounds for its own
 * interval, which a client still on the first session's interval breaks.
 */
public final class SessionParameterSteps {

  private final ClientWorld world;
  private SessionParams later;

  public SessionParameterSteps(ClientWorld world) {
    this.world = world;
  }

  @Given("the first session advertises a heartbeat of {int} ms and a timeout of {int} ms, later ones {int} ms and {int} ms")
  public void twoHeartbeats(int firstInterval, int firstTimeout, int laterInterval, int laterTimeout) {
    SessionParams first = world.params().withHeartbeat(firstInterval, firstTimeout);
    later = world.params().withHeartbeat(laterInterval, laterTimeout);
    if (2 * first.intervalMs() > later.intervalMs() / 2 - HeartbeatSteps.EARLY_MS) {
      // The scenario proves nothing unless the first interval breaks the second's lower bound twice over.
      throw new IllegalArgumentException("the first interval " + firstInterval + " ms is too close to the later "
          + laterInterval + " ms: a client on the first would keep the later one's bounds");
    }
    world.params(first);
    world.plan(n -> Script.answering(n == 0 ? first : later));
  }

  @When("the harness closes the first session with 1011 after the client's first ping")
  public void closeAfterFirstPing() {
    SessionParams first = world.params();
    world.recorder().next("the client's first ping of the first session", Wire.in(0, "ping"),
        ClientWorld.ms(first.intervalMs() + world.tau() + 1000));
    world.harness().connection(0).close(1011, "closed by the harness: the next session advertises another heartbeat");
  }

  @Then("over {int} intervals of the second session its pings keep LL-HB-1's bounds for that session's interval")
  public void secondSessionCadence(int intervals) {
    long interval = later.intervalMs();
    long firstInterval = world.params().intervalMs();
    HarnessEvent authOk = world.recorder().next("auth_ok sent on the second session", Wire.authOkSent(1),
        ClientWorld.ms(world.params().hi(0) + world.tau() + ConnectionSteps.CONNECT_MS));
    world.recorder().within(e -> false, ClientWorld.ms(intervals * interval + world.tau()));
    List<HarnessEvent> frames = new ArrayList<>();
    frames.add(authOk);
    world.recorder().all().stream().filter(e -> e.kind() == Kind.FRAME_IN && e.connection() == 1
        && e.nanos() > authOk.nanos()).forEach(frames::add);
    String context = " on the second session, whose auth_ok advertised interval_ms " + interval
        + " (the first advertised " + firstInterval + ") (LL-PAR-2, judged by LL-HB-1)";
    long high = interval + world.tau();
    for (int i = 1; i < frames.size(); i++) {
      long gap = ClientWorld.between(frames.get(i - 1), frames.get(i));
      if (gap > high) {
        throw new CheckFailure("every client frame at most " + high + " ms after auth_ok or the previous frame"
            + context, "a gap of " + gap + " ms", new CheckFailure.Timing(gap, "<= " + high + " ms"));
      }
    }
    long quiet = (System.nanoTime() - frames.get(frames.size() - 1).nanos()) / 1_000_000;
    if (quiet > high) {
      throw new CheckFailure("a ping at most " + high + " ms after the last frame" + context,
          (frames.size() - 1) + " client frames, the last " + quiet + " ms before the end of the window");
    }
    long low = interval / 2 - HeartbeatSteps.EARLY_MS;
    HarnessEvent previous = null;
    for (HarnessEvent e : frames) {
      if (e.isIn("ping")) {
        if (previous != null && ClientWorld.between(previous, e) < low) {
          long gap = ClientWorld.between(previous, e);
          throw new CheckFailure("pings at least " + low + " ms apart (interval_ms / 2 - 50 ms)" + context,
              "two pings " + gap + " ms apart", new CheckFailure.Timing(gap, ">= " + low + " ms"));
        }
        previous = e;
      }
    }
  }
}
