package io.longlink.kit.client.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessConnection;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.Script;
import io.longlink.kit.client.harness.SessionParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reconnect and backoff, measured from the end of a connection to the next attempt, its first bytes (PROTOCOL.md §13). */
public final class ReconnectSteps {

  /** PROTOCOL.md §13 "Judging the backoff": eight draws within one tenth of their intervals fail. */
  static final double MIN_SPREAD = 0.1;

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private final List<Long> waits = new ArrayList<>();
  private HarnessEvent lastEnd;
  private long retryAfterMs;

  public ReconnectSteps(ClientWorld world, ConnectionSteps connection) {
    this.world = world;
    this.connection = connection;
  }

  @Given("every attempt after the first session is closed with {int} before auth_ok")
  public void attemptsRefused(int code) {
    world.plan(n -> n == 0 ? Script.answering(world.params()) : Script.answering(world.params()).closeOnAuth(code));
  }

  @Given("the attempt after the first session gets no answer to {word}")
  public void attemptUnanswered(String what) {
    world.plan(n -> switch (n) {
      case 0 -> Script.answering(world.params());
      case 1 -> what.equals("auth") ? Script.answering(world.params()).onAuth(Script.OnAuth.SILENT)
          : Script.answering(world.params()).upgrade(Script.Upgrade.HOLD);
      default -> Script.answering(world.params()).closeOnAuth(1011);
    });
  }

  @When("the harness ends the session with {string}")
  public void harnessEnds(String how) {
    HarnessConnection first = world.harness().connection(0);
    String[] words = how.split(" ");
    switch (words[0]) {
      case "drop" -> first.drop();
      case "goaway" -> {
        retryAfterMs = Long.parseLong(words[2]);
        first.goaway(Integer.parseInt(words[1]), retryAfterMs);
      }
      default -> first.close(Integer.parseInt(words[0]), "closed by the harness");
    }
    lastEnd = world.recorder().next("the harness's end of the session", Wire.harnessEnd(0), ClientWorld.ms(1000));
  }

  @When("the application closes the client")
  public void applicationCloses() {
    world.carryOut(DriverProcess.newCommand("close"));
    lastEnd = world.recorder().next("the client to close the connection", Wire.clientEnd(0),
        ClientWorld.ms(1000 + world.tau()));
  }

  /** The end of the session by the last "the harness ends the session" or "the application closes the client". */
  HarnessEvent sessionEnd() {
    return lastEnd;
  }

  /** The hint of the goaway that ended the session, 0 without one. */
  long retryAfterMs() {
    return retryAfterMs;
  }

  @Then("the client makes an attempt within the bounds of attempt 0")
  public void attemptWithinBounds() {
    AttemptBounds.judge(world, "reconnect attempt 0 (LL-RC-1" + (retryAfterMs > 0 ? ", LL-RC-7)" : ")"), 1, 0, lastEnd,
        retryAfterMs);
  }

  /** A goaway's hint stretches the first wait only; the hinted attempt still counts in n (LL-RC-7). */
  @Then("reconnect attempts 0 to {int} each wait within their bounds")
  public void attemptsWithinBounds(int last) {
    HarnessEvent end = lastEnd;
    for (int n = 0; n <= last; n++) {
      long hint = n == 0 ? retryAfterMs : 0;
      String rules = hint > 0 ? "LL-RC-7" : retryAfterMs > 0 && n == 1 ? "LL-RC-7, LL-RC-2" : "LL-RC-2";
      HarnessEvent attempt = AttemptBounds.judge(world, "reconnect attempt " + n + " (" + rules + ")", n + 1, n, end, hint);
      waits.add(ClientWorld.between(end, attempt));
      if (n < last) {
        end = world.recorder().next("the harness closing attempt " + n, Wire.harnessEnd(n + 1), ClientWorld.ms(5000));
      }
    }
  }

  @Then("their normalised waits spread over at least a tenth of their intervals")
  public void waitsSpread() {
    SessionParams p = world.params();
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int n = 0; n < waits.size(); n++) {
      double u = (waits.get(n) - p.lo(n)) / (double) (p.hi(n) - p.lo(n));
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    if (max - min < MIN_SPREAD) {
      throw new CheckFailure("waits drawn at random: normalised draws spread over at least " + MIN_SPREAD
          + " (LL-RC-2, PROTOCOL.md §13)", "waits " + waits + " ms, spread " + String.format("%.3f", max - min));
    }
  }

  @Then("no attempt arrives within twice the upper bound of attempt 0")
  public void noAttempt() {
    long window = 2 * world.params().hi(0) + world.tau();
    Optional<HarnessEvent> attempt = world.recorder().within(Wire.anyAttempt(), ClientWorld.ms(window));
    if (attempt.isPresent()) {
      throw new CheckFailure("no reconnect attempt within " + window + " ms", "an attempt "
          + ClientWorld.between(lastEnd, attempt.get()) + " ms after the close");
    }
  }

  @Then("the driver reports the state closed")
  public void reportsClosed() {
    world.driver().next("state", e -> e.path("state").asText().equals("closed"), ClientWorld.ms(1000 + world.tau()));
  }

  @Then("after a new connect with a new token an attempt arrives within τ")
  public void newConnect() {
    long before = System.nanoTime();
    connection.connect(world.harness().url().toString());
    HarnessEvent attempt = world.recorder().next("an attempt after the new connect", Wire.attempt(1),
        ClientWorld.ms(world.tau() + 1000));
    Timing.within("the application's new connect to be made at once", (attempt.nanos() - before) / 1_000_000, 0,
        world.tau());
  }

  @Then("the client gives that attempt up within the timeout of its start")
  public void givesUp() {
    long timeout = world.params().timeoutMs();
    HarnessEvent start = world.recorder().next("attempt 0", Wire.attempt(1), ClientWorld.ms(world.params().hi(0) + world.tau() + 2000));
    lastEnd = world.recorder().next("the client to give the attempt up (LL-HB-8)", Wire.clientEnd(1),
        ClientWorld.ms(timeout + world.tau() + 2000));
    Timing.within("the client to give the unanswered attempt up (LL-HB-8)", ClientWorld.between(start, lastEnd),
        timeout - HeartbeatSteps.EARLY_MS, timeout + world.tau());
  }

  @Then("its next attempt waits as attempt 1")
  public void nextWaitsAsAttemptOne() {
    AttemptBounds.judge(world, "attempt 1 after the given-up attempt (LL-HB-8, LL-RC-2)", 2, 1, lastEnd, 0);
  }
}
